/**
 * A contract (marché public) as the département follows it: its record, holders, amendments, orders, invoices,
 * insertion hours and closing. Amounts in integer cents HT (invoices: TTC), rates in basis points, days as
 * ISO dates. Every legal decision (amendment limits, late-payment interest, retention cap) is asked of the
 * rules engine (../regles), never re-coded here.
 */
import { invalidInput, type Issue } from "../commun/errors";
import { verifierTexte } from "../commun/texte";
import { PROCEDURES_DECP, NATURES, type Nature, type ProcedureDecp } from "../regles/types";
import { CodeCpv } from "../valeurs/code-cpv";
import { addDays, addMonths, isDateLegale, type DateLegale } from "../valeurs/date-legale";

export const FORMES_PRIX = ["forfaitaire", "unitaire", "mixte"] as const;
export type FormePrix = (typeof FORMES_PRIX)[number];

/** CCAG of reference: fournitures courantes et services, travaux, prestations intellectuelles, TIC, marchés industriels, maîtrise d'œuvre. */
export const CCAGS = ["fcs", "travaux", "pi", "tic", "mi", "moe", "aucun"] as const;
export type Ccag = (typeof CCAGS)[number];
export const LIBELLES_CCAG: Record<Ccag, string> = {
  fcs: "CCAG fournitures courantes et services",
  travaux: "CCAG travaux",
  pi: "CCAG prestations intellectuelles",
  tic: "CCAG techniques de l'information et de la communication",
  mi: "CCAG marchés industriels",
  moe: "CCAG maîtrise d'œuvre",
  aucun: "Aucun CCAG",
};

export const ROLES_TITULAIRE = ["titulaire", "mandataire", "cotraitant", "sous-traitant"] as const;
export type RoleTitulaire = (typeof ROLES_TITULAIRE)[number];
export const LIBELLES_ROLE_TITULAIRE: Record<RoleTitulaire, string> = {
  titulaire: "Titulaire unique",
  mandataire: "Mandataire du groupement",
  cotraitant: "Cotraitant",
  "sous-traitant": "Sous-traitant déclaré",
};

/** `en-cours`: not closed and not past its end date; `echu`: past its end date, not closed yet; `clos`. */
export const STATUTS_MARCHE = ["en-cours", "echu", "clos"] as const;
export type StatutMarche = (typeof STATUTS_MARCHE)[number];

export interface Titulaire {
  fournisseurId: string;
  role: RoleTitulaire;
  /** Accepted amount of a declared subcontractor, cents HT. */
  montantSousTraitanceHtCents: number | null;
  /** Direct payment of the subcontractor by the département. */
  paiementDirect: boolean;
}

/** A holder as shown: with the supplier's identity. */
export interface TitulaireDetaille extends Titulaire {
  siret: string;
  nom: string;
  categorie: string | null;
}

export interface Evaluation {
  /** Scores from 1 (poor) to 5 (excellent). */
  qualite: number;
  delais: number;
  relation: number;
  commentaire: string | null;
}

export interface Marche {
  id: string;
  organisationId: string;
  directionId: string;
  numero: string;
  objet: string;
  procedure: ProcedureDecp;
  nature: Nature;
  /** Main CPV code, `dddddddd-d`. */
  cpv: string;
  formePrix: FormePrix;
  accordCadre: boolean;
  /** Firm amount (null for a framework agreement). */
  montantHtCents: number | null;
  montantMinHtCents: number | null;
  /** Maximum of a framework agreement (required for one). */
  montantMaxHtCents: number | null;
  dateNotification: DateLegale;
  dateDebut: DateLegale;
  dureeMois: number;
  reconductionsNombre: number;
  reconductionDureeMois: number | null;
  reconductionsDecidees: number;
  /** Computed: end of the current period (renewals decided, amendments' new end date). */
  dateFin: DateLegale;
  /** Computed: end if every renewal is decided. */
  dateFinMax: DateLegale;
  ccag: Ccag;
  clauseSociale: boolean;
  heuresInsertionPrevues: number | null;
  clauseEnvironnementale: boolean;
  marcheReserve: boolean;
  achatInnovant: boolean;
  avanceAccordee: boolean;
  tauxAvancePointsDeBase: number | null;
  retenueGarantiePointsDeBase: number | null;
  attribueParCao: boolean;
  /** Launch of the consultation (selects the rules in force); the notification date when unknown. */
  dateLancement: DateLegale | null;
  procedureId: string | null;
  lotNumero: number | null;
  /** Programme lines the procedure came from (successor check). */
  lignesProgrammeIds: string[];
  clos: boolean;
  dateCloture: DateLegale | null;
  evaluation: Evaluation | null;
  titulaires: Titulaire[];
  version: number;
}

