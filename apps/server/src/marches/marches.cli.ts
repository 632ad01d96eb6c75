import {
  listerMarches,
  STATUTS_MARCHE,
  TRIS_MARCHES,
  veillePortefeuille,
  type StatutMarche,
  type TriMarches,
} from "@achat-public/domain/marches";
import { presentMarcheResume, presentVeille } from "@achat-public/contracts";
import { readOnly, unitOfWork, type AppContext } from "../context";
import { option, UsageError } from "../platform/cli/args";
import { defineCommands } from "../platform/cli/commands";
import { print } from "../platform/cli/output";
import { aujourdhuiParis } from "./aujourdhui";
import { envoyerSynthese } from "./marches.jobs";

async function organisationId(ctx: AppContext): Promise<string> {
  const organisation = await unitOfWork(ctx, (uow) => uow.organisations.first());
  if (!organisation) throw new UsageError("La base ne contient encore aucune organisation : démarrez le serveur une première fois.");
  return organisation.id;
}

function entierOption(valeur: string | undefined, nom: string, defaut: number, max: number): number {
  if (valeur === undefined) return defaut;
  const n = Number(valeur);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError(`--${nom} : nombre entier entre 1 et ${max} attendu.`);
  return n;
}

export const marchesCommands = defineCommands([
  {
    name: "marches liste",
    usage: "[--statut en-cours|echu|clos] [--direction <sigle>] [--recherche <texte>] [--tri <tri>] [--page <n>] [--par-page <n>] [--json]",
    summary: `Liste les marchés, filtrés et triés par la base, page par page (50 par défaut). Tris : ${TRIS_MARCHES.join(", ")}. Avec --json : {"total", "page", "parPage", "marches": [...]}.`,
    async run({ args, out, context, actor }) {
      const ctx = await context();
      const statut = option(args, "statut");
      if (statut !== undefined && !STATUTS_MARCHE.includes(statut as StatutMarche))
        throw new UsageError(`--statut : ${STATUTS_MARCHE.join(", ")}.`);
      const tri = option(args, "tri");
      if (tri !== undefined && !TRIS_MARCHES.includes(tri as TriMarches)) throw new UsageError(`--tri : ${TRIS_MARCHES.join(", ")}.`);
      const page = entierOption(option(args, "page"), "page", 1, 1_000_000);
      const parPage = entierOption(option(args, "par-page"), "par-page", 50, 200);
      const orgId = await organisationId(ctx);
      const uow = readOnly(ctx);
      let directionId: string | undefined;
      const sigle = option(args, "direction");
      if (sigle) {
        const { directions } = await uow.directions.list(orgId, 10_000);
        directionId = directions.find((d) => d.sigle === sigle.toUpperCase())?.id;
        if (!directionId)
          throw new UsageError(`Direction inconnue : ${sigle}. Sigles existants : ${directions.map((d) => d.sigle).join(", ")}.`);
      }
      const recherche = option(args, "recherche");
      const { total, marches } = await listerMarches(uow, actor, {
        organisationId: orgId,
        aujourdhui: aujourdhuiParis(ctx.clock.now()),
        ...(statut ? { statut: statut as StatutMarche } : {}),
        ...(directionId ? { directionId } : {}),
        ...(recherche ? { recherche } : {}),
        ...(tri ? { tri: tri as TriMarches } : {}),
        page,
        parPage,
      });
      const lignes = marches.map(presentMarcheResume);
      print(
        out,
        [
          `${total} marché${total > 1 ? "s" : ""} (page ${page}) :`,
          ...lignes.map((m) => `${m.numero}\t${m.directionSigle}\t${m.statut}\tfin ${m.dateFin}\t${m.objet}`),
        ].join("\n"),
        { total, page, parPage, marches: lignes },
      );
      return 0;
    },
  },
  {
    name: "marches veille",
    usage: "[--json]",
    summary:
      "La veille du portefeuille : fins sans successeur à 3, 6 et 12 mois, reconductions à décider, accords-cadres consommés, dérives d'avenants, retards de paiement.",
    async run({ out, context, actor }) {
      const ctx = await context();
      const veille = presentVeille(
        await veillePortefeuille(readOnly(ctx), actor, await organisationId(ctx), aujourdhuiParis(ctx.clock.now())),
      );
      print(
        out,
        [
          `Veille au ${veille.aujourdhui} :`,
          `  fins sans successeur (12 mois) : ${veille.finSansSuccesseur.length}`,
          `  reconductions à décider : ${veille.reconductionsADecider.length}`,
          `  accords-cadres consommés à 80 % ou plus : ${veille.accordsCadresConsommes.length}`,
          `  dérives d'avenants : ${veille.derivesAvenants.length}`,
          `  retards de paiement : ${veille.retardsPaiement.length}`,
        ].join("\n"),
        veille,
      );
      return 0;
    },
  },
  {
    name: "marches synthese",
    usage: "[--json]",
    summary: "Envoie maintenant la synthèse quotidienne de la veille à chaque direction concernée (jamais deux fois le même jour).",
    async run({ out, context }) {
      const ctx = await context();
      const orgId = await organisationId(ctx);
      const jour = aujourdhuiParis(ctx.clock.now());
      const { directions } = await readOnly(ctx).directions.list(orgId, 10_000);
      let envoyees = 0;
      for (const d of directions) if (await envoyerSynthese(ctx, { organisationId: orgId, directionId: d.id, jour })) envoyees++;
      print(out, `${envoyees} synthèse${envoyees > 1 ? "s" : ""} envoyée${envoyees > 1 ? "s" : ""} le ${jour}.`, { jour, envoyees });
      return 0;
    },
  },
]);
