import { assertCan } from "../acces/policies";
import type { Actor } from "../acces/roles";
import { invalidInput, type Issue } from "../commun/errors";
import type { AuditLog, Clock, IdGenerator } from "../commun/ports";
import { verifierTexte } from "../commun/texte";
import { maEntreprise } from "../entreprises/comptes.use-cases";
import type { EntrepriseRepository, MembreRepository } from "../entreprises/ports";
import type { Facture } from "../marches/execution";
import { statutMarche, type StatutMarche } from "../marches/marche";
import { bilanPaiements, chiffrerFacture } from "../marches/marches.use-cases";
import type { MarcheRepository } from "../marches/ports";
import { notFound, staleVersion } from "../organisation/organisation";
import { TAUX_BCE_PAR_DEFAUT } from "../regles/parametres";
import type { EcbRateRepository } from "../regles/ports";
import { daysBetween, type DateLegale } from "../valeurs/date-legale";
import type { EspaceRepository, EvaluationAcheteur, EvaluationAnonyme, MarcheTitulaire } from "./ports";

/**
 * The company's own space. A company account sees the contracts whose holder, mandatary or co-holder has
 * **exactly its SIRET** (not every establishment of its SIREN: see docs/portail.md, « Espace de l'entreprise »),
 * their invoices with the payment figures of the rules engine (asked through `chiffrerFacture` of the contracts
 * context, never re-computed here), the evaluation it received at closing, and it evaluates the département.
 * Another company's contract is "not found" (its existence is not disclosed).
 */

interface Deps {
  espace: EspaceRepository;
  marches: MarcheRepository;
  membres: MembreRepository;
  entreprises: EntrepriseRepository;
  ecbRates: EcbRateRepository;
  audit: AuditLog;
  clock: Clock;
  ids: IdGenerator;
}

/** Today's legal day in Paris. */
function aujourdhui(clock: Clock): DateLegale {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Paris" }).format(clock.now());
}

async function tableBce(deps: Pick<Deps, "ecbRates">) {
  const table = await deps.ecbRates.list();
  return table.length ? table : TAUX_BCE_PAR_DEFAUT;
}

export type StatutFacture = "payee" | "payee-en-retard" | "a-payer" | "en-retard";

/** An invoice as its holder sees it: the recorded figures, and for an unpaid late one, what is owed today. */
export interface FactureTitulaire extends Facture {
  statut: StatutFacture;
  /** Days since reception while unpaid (the payment delay so far); null once paid. */
  joursDepuisReception: number | null;
  /**
   * Unpaid and past its due date: the engine's figures as if paid today (interest keeps running until the
   * payment). Null otherwise.
   */
  duAujourdhui: Pick<Facture, "joursRetard" | "tauxInteretsPointsDeBase" | "interetsMoratoiresCents" | "indemniteForfaitaireCents"> | null;
}

export function factureTitulaire(f: Facture, jour: DateLegale, table: Parameters<typeof chiffrerFacture>[1]): FactureTitulaire {
  if (f.datePaiement !== null)
    return { ...f, statut: f.joursRetard > 0 ? "payee-en-retard" : "payee", joursDepuisReception: null, duAujourdhui: null };
  const joursDepuisReception = Math.max(0, daysBetween(f.dateReception, jour));
  if (jour <= f.dateEcheance) return { ...f, statut: "a-payer", joursDepuisReception, duAujourdhui: null };
  const c = chiffrerFacture({ montantTtcCents: f.montantTtcCents, dateReception: f.dateReception, datePaiement: jour }, table);
  return {
    ...f,
    statut: "en-retard",
    joursDepuisReception,
    duAujourdhui: {
      joursRetard: c.joursRetard,
      tauxInteretsPointsDeBase: c.tauxInteretsPointsDeBase,
      interetsMoratoiresCents: c.interetsMoratoiresCents,
      indemniteForfaitaireCents: c.indemniteForfaitaireCents,
    },
  };
}

/** Payments of one contract, for its holder: the contracts context's record plus what late unpaid invoices owe today. */
export interface PaiementsTitulaire extends ReturnType<typeof bilanPaiements> {
  nombreImpayeesEnRetard: number;
  /** Interest and indemnities owed: recorded on late payments, plus those running on late unpaid invoices. */
  interetsDusCents: number;
  indemnitesDuesCents: number;
}

export function paiementsTitulaire(factures: FactureTitulaire[]): PaiementsTitulaire {
  const bilan = bilanPaiements(factures);
  const enRetard = factures.filter((f) => f.duAujourdhui !== null);
  const somme = (v: number[]) => v.reduce((a, b) => a + b, 0);
  return {
    ...bilan,
    nombreImpayeesEnRetard: enRetard.length,
    interetsDusCents: bilan.interetsMoratoiresCents + somme(enRetard.map((f) => f.duAujourdhui?.interetsMoratoiresCents ?? 0)),
    indemnitesDuesCents: bilan.indemnitesForfaitairesCents + somme(enRetard.map((f) => f.duAujourdhui?.indemniteForfaitaireCents ?? 0)),
  };
}