/** What a buyer enters (holders already resolved to suppliers). */
export type MarcheValeurs = Omit<
  Marche,
  | "id"
  | "organisationId"
  | "dateFin"
  | "dateFinMax"
  | "reconductionsDecidees"
  | "procedureId"
  | "lotNumero"
  | "lignesProgrammeIds"
  | "clos"
  | "dateCloture"
  | "evaluation"
  | "version"
>;

export const NUMERO_MAX = 40;
export const OBJET_MAX = 500;
export const DUREE_MOIS_MAX = 240;
export const RECONDUCTIONS_MAX = 10;
/** Anti-typo bound of an amount: 10 billion euros, in cents. */
export const MONTANT_MAX_CENTS = 1_000_000_000_000;

/** The amount amendments are measured against: the firm amount, or the framework's maximum. */
export function montantReference(m: Pick<Marche, "montantHtCents" | "montantMaxHtCents">): number {
  return m.montantHtCents ?? m.montantMaxHtCents ?? 0;
}

/** Last day of a period of `mois` months starting on `debut`: 2026-01-01 + 12 months → 2026-12-31. */
export function finDePeriode(debut: DateLegale, mois: number): DateLegale {
  return addDays(addMonths(debut, mois), -1);
}

/** Computed end dates: current one (renewals decided, last amendment's new end date wins) and the maximum. */
export function datesDeFin(
  m: Pick<Marche, "dateDebut" | "dureeMois" | "reconductionsNombre" | "reconductionDureeMois" | "reconductionsDecidees">,
  nouvelleDateFin: DateLegale | null = null,
): { dateFin: DateLegale; dateFinMax: DateLegale } {
  const duree = m.reconductionDureeMois ?? 0;
  const courante = finDePeriode(m.dateDebut, m.dureeMois + m.reconductionsDecidees * duree);
  const max = finDePeriode(m.dateDebut, m.dureeMois + m.reconductionsNombre * duree);
  const dateFin = nouvelleDateFin ?? courante;
  return { dateFin, dateFinMax: nouvelleDateFin && nouvelleDateFin > max ? nouvelleDateFin : max };
}

/** The status of a contract on `aujourdhui`. */
export function statutMarche(m: Pick<Marche, "clos" | "dateFin">, aujourdhui: DateLegale): StatutMarche {
  if (m.clos) return "clos";
  return m.dateFin < aujourdhui ? "echu" : "en-cours";
}

export interface TitulaireSaisi {
  fournisseurId: string;
  role: RoleTitulaire;
  montantSousTraitanceHtCents?: number | null;
  paiementDirect?: boolean;
}

export interface MarcheSaisi
  extends Omit<
    MarcheValeurs,
    | "titulaires"
    | "cpv"
    | "reconductionDureeMois"
    | "heuresInsertionPrevues"
    | "tauxAvancePointsDeBase"
    | "retenueGarantiePointsDeBase"
    | "dateLancement"
    | "montantHtCents"
    | "montantMinHtCents"
    | "montantMaxHtCents"
  > {
  cpv: string;
  titulaires: TitulaireSaisi[];
  montantHtCents?: number | null;
  montantMinHtCents?: number | null;
  montantMaxHtCents?: number | null;
  reconductionDureeMois?: number | null;
  heuresInsertionPrevues?: number | null;
  tauxAvancePointsDeBase?: number | null;
  retenueGarantiePointsDeBase?: number | null;
  dateLancement?: DateLegale | null;
}

function texteBorne(raw: string, path: string, max: number, issues: Issue[], quoi: string): string {
  const v = verifierTexte(typeof raw === "string" ? raw : "", { compacter: true });
  if (!v.ok) {
    issues.push({ path: [path], message: v.message });
    return "";
  }
  if (v.valeur.length < 1) issues.push({ path: [path], message: `${quoi} est obligatoire.` });
  else if (v.valeur.length > max) issues.push({ path: [path], message: `${quoi} ne doit pas dépasser ${max} caractères.` });
  return v.valeur;
}

