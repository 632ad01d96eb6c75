import { readFile } from "node:fs/promises";
import { isAbsolute, resolve } from "node:path";
import { isDomainError } from "@achat-public/domain";
import { planifierSalon, replanifier, type EntreeReplanification, type PlanSalon, type RendezVous } from "@achat-public/domain/salon";
import { option, requiredOption, UsageError } from "../platform/cli/args";
import { defineCommands, reportDomainError, type CommandInput } from "../platform/cli/commands";
import type { Output } from "../platform/cli/output";
import { problem } from "../platform/problem";
import { solveurHighs } from "./solveur-highs";

const nombre = (n: number) => n.toLocaleString("fr-FR");
/** « 1 entreprise servie », « 2 entreprises servies » (0 and 1 take the singular in French). */
const pluriel = (n: number) => (n > 1 ? "s" : "");
const pourcent = (ratio: number) => `${(ratio * 100).toLocaleString("fr-FR", { maximumFractionDigits: 1 })} %`;

/** Reads the JSON file of `--entree` (relative to the CLI's working directory); a number is the exit code of a refusal. */
async function lireEntree(input: CommandInput): Promise<unknown> {
  const fichier = requiredOption(input.args, "entree");
  let texte: string;
  try {
    texte = await readFile(isAbsolute(fichier) ? fichier : resolve(input.cwd, fichier), "utf8");
  } catch {
    throw new UsageError(`Fichier illisible ou introuvable : ${fichier}.`);
  }
  try {
    return JSON.parse(texte) as unknown;
  } catch {
    const detail = `Le fichier ${fichier} n'est pas du JSON valide : vérifiez les guillemets, les virgules et les accolades.`;
    if (input.out.json) {
      const { requestId: _none, ...body } = problem(400, "MALFORMED_JSON", detail, "");
      input.out.stdout(`${JSON.stringify(body, null, 2)}\n`);
    }
    input.out.stderr(`Erreur : ${detail}\n`);
    return MALFORME;
  }
}
const MALFORME = Symbol("json malformé");

/** `--secondes N`: time budget of the search (the LP bounds are always computed to the end). */
function budget(input: CommandInput): number {
  const texte = option(input.args, "secondes");
  if (texte === undefined) return 10;
  const secondes = Number(texte.replace(",", "."));
  if (!Number.isFinite(secondes) || secondes <= 0) throw new UsageError("--secondes attend un nombre de secondes strictement positif.");
  return secondes;
}

/** The agenda slot by slot, for a person. */
function agenda(creneaux: string[], rendezVous: RendezVous[]): string {
  const parCreneau = new Map<string, RendezVous[]>(creneaux.map((c) => [c, []]));
  for (const rdv of rendezVous) parCreneau.get(rdv.creneau)?.push(rdv);
  const lignes: string[] = [];
  for (const [creneau, liste] of parCreneau) {
    if (liste.length === 0) continue;
    lignes.push(`${creneau} (${liste.length}) : ${liste.map((r) => `${r.acheteur} ↔ ${r.entreprise}`).join(", ")}`);
  }
  return lignes.length > 0 ? lignes.join("\n") : "Aucun rendez-vous.";
}

function resume(plan: PlanSalon, secondes: number): string {
  const p = plan.priorites.places;
  return [
    `Planning du salon : ${nombre(plan.places)} rendez-vous placé${pluriel(plan.places)} sur ${nombre(plan.demandes)} demandé${pluriel(plan.demandes)}, ` +
      `${nombre(plan.entreprisesServies)} entreprise${pluriel(plan.entreprisesServies)} servie${pluriel(plan.entreprisesServies)} (au moins un rendez-vous), ` +
      `en ${secondes.toLocaleString("fr-FR")} s.`,
    `  Entreprises servies : ${nombre(plan.entreprisesServies)} / borne ${nombre(plan.borneEntreprisesServies)} (${pourcent(plan.ratioEntreprisesServies)}).`,
    `  Rendez-vous placés  : ${nombre(plan.places)} / borne ${nombre(plan.borneSuperieure)} (${pourcent(plan.ratioRendezVous)}).`,
    `  Par priorité : ${nombre(p[1])} de priorité 1, ${nombre(p[2])} de priorité 2, ${nombre(p[3])} de priorité 3.`,
    plan.optimumProuve
      ? "  Plan optimal (prouvé par les relaxations linéaires)."
      : "  Optimalité non prouvée : les bornes sont celles des relaxations linéaires.",
    ...(plan.entreprisesSansPossibilite > 0
      ? [
          `  ${nombre(plan.entreprisesSansPossibilite)} entreprise${pluriel(plan.entreprisesSansPossibilite)} sans aucun créneau commun avec les acheteurs demandés.`,
        ]
      : []),
  ].join("\n");
}