export interface MarcheEspace {
  marche: MarcheTitulaire;
  statut: StatutMarche;
  paiements: PaiementsTitulaire;
  evaluationDonnee: EvaluationAcheteur | null;
}

export interface EspaceEntreprise {
  entreprise: { raisonSociale: string; siret: string };
  marches: MarcheEspace[];
}

/** The company's contracts with the département, each with its payment record and whether it evaluated it. */
export async function mesMarches(deps: Omit<Deps, "audit" | "ids">, actor: Actor): Promise<EspaceEntreprise> {
  const { entreprise } = await maEntreprise(deps, actor);
  const organisationId = actor.kind === "user" ? actor.organisationId : "";
  const [marches, table] = await Promise.all([deps.espace.marchesDuSiret(organisationId, entreprise.siret), tableBce(deps)]);
  const jour = aujourdhui(deps.clock);
  const evaluations = await deps.espace.evaluationsDe(
    entreprise.id,
    marches.map((m) => m.id),
  );
  const resultat: MarcheEspace[] = [];
  for (const marche of marches) {
    const factures = (await deps.marches.factures(marche.id)).map((f) => factureTitulaire(f, jour, table));
    resultat.push({
      marche,
      statut: statutMarche(marche, jour),
      paiements: paiementsTitulaire(factures),
      evaluationDonnee: evaluations.find((e) => e.marcheId === marche.id) ?? null,
    });
  }
  return { entreprise: { raisonSociale: entreprise.raisonSociale, siret: entreprise.siret }, marches: resultat };
}

export interface MarcheEspaceDetail extends MarcheEspace {
  factures: FactureTitulaire[];
}

/** One of the company's contracts; another company's (or an unknown one) is "not found". */
export async function monMarche(deps: Omit<Deps, "audit" | "ids">, actor: Actor, marcheId: string): Promise<MarcheEspaceDetail> {
  const { entreprise } = await maEntreprise(deps, actor);
  const organisationId = actor.kind === "user" ? actor.organisationId : "";
  const marche = await deps.espace.marcheDuSiret(organisationId, entreprise.siret, marcheId);
  if (!marche) throw notFound("Marché");
  const jour = aujourdhui(deps.clock);
  const [brutes, table, evaluations] = await Promise.all([
    deps.marches.factures(marche.id),
    tableBce(deps),
    deps.espace.evaluationsDe(entreprise.id, [marche.id]),
  ]);
  const factures = brutes.map((f) => factureTitulaire(f, jour, table));
  return {
    marche,
    statut: statutMarche(marche, jour),
    factures,
    paiements: paiementsTitulaire(factures),
    evaluationDonnee: evaluations[0] ?? null,
  };
}

export const CRITERES_EVALUATION_ACHETEUR = ["paiement", "clarte", "relation"] as const;
export type CritereEvaluationAcheteur = (typeof CRITERES_EVALUATION_ACHETEUR)[number];
export const LIBELLES_CRITERES_ACHETEUR: Record<CritereEvaluationAcheteur, string> = {
  paiement: "Paiement",
  clarte: "Clarté des documents",
  relation: "Relation",
};
export const COMMENTAIRE_MAX = 2000;

export interface EvaluationAcheteurInput {
  paiement: number;
  clarte: number;
  relation: number;
  commentaire?: string | null;
  /** The version read; null (or absent) to give a first evaluation. */
  version?: number | null;
}

export function validerEvaluationAcheteur(
  input: EvaluationAcheteurInput,
): Pick<EvaluationAcheteur, CritereEvaluationAcheteur | "commentaire"> {
  const issues: Issue[] = [];
  for (const cle of CRITERES_EVALUATION_ACHETEUR) {
    const v = input[cle];
    if (typeof v !== "number" || !Number.isInteger(v) || v < 1 || v > 5)
      issues.push({ path: [cle], message: `${LIBELLES_CRITERES_ACHETEUR[cle]} : note entière de 1 à 5 attendue.` });
  }
  let commentaire: string | null = null;
  if (typeof input.commentaire === "string" && input.commentaire.trim() !== "") {
    const v = verifierTexte(input.commentaire, { multiligne: true });
    if (!v.ok) issues.push({ path: ["commentaire"], message: v.message });
    else if (v.valeur.length > COMMENTAIRE_MAX)
      issues.push({ path: ["commentaire"], message: `Commentaire : ${COMMENTAIRE_MAX} caractères au plus.` });
    else commentaire = v.valeur;
  }
  if (issues.length) throw invalidInput(issues);
  return { paiement: input.paiement, clarte: input.clarte, relation: input.relation, commentaire };
}

/**
 * The company evaluates the département on one of its contracts: one evaluation per contract and company,
 * editable (optimistic version; the row is locked while it is changed), audited.
 */
