/**
 * The one import pipeline of the platform, for every context's spreadsheets (docs/tableur.md):
 * 1. the file is uploaded (or given to the CLI) and kept with the import;
 * 2. analysis: every cell is parsed (`@achat-public/tableur`), then every valid row is tried against the
 *    domain in a transaction that is always rolled back (one savepoint per row), so that the report lists every
 *    bad cell and every business refusal with its row and column, before anything is written;
 * 3. once the user has confirmed the report it saw (its `empreinte`), every row is written in ONE transaction:
 *    all or nothing, one audit event for the import (file hash and counts).
 * Progress of each step is reported to the page (polling) and to the CLI (progress bar).
 */
import { extname } from "node:path";
import { z } from "zod";
import { assertCan, DomainError, isDomainError, type Actor, type Permission } from "@achat-public/domain";
import { apiPath, LIBELLES_STATUT_IMPORT, type ImportOutput, type RapportImport, type StatutImport } from "@achat-public/contracts";
import { importRepository, sha256Hex, type ImportRow, type StatutImportRow } from "@achat-public/db";
import {
  analyserImport,
  isErreurTableur,
  modeleCsv,
  modeleXlsx,
  type Colonnes,
  type FormatTableur,
  type LigneDe,
  type LigneLue,
  type PolitiqueImport,
  type Probleme,
} from "@achat-public/tableur";
import { unitOfWork, type AppContext, type UnitOfWork } from "../context";
import { defineJob } from "./jobs/jobs";

/** What a context declares to import its spreadsheets. */
export interface ImportDefinition<C extends Colonnes = Colonnes> {
  /** In URLs and the CLI: `utilisateurs`. */
  type: string;
  /** « Comptes utilisateurs ». */
  libelle: string;
  permission: Permission;
  colonnes: C;
  /** `toutOuRien` (default): one bad row blocks the import; `lignesValides`: the valid rows may be written. */
  politique?: PolitiqueImport;
  /** Example rows of the template. */
  lignesExemple?: Partial<LigneDe<C>>[];
  /** Writes one row through the use cases, in the import's transaction; a DomainError refuses the row. */
  ecrireLigne(input: { uow: UnitOfWork; actor: Actor; organisationId: string; ligne: LigneDe<C>; numero: number }): Promise<void>;
  /** Audit event type of a finished import (`users.imported`). */
  evenement: string;
  /** Domain fields whose column has another key (`directionId` is the column `direction`, a sigle). */
  champs?: Record<string, string>;
}

export function defineImport<const C extends Colonnes>(definition: ImportDefinition<C>): ImportDefinition<C> {
  return definition;
}

export const IMPORT_MAX_OCTETS = 20 * 1024 * 1024;

const ETAPES = {
  lecture: "Lecture du fichier",
  verification: "Vérification de chaque ligne",
  ecriture: "Écriture",
  fin: "Terminé",
};

/** Progress of the steps that run inside a transaction: kept in memory (same process), and in the row on PostgreSQL. */
const progressInMemory = new Map<string, { perMille: number; etape: string }>();

function reporter(ctx: AppContext, id: string) {
  let last = 0;
  return (fraction: number, etape: string) => {
    const perMille = Math.round(Math.max(0, Math.min(1, fraction)) * 1000);
    progressInMemory.set(id, { perMille, etape });
    // PGlite is one connection: a write outside the running transaction would wait for it; memory is enough there
    if (ctx.database.kind === "postgresql" && Date.now() - last > 500) {
      last = Date.now();
      void importRepository(ctx.database.db, ctx.clock)
        .progress(id, perMille, etape)
        .catch(() => {});
    }
  };
}

export function formatOf(nomFichier: string): FormatTableur | null {
  const ext = extname(nomFichier).toLowerCase();
  return ext === ".xlsx" ? "xlsx" : ext === ".csv" ? "csv" : null;
}

/** The French column header of a domain issue's field (`nomAffiche` → « Nom affiché »). */
function enteteDe(definition: ImportDefinition, path: readonly (string | number)[]): string {
  const field = String(apiPath(path)[0] ?? "");
  const cle = definition.champs?.[field] ?? field;
  const colonne = Object.values(definition.colonnes).find((c) => c.cle === cle);
  return colonne?.entete ?? "";
}