function entier(value: unknown, path: string, min: number, max: number, issues: Issue[], quoi: string): boolean {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    issues.push({ path: [path], message: `${quoi} : nombre entier entre ${min} et ${max} attendu.` });
    return false;
  }
  return true;
}

function montant(value: unknown, path: string, issues: Issue[], quoi: string, positif = true): boolean {
  if (typeof value !== "number" || !Number.isInteger(value) || value < (positif ? 1 : 0) || value > MONTANT_MAX_CENTS) {
    issues.push({
      path: [path],
      message: `${quoi} : montant ${positif ? "strictement positif" : "positif ou nul"}, au plus 10 milliards d'euros, attendu.`,
    });
    return false;
  }
  return true;
}

/**
 * Checks a contract as entered and returns its normalised values; throws INVALID_INPUT with every problem
 * (paths are the domain names; the API strips the unit suffix). Business rules: a framework agreement needs a
 * maximum (its minimum, if any, below it) and no firm amount; any other contract needs its amount; a social
 * clause plans its insertion hours; renewals have a length; holders: one sole holder, or one mandatary with its
 * consortium members; a declared subcontractor has its accepted amount.
 */
export function validerMarche(input: MarcheSaisi): MarcheValeurs {
  const issues: Issue[] = [];
  const numero = texteBorne(input.numero, "numero", NUMERO_MAX, issues, "Le numéro");
  const objet = texteBorne(input.objet, "objet", OBJET_MAX, issues, "L'objet");
  if (!PROCEDURES_DECP.includes(input.procedure))
    issues.push({ path: ["procedure"], message: "Procédure inconnue (libellés des données essentielles)." });
  if (!NATURES.includes(input.nature))
    issues.push({ path: ["nature"], message: `Nature inconnue : choisissez parmi ${NATURES.join(", ")}.` });
  let cpv = "";
  const code = CodeCpv.tryParse(input.cpv);
  if (!code)
    issues.push({ path: ["cpv"], message: "Code CPV inconnu ou mal formé (8 chiffres, tiret et chiffre de contrôle : 45112500-0)." });
  else cpv = code.code;
  if (!FORMES_PRIX.includes(input.formePrix))
    issues.push({ path: ["formePrix"], message: `Forme de prix inconnue : ${FORMES_PRIX.join(", ")}.` });
  if (!CCAGS.includes(input.ccag)) issues.push({ path: ["ccag"], message: `CCAG inconnu : ${CCAGS.join(", ")}.` });

  const accordCadre = input.accordCadre === true;
  let montantHtCents: number | null = null;
  let montantMinHtCents: number | null = null;
  let montantMaxHtCents: number | null = null;
  if (accordCadre) {
    if (input.montantHtCents != null)
      issues.push({
        path: ["montantHtCents"],
        message: "Un accord-cadre n'a pas de montant ferme : indiquez son maximum (et son minimum éventuel).",
      });
    if (input.montantMaxHtCents == null)
      issues.push({ path: ["montantMaxHtCents"], message: "Un accord-cadre doit avoir un montant maximum." });
    else if (montant(input.montantMaxHtCents, "montantMaxHtCents", issues, "Le maximum")) montantMaxHtCents = input.montantMaxHtCents;
    if (input.montantMinHtCents != null && montant(input.montantMinHtCents, "montantMinHtCents", issues, "Le minimum", false)) {
      montantMinHtCents = input.montantMinHtCents;
      if (montantMaxHtCents !== null && montantMinHtCents > montantMaxHtCents)
        issues.push({ path: ["montantMinHtCents"], message: "Le minimum ne peut pas dépasser le maximum." });
    }
  } else {
    if (input.montantHtCents == null)
      issues.push({ path: ["montantHtCents"], message: "Le montant du marché est obligatoire (ou cochez « accord-cadre »)." });
    else if (montant(input.montantHtCents, "montantHtCents", issues, "Le montant")) montantHtCents = input.montantHtCents;
    if (input.montantMaxHtCents != null || input.montantMinHtCents != null)
      issues.push({
        path: ["montantMaxHtCents"],
        message: "Minimum et maximum sont ceux d'un accord-cadre : cochez « accord-cadre » ou retirez-les.",
      });
  }

  const datesOk = [
    ["dateNotification", input.dateNotification],
    ["dateDebut", input.dateDebut],
  ].every(([path, value]) => {
    if (isDateLegale(value)) return true;
    issues.push({ path: [path as string], message: "Date attendue au format AAAA-MM-JJ." });
    return false;
  });
  if (datesOk && input.dateDebut < input.dateNotification)
    issues.push({ path: ["dateDebut"], message: "L'exécution ne peut pas commencer avant la notification du marché." });
  if (input.dateLancement != null && !isDateLegale(input.dateLancement))
    issues.push({ path: ["dateLancement"], message: "Date attendue au format AAAA-MM-JJ." });
  else if (input.dateLancement && datesOk && input.dateLancement > input.dateNotification)
    issues.push({ path: ["dateLancement"], message: "La consultation est lancée avant la notification du marché." });
  entier(input.dureeMois, "dureeMois", 1, DUREE_MOIS_MAX, issues, "La durée en mois");
  entier(input.reconductionsNombre, "reconductionsNombre", 0, RECONDUCTIONS_MAX, issues, "Le nombre de reconductions");
  let reconductionDureeMois: number | null = null;
  if (input.reconductionsNombre > 0) {
    if (input.reconductionDureeMois == null)
      issues.push({ path: ["reconductionDureeMois"], message: "Indiquez la durée de chaque reconduction, en mois." });
    else if (entier(input.reconductionDureeMois, "reconductionDureeMois", 1, 60, issues, "La durée d'une reconduction"))
      reconductionDureeMois = input.reconductionDureeMois;
  }

  let heuresInsertionPrevues: number | null = null;
  if (input.clauseSociale) {
    if (input.heuresInsertionPrevues == null)
      issues.push({ path: ["heuresInsertionPrevues"], message: "Une clause sociale d'insertion prévoit un nombre d'heures." });
    else if (entier(input.heuresInsertionPrevues, "heuresInsertionPrevues", 1, 1_000_000, issues, "Les heures d'insertion prévues"))
      heuresInsertionPrevues = input.heuresInsertionPrevues;
  } else if (input.heuresInsertionPrevues != null) {
    issues.push({ path: ["heuresInsertionPrevues"], message: "Des heures d'insertion supposent une clause sociale : cochez-la." });
  }
  let tauxAvancePointsDeBase: number | null = null;
  if (input.avanceAccordee) {
    if (input.tauxAvancePointsDeBase == null)
      issues.push({ path: ["tauxAvancePointsDeBase"], message: "Indiquez le taux de l'avance accordée." });
    else if (entier(input.tauxAvancePointsDeBase, "tauxAvancePointsDeBase", 1, 10_000, issues, "Le taux de l'avance (centièmes de point)"))
      tauxAvancePointsDeBase = input.tauxAvancePointsDeBase;
  }
  let retenueGarantiePointsDeBase: number | null = null;
  if (
    input.retenueGarantiePointsDeBase != null &&
    entier(input.retenueGarantiePointsDeBase, "retenueGarantiePointsDeBase", 0, 10_000, issues, "Le taux de la retenue de garantie")
  )
    retenueGarantiePointsDeBase = input.retenueGarantiePointsDeBase;

  const titulaires = validerTitulaires(input.titulaires ?? [], issues);
  if (issues.length) throw invalidInput(issues);
  return {
    directionId: input.directionId,
    numero,
    objet,
    procedure: input.procedure,
    nature: input.nature,
    cpv,
    formePrix: input.formePrix,
    accordCadre,
    montantHtCents,
    montantMinHtCents,
    montantMaxHtCents,
    dateNotification: input.dateNotification,
    dateDebut: input.dateDebut,
    dureeMois: input.dureeMois,
    reconductionsNombre: input.reconductionsNombre,
    reconductionDureeMois,
    ccag: input.ccag,
    clauseSociale: input.clauseSociale === true,
    heuresInsertionPrevues,
    clauseEnvironnementale: input.clauseEnvironnementale === true,
    marcheReserve: input.marcheReserve === true,
    achatInnovant: input.achatInnovant === true,
    avanceAccordee: input.avanceAccordee === true,
    tauxAvancePointsDeBase,
    retenueGarantiePointsDeBase,
    attribueParCao: input.attribueParCao === true,
    dateLancement: input.dateLancement ?? null,
    titulaires,
  };
}