export async function evaluerAcheteur(
  deps: Deps,
  actor: Actor,
  marcheId: string,
  input: EvaluationAcheteurInput,
): Promise<{ evaluation: EvaluationAcheteur; creee: boolean }> {
  const { entreprise } = await maEntreprise(deps, actor);
  const organisationId = actor.kind === "user" ? actor.organisationId : "";
  const marche = await deps.espace.marcheDuSiret(organisationId, entreprise.siret, marcheId);
  if (!marche) throw notFound("Marché");
  const valeurs = validerEvaluationAcheteur(input);
  const existante = await deps.espace.evaluationForUpdate(marcheId, entreprise.id);
  const version = input.version ?? null;
  let evaluation: EvaluationAcheteur;
  if (existante) {
    if (version !== existante.version) throw staleVersion();
    evaluation = { ...existante, ...valeurs, modifieeLe: deps.clock.now(), version: existante.version + 1 };
    if (!(await deps.espace.updateEvaluation(evaluation, existante.version))) throw staleVersion();
  } else {
    if (version !== null) throw staleVersion();
    evaluation = {
      id: deps.ids.newId(),
      organisationId,
      marcheId,
      entrepriseId: entreprise.id,
      ...valeurs,
      modifieeLe: deps.clock.now(),
      version: 1,
    };
    await deps.espace.insertEvaluation(evaluation);
  }
  await deps.audit.append(actor, {
    organisationId,
    type: existante ? "evaluation-acheteur.updated" : "evaluation-acheteur.created",
    aggregateType: "marche",
    aggregateId: marcheId,
    payload: {
      entrepriseId: entreprise.id,
      paiement: valeurs.paiement,
      clarte: valeurs.clarte,
      relation: valeurs.relation,
      avecCommentaire: valeurs.commentaire !== null,
    },
  });
  return { evaluation, creee: !existante };
}

// ------------------------------------------------------------------------------------------------ aggregate

/**
 * Below this many evaluations, a group (a direction, a year) shows its count but not its averages: with one or
 * two evaluations, an average is an individual's scores, and a direction knows who holds its few contracts.
 */
export const SEUIL_ANONYMAT = 3;

export interface Moyennes {
  nombre: number;
  /** Averages to one decimal; null below SEUIL_ANONYMAT evaluations. */
  paiement: number | null;
  clarte: number | null;
  relation: number | null;
}

export interface SyntheseEvaluations {
  total: Moyennes;
  parDirection: (Moyennes & { directionId: string; directionSigle: string })[];
  parAnnee: (Moyennes & { annee: number })[];
  /** Comments without the company, the contract or the direction: only the notification year. */
  commentaires: { annee: number; commentaire: string }[];
}

function moyennes(evaluations: readonly EvaluationAnonyme[]): Moyennes {
  const n = evaluations.length;
  const moyenne = (cle: CritereEvaluationAcheteur) =>
    n < SEUIL_ANONYMAT ? null : Math.round((evaluations.reduce((s, e) => s + e[cle], 0) / n) * 10) / 10;
  return { nombre: n, paiement: moyenne("paiement"), clarte: moyenne("clarte"), relation: moyenne("relation") };
}

function grouper<K>(evaluations: readonly EvaluationAnonyme[], cle: (e: EvaluationAnonyme) => K): Map<K, EvaluationAnonyme[]> {
  const groupes = new Map<K, EvaluationAnonyme[]>();
  for (const e of evaluations) {
    const k = cle(e);
    const g = groupes.get(k);
    if (g) g.push(e);
    else groupes.set(k, [e]);
  }
  return groupes;
}

export function syntheseEvaluations(evaluations: readonly EvaluationAnonyme[]): SyntheseEvaluations {
  const parDirection = [...grouper(evaluations, (e) => e.directionId).values()]
    .map((g) => ({ directionId: g[0]?.directionId ?? "", directionSigle: g[0]?.directionSigle ?? "", ...moyennes(g) }))
    .sort((a, b) => a.directionSigle.localeCompare(b.directionSigle, "fr"));
  const parAnnee = [...grouper(evaluations, (e) => e.annee).entries()]
    .map(([annee, g]) => ({ annee, ...moyennes(g) }))
    .sort((a, b) => b.annee - a.annee);
  const commentaires = evaluations
    .filter((e) => e.commentaire !== null)
    .map((e) => ({ annee: e.annee, commentaire: e.commentaire ?? "" }))
    // ordered by year then text: the order of entry would point at the last contract evaluated
    .sort((a, b) => b.annee - a.annee || a.commentaire.localeCompare(b.commentaire, "fr"));
  return { total: moyennes(evaluations), parDirection, parAnnee, commentaires };
}

export async function lireSyntheseEvaluations(
  deps: Pick<Deps, "espace">,
  actor: Actor,
  organisationId: string,
): Promise<SyntheseEvaluations> {
  assertCan(actor, "evaluations-acheteur.read");
  return syntheseEvaluations(await deps.espace.evaluationsAnonymes(organisationId));
}