function avertir(out: Output, avertissements: { path: (string | number)[]; message: string }[]): void {
  for (const a of avertissements) out.stderr(`Avertissement : ${a.path.join(".")} : ${a.message}\n`);
}

export const salonCommands = defineCommands([
  {
    name: "salon planifier",
    usage: "--entree <instance.json> [--secondes N] [--json]",
    summary:
      "Planning des rendez-vous du salon de l'achat public : sert d'abord le plus d'entreprises possible, puis place le plus de\n" +
      "rendez-vous, priorités 1 d'abord, sans double réservation ni hors disponibilités ; calcule les bornes des relaxations\n" +
      "linéaires (HiGHS). Entrée : {creneaux, entreprises:[{id, disponibilites}], acheteurs:[{id, disponibilites}],\n" +
      "demandes:[{entreprise, acheteur, priorite}]}. --secondes : limite de la recherche (10 par défaut). Entrée invalide :\n" +
      "chaque problème nommé, code 2. Voir docs/salon.md.",
    async run(input) {
      const debut = performance.now();
      const limite = budget(input);
      const entree = await lireEntree(input);
      if (entree === MALFORME) return 2;
      let plan: PlanSalon;
      try {
        plan = await planifierSalon(entree, solveurHighs, { doitArreter: () => performance.now() - debut > limite * 1000 });
      } catch (error) {
        if (!isDomainError(error)) throw error;
        return reportDomainError(input.out, error);
      }
      const secondes = Math.round((performance.now() - debut) / 10) / 100;
      avertir(input.out, plan.avertissements);
      const { rendezVous, demandes, places, entreprisesServies, borneSuperieure, borneEntreprisesServies, ...reste } = plan;
      if (input.out.json) {
        const sortie = { rendezVous, demandes, places, entreprisesServies, borneSuperieure, borneEntreprisesServies, secondes, ...reste };
        input.out.stdout(`${JSON.stringify(sortie, null, 2)}\n`);
      } else {
        const creneaux = (entree as { creneaux: string[] }).creneaux;
        input.out.stdout(`${resume(plan, secondes)}\n\n${agenda(creneaux, rendezVous)}\n`);
      }
      return 0;
    },
  },
  {
    name: "salon replanifier",
    usage: "--entree <changements.json> [--json]",
    summary:
      "Replanifie après des changements tardifs sans déplacer les rendez-vous confirmés (sauf autoriserDeplacements) et dit ce qui\n" +
      "a bougé. Entrée : {instance, plan:[{entreprise, acheteur, creneau, confirme?}], changements:{annulerEntreprises?,\n" +
      "annulerAcheteurs?, annulerDemandes?, ajouterDemandes?}, autoriserDeplacements?}.",
    async run(input) {
      const debut = performance.now();
      const entree = await lireEntree(input);
      if (entree === MALFORME) return 2;
      if (typeof entree !== "object" || entree === null || Array.isArray(entree)) {
        throw new UsageError("Un objet JSON est attendu (instance, plan, changements, autoriserDeplacements).");
      }
      try {
        const resultat = replanifier(entree as EntreeReplanification);
        const secondes = Math.round((performance.now() - debut) / 10) / 100;
        avertir(input.out, resultat.avertissements);
        const { instance: _instance, ...sortie } = resultat;
        if (input.out.json) input.out.stdout(`${JSON.stringify({ ...sortie, secondes }, null, 2)}\n`);
        else {
          const lignes = [
            `Replanification : ${nombre(resultat.places)} rendez-vous, ${nombre(resultat.entreprisesServies)} entreprises servies ; ` +
              `${resultat.inchanges} inchangés, ${resultat.deplaces.length} déplacés, ${resultat.retires.length} retirés, ${resultat.ajoutes.length} ajoutés.`,
            ...resultat.deplaces.map(
              (d) => `  déplacé : ${d.acheteur} ↔ ${d.entreprise}, ${d.de} → ${d.vers}${d.confirme ? " (confirmé)" : ""}`,
            ),
            ...resultat.retires.map(
              (d) => `  retiré (${d.motif}) : ${d.acheteur} ↔ ${d.entreprise}, ${d.creneau}${d.confirme ? " (confirmé)" : ""}`,
            ),
            ...resultat.ajoutes.map((d) => `  ajouté : ${d.acheteur} ↔ ${d.entreprise}, ${d.creneau}`),
          ];
          input.out.stdout(`${lignes.join("\n")}\n`);
        }
        return 0;
      } catch (error) {
        if (!isDomainError(error)) throw error;
        return reportDomainError(input.out, error);
      }
    },
  },
]);
