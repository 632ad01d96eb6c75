/**
 * The open-data exports of the département, shared by the CLI and the routes: read the records through the
 * `SourcePublication` port, run the quality gate (domain), build DECP v2.0.3 and OCDS 1.1.5, validate them against
 * the official schemas (ajv, offline).
 */
import {
  controlerPublication,
  versDecp,
  versOcds,
  type MarchePourPublication,
  type ProblemePublication,
  type ProcedurePourPublication,
  type ResultatControle,
  type SourcePublication,
} from "@achat-public/domain/publication";
import { DomainError, type Actor } from "@achat-public/domain";
import { readOnly, unitOfWork, type AppContext } from "../context";
import { validerDecp, validerOcds, type ErreurSchema } from "./validation";

/** An empty source: what the exports read until the contracts tables are wired (see docs/donnees-ouvertes.md). */
export const SOURCE_VIDE: SourcePublication = {
  async *marches() {},
  async *procedures() {},
  async changements(_organisationId, depuis) {
    return { changements: [], suivant: depuis };
  },
};

/** The source of the exports: the contracts of the database (`createContext`), or what a test put in its place. */
export function sourceDe(ctx: AppContext): SourcePublication {
  return ctx.sourcePublication ?? SOURCE_VIDE;
}

/** The département the platform serves (the exports and public routes are its own). */
export async function organisationPubliee(ctx: AppContext): Promise<{ id: string; nom: string; siret: string }> {
  const organisation = await readOnly(ctx).organisations.first();
  if (!organisation) throw new DomainError("ORGANISATION_NOT_FOUND", "Aucune organisation n'est encore configurée.", "not-found");
  return organisation;
}

/** Today in Paris (YYYY-MM-DD): the legal date the gate judges deadlines by. */
export function aujourdhuiParis(now: Date): string {
  return new Intl.DateTimeFormat("fr-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

async function tout<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const list: T[] = [];
  for await (const item of iterable) list.push(item);
  return list;
}

export interface Lecture {
  organisation: { id: string; nom: string; siret: string };
  aujourdhui: string;
  marches: MarchePourPublication[];
  controle: ResultatControle;
}

/** Reads the département's contracts and runs the quality gate at today's Paris date. */
export async function lireEtControler(ctx: AppContext): Promise<Lecture> {
  const organisation = await organisationPubliee(ctx);
  const aujourdhui = aujourdhuiParis(ctx.clock.now());
  const marches = await tout(sourceDe(ctx).marches(organisation.id));
  return { organisation, aujourdhui, marches, controle: controlerPublication(marches, aujourdhui) };
}

/** Schema errors of a DECP document as gate problems: the record's number and its field (DECP path). */
function problemesSchemaDecp(erreurs: ErreurSchema[], publies: readonly MarchePourPublication[]): ProblemePublication[] {
  return erreurs.map((e) => {
    const match = /^\/marches\/marche\/(\d+)(\/.*)?$/.exec(e.chemin);
    const m = match ? publies[Number(match[1])] : undefined;
    const champ =
      (match?.[2] ?? e.chemin)
        .replace(/^\//, "")
        .replace(/\/(\d+)(?=\/|$)/g, "[$1]")
        .replace(/\//g, ".") || "(document)";
    return { numero: m?.numero ?? "(document)", champ, message: `Schéma DECP 2.0.3 : ${e.message}.` };
  });
}

export interface ExportDecp extends Lecture {
  document: { marches: { marche: Record<string, unknown>[] } };
  /** The records in the document (they passed the gate and the schema). */
  publies: MarchePourPublication[];
  /** Gate problems plus schema errors: any of them stops the CLI export. */
  problemes: ProblemePublication[];
}

/**
 * The DECP document of the records that pass the gate, validated against schema_decp_v2.0.3.json. `strict`
 * (CLI): every gate problem is reported and the document is written only if there is none. Not strict (public
 * route): the records at fault are left out, the others published.
 */
export async function exporterDecp(ctx: AppContext): Promise<ExportDecp> {
  const lecture = await lireEtControler(ctx);
  let publies = lecture.controle.publiables;
  let document = versDecp(publies, lecture.aujourdhui);
  const schema = problemesSchemaDecp(validerDecp(document), publies);
  if (schema.length) {
    const fautifs = new Set(schema.map((p) => p.numero));
    publies = publies.filter((m) => !fautifs.has(m.numero));
    document = versDecp(publies, lecture.aujourdhui);
  }
  return { ...lecture, document, publies, problemes: [...lecture.controle.problemes, ...schema] };
}

export interface ExportOcds extends Lecture {
  procedures: ProcedurePourPublication[];
  document: Record<string, unknown>;
  erreursSchema: ErreurSchema[];
}

/** The latest change of the records: the package's publication instant, so that the same data give the same bytes (ETag). */
function dernierChangement(marches: readonly MarchePourPublication[], procedures: readonly ProcedurePourPublication[]): string | null {
  let max: string | null = null;
  for (const x of [...marches, ...procedures]) if (max === null || x.misAJourLe > max) max = x.misAJourLe;
  return max;
}

/** The OCDS 1.1.5 release package (contracts that pass the gate, all non-draft procedures), validated. */
export async function exporterOcds(ctx: AppContext): Promise<ExportOcds> {
  const lecture = await lireEtControler(ctx);
  const procedures = await tout(sourceDe(ctx).procedures(lecture.organisation.id));
  const document = versOcds(procedures, lecture.controle.publiables, {
    prefixe: ctx.config.ocdsPrefixe,
    uri: `${ctx.config.publicUrl}/api/donnees-ouvertes/ocds.json`,
    publie: dernierChangement(lecture.marches, procedures) ?? ctx.clock.now().toISOString(),
    editeur: { nom: lecture.organisation.nom, siret: lecture.organisation.siret },
  });
  const releases = document.releases as unknown[];
  const erreursSchema = releases.length ? validerOcds(document) : [];
  return { ...lecture, procedures, document, erreursSchema };
}

/**
 * Records the first publication of what an export has just published: the contracts and modifications without a
 * publication date get today's (Paris) date, so that « à publier en retard » empties once they are out, and a late
 * publication stays recorded as such. One audit event when something was stamped; nothing written otherwise.
 */
export async function marquerPublies(
  ctx: AppContext,
  actor: Actor,
  lecture: Pick<Lecture, "organisation" | "aujourdhui">,
  publies: readonly MarchePourPublication[],
): Promise<{ marches: number; modifications: number }> {
  const marches = publies.filter((m) => m.datePublicationDonnees === null).map((m) => m.id);
  const modifications = publies.flatMap((m) =>
    m.modifications.filter((x) => x.datePublication === null).map((x) => ({ marcheId: m.id, numero: x.numero })),
  );
  if (marches.length === 0 && modifications.length === 0) return { marches: 0, modifications: 0 };
  return unitOfWork(ctx, async (uow) => {
    const r = await uow.publication.marquerPublication(lecture.organisation.id, { marches, modifications }, lecture.aujourdhui);
    if (r.marches + r.modifications > 0) {
      await uow.audit.append(actor, {
        type: "decp.published",
        aggregateType: "organisation",
        aggregateId: lecture.organisation.id,
        payload: { date: lecture.aujourdhui, marches: r.marches, modifications: r.modifications },
      });
    }
    return r;
  });
}
