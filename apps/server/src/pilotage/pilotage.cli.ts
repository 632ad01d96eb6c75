import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { isDomainError } from "@achat-public/domain";
import { CLES_INDICATEURS, formaterValeur, lireIndicateurs, fixerCible } from "@achat-public/domain/pilotage";
import {
  CibleInput,
  demandeIndicateurs,
  IndicateursQuery,
  invalidInputDetail,
  presentIndicateurs,
  toApiIssues,
} from "@achat-public/contracts";
import { readOnly, unitOfWork, type AppContext } from "../context";
import { option, requiredOption, UsageError, type ParsedArgs } from "../platform/cli/args";
import { defineCommands, reportDomainError } from "../platform/cli/commands";
import { print } from "../platform/cli/output";
import { construireRapport, rapportHtml, rapportPdf } from "./rapport";

async function organisationId(ctx: AppContext): Promise<string> {
  const organisation = await readOnly(ctx).organisations.first();
  if (!organisation) throw new UsageError("La base ne contient encore aucune organisation : démarrez le serveur une première fois.");
  return organisation.id;
}

/** `--direction` takes a direction's acronym (or its identifier). */
async function directionId(ctx: AppContext, orgId: string, args: ParsedArgs): Promise<string | undefined> {
  const valeur = option(args, "direction");
  if (valeur === undefined) return undefined;
  const { directions } = await readOnly(ctx).directions.list(orgId, 10_000);
  const d = directions.find((x) => x.id === valeur || x.sigle === valeur.toUpperCase());
  if (!d) throw new UsageError(`Direction inconnue : ${valeur}. Sigles existants : ${directions.map((x) => x.sigle).join(", ")}.`);
  return d.id;
}

function parse<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: unknown[] } } },
  v: unknown,
): T {
  const r = schema.safeParse(v);
  if (r.success) return r.data;
  const issues = (r.error.issues as Parameters<typeof toApiIssues>[0][]).flatMap((i) => toApiIssues(i));
  throw new UsageError(
    invalidInputDetail(
      issues.map((i) => ({ ...i, path: i.path.map((p) => `--${String(p).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`) })),
    ),
  );
}

export const pilotageCommands = defineCommands([
  {
    name: "indicateurs",
    usage: "--annee <AAAA> [--direction <sigle>] [--montant-min-ht <euros>] [--json]",
    summary:
      "Les indicateurs de la politique d'achat et du SPASER (même JSON que GET /api/indicateurs) ;\n" +
      "--montant-min-ht 40000 donne exactement la population publiée dans les DECP.",
    async run({ args, out, context, actor }) {
      const ctx = await context();
      const orgId = await organisationId(ctx);
      const direction = await directionId(ctx, orgId, args);
      const query = parse(IndicateursQuery, {
        annee: requiredOption(args, "annee"),
        ...(direction ? { direction } : {}),
        ...(option(args, "montant-min-ht") !== undefined ? { montantMinHt: option(args, "montant-min-ht") } : {}),
      });
      try {
        const t = presentIndicateurs(await lireIndicateurs(readOnly(ctx), actor, orgId, demandeIndicateurs(query)));
        const lignes = CLES_INDICATEURS.map((cle) => {
          const i = t.indicateurs[cle];
          return `  ${i.libelle.padEnd(52)} ${formaterValeur(i.unite, i.valeur)}${i.cible === null ? "" : ` (objectif ${formaterValeur(i.unite, i.cible)})`}`;
        });
        print(out, `Indicateurs du ${t.filtre.du} au ${t.filtre.au} :\n${lignes.join("\n")}`, t);
        return 0;
      } catch (e) {
        if (isDomainError(e)) return reportDomainError(out, e);
        throw e;
      }
    },
  },
  {
    name: "spaser objectif",
    usage: "--annee <AAAA> --indicateur <code> --valeur <nombre> [--json]",
    summary: `Fixe l'objectif du SPASER d'un indicateur pour une année (une part entre 0 et 1). Codes : ${CLES_INDICATEURS.join(", ")}.`,
    async run({ args, out, context, actor }) {
      const ctx = await context();
      const orgId = await organisationId(ctx);
      const input = parse(CibleInput, {
        annee: Number(requiredOption(args, "annee")),
        indicateur: requiredOption(args, "indicateur"),
        valeur: Number(requiredOption(args, "valeur").replace(",", ".")),
      });
      try {
        await unitOfWork(ctx, (uow) => fixerCible(uow, actor, orgId, input));
      } catch (e) {
        if (isDomainError(e)) return reportDomainError(out, e);
        throw e;
      }
      print(out, `Objectif ${input.annee} de « ${input.indicateur} » fixé à ${input.valeur}.`, input);
      return 0;
    },
  },
  {
    name: "spaser rapport",
    usage: "--annee <AAAA> --sortie <rapport.pdf|rapport.html> [--json]",
    summary:
      "Écrit le rapport annuel du SPASER (indicateurs et objectifs, graphiques, faits marquants par direction, méthode), en PDF ou en HTML selon l'extension.",
    async run({ args, out, context, actor, cwd }) {
      const ctx = await context();
      const orgId = await organisationId(ctx);
      const { annee } = parse(IndicateursQuery.pick({ annee: true }).required(), { annee: requiredOption(args, "annee") });
      const sortie = resolve(cwd, requiredOption(args, "sortie"));
      const html = sortie.toLowerCase().endsWith(".html");
      if (!html && !sortie.toLowerCase().endsWith(".pdf")) throw new UsageError("--sortie : un fichier .pdf ou .html est attendu.");
      const rapport = await construireRapport(readOnly(ctx), actor, orgId, annee);
      await writeFile(sortie, html ? rapportHtml(rapport) : await rapportPdf(rapport));
      const n = rapport.indicateurs.nombreMarchesNotifies.valeur ?? 0;
      print(out, `Rapport ${annee} écrit dans ${sortie} (${n} marché${n > 1 ? "s" : ""} notifié${n > 1 ? "s" : ""}).`, {
        sortie,
        annee,
        nombreMarchesNotifies: n,
      });
      return 0;
    },
  },
]);