function validerTitulaires(saisis: TitulaireSaisi[], issues: Issue[]): Titulaire[] {
  const titulaires: Titulaire[] = [];
  const vus = new Set<string>();
  for (const [i, t] of saisis.entries()) {
    if (!ROLES_TITULAIRE.includes(t.role)) {
      issues.push({ path: ["titulaires", i, "role"], message: `Rôle inconnu : ${ROLES_TITULAIRE.join(", ")}.` });
      continue;
    }
    const cle = `${t.fournisseurId}:${t.role}`;
    if (vus.has(cle)) issues.push({ path: ["titulaires", i, "siret"], message: "Ce fournisseur figure deux fois avec le même rôle." });
    vus.add(cle);
    let montantSousTraitanceHtCents: number | null = null;
    if (t.role === "sous-traitant") {
      if (t.montantSousTraitanceHtCents == null)
        issues.push({
          path: ["titulaires", i, "montantSousTraitanceHtCents"],
          message: "Indiquez le montant accepté de la sous-traitance.",
        });
      else if (montant(t.montantSousTraitanceHtCents, "montantSousTraitanceHtCents", [], ""))
        montantSousTraitanceHtCents = t.montantSousTraitanceHtCents;
      else
        issues.push({
          path: ["titulaires", i, "montantSousTraitanceHtCents"],
          message: "Montant de sous-traitance strictement positif attendu.",
        });
    } else if (t.montantSousTraitanceHtCents != null) {
      issues.push({
        path: ["titulaires", i, "montantSousTraitanceHtCents"],
        message: "Seul un sous-traitant a un montant de sous-traitance.",
      });
    }
    titulaires.push({
      fournisseurId: t.fournisseurId,
      role: t.role,
      montantSousTraitanceHtCents,
      paiementDirect: t.role === "sous-traitant" && t.paiementDirect === true,
    });
  }
  const principaux = titulaires.filter((t) => t.role !== "sous-traitant");
  const uniques = principaux.filter((t) => t.role === "titulaire").length;
  const mandataires = principaux.filter((t) => t.role === "mandataire").length;
  const cotraitants = principaux.filter((t) => t.role === "cotraitant").length;
  if (principaux.length === 0)
    issues.push({ path: ["titulaires"], message: "Un marché a au moins un titulaire (titulaire unique ou mandataire d'un groupement)." });
  else if (uniques > 1 || (uniques === 1 && (mandataires > 0 || cotraitants > 0)))
    issues.push({
      path: ["titulaires"],
      message: "Un titulaire unique ne se combine pas avec un groupement : choisissez un mandataire et ses cotraitants.",
    });
  else if (uniques === 0 && mandataires !== 1) issues.push({ path: ["titulaires"], message: "Un groupement a exactement un mandataire." });
  else if (uniques === 0 && cotraitants === 0)
    issues.push({
      path: ["titulaires"],
      message: "Un mandataire représente au moins un cotraitant : sinon, déclarez un titulaire unique.",
    });
  return titulaires;
}

/** Supplier evaluation on the short grid, each score 1 to 5. */
export function validerEvaluation(input: Evaluation): Evaluation {
  const issues: Issue[] = [];
  for (const cle of ["qualite", "delais", "relation"] as const) entier(input[cle], cle, 1, 5, issues, "La note");
  let commentaire: string | null = null;
  if (input.commentaire) {
    const v = verifierTexte(input.commentaire, { multiligne: true });
    if (!v.ok) issues.push({ path: ["commentaire"], message: v.message });
    else if (v.valeur.length > 2000)
      issues.push({ path: ["commentaire"], message: "Le commentaire ne doit pas dépasser 2 000 caractères." });
    else commentaire = v.valeur || null;
  }
  if (issues.length) throw invalidInput(issues);
  return { qualite: input.qualite, delais: input.delais, relation: input.relation, commentaire };
}