function resume(
  r: Omit<RapportImport, "resume" | "ecriturePossible">,
  politique: PolitiqueImport,
): { resume: string; ecriturePossible: boolean } {
  const n = (count: number, word: string) => `${count.toLocaleString("fr-FR")} ${word}${count > 1 ? "s" : ""}`;
  const ecriturePossible = r.valides > 0 && (politique === "lignesValides" || r.enErreur === 0) && r.entetesManquants.length === 0;
  let phrase = `${n(r.total, "ligne")} : ${n(r.valides, "ligne valide")}${r.valides > 1 ? "" : ""}, ${n(r.enErreur, "ligne")} en erreur.`;
  if (r.entetesManquants.length > 0) phrase += ` Colonnes obligatoires absentes : ${r.entetesManquants.join(", ")}.`;
  else if (!ecriturePossible && r.valides === 0) phrase += " Aucune ligne ne peut être importée.";
  else if (!ecriturePossible)
    phrase += " Corrigez les lignes en erreur puis envoyez le fichier de nouveau : l'import se fait en entier ou pas du tout.";
  else if (r.enErreur > 0) phrase += ` En confirmant, seules les ${n(r.valides, "ligne")} valides seront importées.`;
  else phrase += " Tout peut être importé : confirmez pour écrire.";
  return { resume: phrase, ecriturePossible };
}

/** Thrown to roll back the dry run once every row has been tried. */
class DryRunDone extends Error {}

interface Analysis<C extends Colonnes> {
  rapport: RapportImport;
  lignes: LigneLue<LigneDe<C>>[];
}

/**
 * Reads and checks a file: every cell, then every row against the domain in a rolled-back transaction.
 * `progress(fraction, etape)` is called along the way.
 */
export async function analyse<C extends Colonnes>(
  ctx: AppContext,
  definition: ImportDefinition<C>,
  input: { contenu: Buffer; format: FormatTableur; actor: Actor; organisationId: string },
  progress: (fraction: number, etape: string) => void,
): Promise<Analysis<C>> {
  const politique = definition.politique ?? "toutOuRien";
  const { rapport, lignesValides } = await analyserImport(input.contenu, {
    format: input.format,
    colonnes: definition.colonnes,
    politique,
    maxOctets: IMPORT_MAX_OCTETS,
    onProgression: (p) => progress(0.5 * (p.octetsTotal ? p.octetsLus / p.octetsTotal : 0), ETAPES.lecture),
  });
  const problemes: Probleme[] = [...rapport.problemes];
  const refusees = new Set<number>();
  try {
    await unitOfWork(ctx, async (uow) => {
      for (const [i, ligne] of lignesValides.entries()) {
        try {
          await uow.savepoint((nested) =>
            definition.ecrireLigne({
              uow: nested,
              actor: input.actor,
              organisationId: input.organisationId,
              ligne: ligne.valeurs,
              numero: ligne.numero,
            }),
          );
        } catch (error) {
          if (!isDomainError(error)) throw error;
          refusees.add(ligne.numero);
          const issues = error.issues.length > 0 ? error.issues : [{ path: [], message: error.message }];
          for (const issue of issues) {
            problemes.push({
              ligne: ligne.numero,
              colonne: enteteDe(definition as ImportDefinition, issue.path),
              valeur: "",
              message: issue.message,
            });
          }
        }
        if (i % 20 === 0) progress(0.5 + (0.5 * i) / Math.max(1, lignesValides.length), ETAPES.verification);
      }
      throw new DryRunDone();
    });
  } catch (error) {
    if (!(error instanceof DryRunDone)) throw error;
  }
  problemes.sort((a, b) => a.ligne - b.ligne);
  const lignes = lignesValides.filter((l) => !refusees.has(l.numero));
  const counts = {
    total: rapport.total,
    valides: lignes.length,
    enErreur: rapport.enErreur + refusees.size,
    problemes,
    problemesOmis: rapport.problemesOmis,
    apercu: lignes.slice(0, 10).map((l) => ({ numero: l.numero, valeurs: l.valeurs as Record<string, unknown> })),
    entetesInconnus: rapport.entetesInconnus,
    entetesManquants: rapport.entetesManquants,
    empreinte: rapport.empreinte,
    politique,
  };
  progress(1, ETAPES.verification);
  return { rapport: { ...counts, ...resume(counts, politique) }, lignes };
}

/** Writes the rows of a confirmed import in ONE transaction, with one audit event; all or nothing. */
export async function write<C extends Colonnes>(
  ctx: AppContext,
  definition: ImportDefinition<C>,
  input: {
    analysis: Analysis<C>;
    actor: Actor;
    organisationId: string;
    nomFichier: string;
    importId: string | null;
    requestId?: string | null;
  },
  progress: (fraction: number, etape: string) => void,
): Promise<number> {
  const { analysis } = input;
  if (!analysis.rapport.ecriturePossible) {
    throw new DomainError("IMPORT_INVALID", `Import impossible : ${analysis.rapport.resume}`, "rule-violation");
  }
  return unitOfWork(
    ctx,
    async (uow) => {
      for (const [i, ligne] of analysis.lignes.entries()) {
        try {
          await definition.ecrireLigne({
            uow,
            actor: input.actor,
            organisationId: input.organisationId,
            ligne: ligne.valeurs,
            numero: ligne.numero,
          });
        } catch (error) {
          if (!isDomainError(error)) throw error;
          // a concurrent change since the analysis: nothing is written, the row is named
          throw new DomainError(
            "IMPORT_ROW_REFUSED",
            `Ligne ${ligne.numero} refusée à l'écriture (les données ont changé depuis l'analyse) : ${error.message} Rien n'a été importé.`,
            "conflict",
          );
        }
        if (i % 20 === 0) progress(i / Math.max(1, analysis.lignes.length), ETAPES.ecriture);
      }
      await uow.audit.append(input.actor, {
        type: definition.evenement,
        aggregateType: "import",
        aggregateId: input.importId ?? sha256Hex(analysis.rapport.empreinte).slice(0, 32),
        organisationId: input.organisationId,
        payload: {
          fichier: input.nomFichier,
          empreinte: analysis.rapport.empreinte,
          lignes: analysis.lignes.length,
          total: analysis.rapport.total,
        },
      });
      progress(1, ETAPES.fin);
      return analysis.lignes.length;
    },
    input.requestId ?? null,
  );
}

/** A template to fill, with its file name. */
export async function template(definition: ImportDefinition, format: FormatTableur): Promise<{ contenu: Buffer; nomFichier: string }> {
  const nom = `modele-${definition.type}.${format}`;
  const lignesExemple = (definition.lignesExemple ?? []) as never[];
  if (format === "csv") return { contenu: modeleCsv(definition.colonnes, { lignesExemple }), nomFichier: nom };
  return { contenu: await modeleXlsx(definition.colonnes, { titre: definition.libelle, lignesExemple }), nomFichier: nom };
}

/** The import as the API shows it. */
export function presentImport(row: ImportRow, definition: ImportDefinition | undefined): ImportOutput {
  const memory = progressInMemory.get(row.id);
  const running = row.statut === "en-analyse" || row.statut === "en-ecriture";
  return {
    id: row.id,
    type: row.type,
    libelle: definition?.libelle ?? row.type,
    nomFichier: row.nomFichier,
    statut: row.statut as StatutImport,
    statutLibelle: LIBELLES_STATUT_IMPORT[row.statut as StatutImport],
    progression: running && memory ? memory.perMille / 1000 : row.progression / 1000,
    etape: running && memory ? memory.etape : row.etape,
    rapport: (row.rapport as RapportImport | null) ?? null,
    erreur: row.erreur,
    creeLe: row.createdAt.toISOString(),
  };
}

/** The refusal of an unreadable file as the import's error (never a 500). */
function fileError(error: unknown): string | null {
  if (isErreurTableur(error) || isDomainError(error)) return (error as Error).message;
  return null;
}

/** The definition of an import type, among those the contexts registered (`ctx.imports`). */
export function findImport(ctx: AppContext, type: string): ImportDefinition | undefined {
  return ctx.imports.find((d) => d.type === type);
}

const ImportJobPayload = z.object({ importId: z.uuid(), acteur: z.record(z.string(), z.unknown()) });

/** The import a job works on, if it is still in the expected state with its file (a job may run twice). */
async function loadImport(ctx: AppContext, importId: string, statut: StatutImportRow) {
  const table = importRepository(ctx.database.db, ctx.clock);
  const row = await table.getById(importId);
  const definition = row ? findImport(ctx, row.type) : undefined;
  if (!row || !definition || row.statut !== statut || !row.contenu) return null;
  return { table, row, definition, contenu: row.contenu, format: row.format as FormatTableur };
}

/** The two jobs of the pipeline: analyse a file, write a confirmed import. */
export function importJobs() {
  const analyseJob = defineJob({
    name: "import.analyser",
    payload: ImportJobPayload,
    retryLimit: 1,
    expireInSeconds: 900,
    async handler({ importId, acteur }, { ctx }) {
      const loaded = await loadImport(ctx, importId, "en-analyse");
      if (!loaded) return;
      const { table, row, definition, contenu, format } = loaded;
      try {
        const result = await analyse(
          ctx,
          definition,
          { contenu, format, actor: acteur as unknown as Actor, organisationId: row.organisationId },
          reporter(ctx, importId),
        );
        await table.transition(importId, ["en-analyse"], {
          statut: "analyse",
          rapport: result.rapport,
          progression: 1000,
          etape: ETAPES.verification,
        });
      } catch (error) {
        const message = fileError(error);
        if (message === null) throw error;
        await table.transition(importId, ["en-analyse"], { statut: "echec", erreur: message, contenu: null, etape: ETAPES.lecture });
      } finally {
        progressInMemory.delete(importId);
      }
    },
  });
  const writeJob = defineJob({
    name: "import.ecrire",
    payload: ImportJobPayload,
    retryLimit: 0,
    expireInSeconds: 1800,
    async handler({ importId, acteur }, { ctx }) {
      const loaded = await loadImport(ctx, importId, "en-ecriture");
      if (!loaded) return;
      const { table, row, definition, contenu, format } = loaded;
      const actor = acteur as unknown as Actor;
      const progress = reporter(ctx, importId);
      try {
        const analysis = await analyse(ctx, definition, { contenu, format, actor, organisationId: row.organisationId }, (f, e) =>
          progress(f * 0.5, e),
        );
        if (analysis.rapport.empreinte !== row.empreinte)
          throw new DomainError("IMPORT_FILE_CHANGED", "Le fichier a changé depuis l'analyse.", "conflict");
        const ecrites = await write(
          ctx,
          definition,
          { analysis, actor, organisationId: row.organisationId, nomFichier: row.nomFichier, importId },
          (f, e) => progress(0.5 + f * 0.5, e),
        );
        await table.transition(importId, ["en-ecriture"], {
          statut: "termine",
          rapport: { ...analysis.rapport, ecrites },
          contenu: null,
          progression: 1000,
          etape: ETAPES.fin,
        });
      } catch (error) {
        if (!isDomainError(error) && !isErreurTableur(error)) {
          await table.transition(importId, ["en-ecriture"], {
            statut: "echec",
            erreur: "Erreur interne pendant l'écriture : rien n'a été importé.",
            contenu: null,
          });
          throw error;
        }
        await table.transition(importId, ["en-ecriture"], { statut: "echec", erreur: (error as Error).message, contenu: null });
      } finally {
        progressInMemory.delete(importId);
      }
    },
  });
  return [analyseJob, writeJob];
}

/** Checks that the actor may use this import (its context's permission). */
export function assertCanImport(actor: Actor, definition: ImportDefinition): void {
  assertCan(actor, definition.permission);
}

/** For the CLI: reads a file fully, with the same limits as the API. */
export async function readImportFile(path: string): Promise<Buffer> {
  const { readFile, stat } = await import("node:fs/promises");
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) throw new DomainError("FILE_NOT_FOUND", `Fichier introuvable : ${path}`, "invalid-input");
  if (info.size > IMPORT_MAX_OCTETS) {
    throw new DomainError(
      "FILE_TOO_LARGE",
      `Le fichier dépasse la taille maximale acceptée (${IMPORT_MAX_OCTETS / 1024 / 1024} Mo).`,
      "invalid-input",
    );
  }
  return readFile(path);
}
