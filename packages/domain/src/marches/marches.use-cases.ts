import { assertCan, directionScope, type Scope } from "../acces/policies";
import type { Actor } from "../acces/roles";
import { DomainError, invalidInput, type Issue } from "../commun/errors";
import type { AttributionNotifiee } from "../commun/attribution";
import type { AuditLog, IdGenerator } from "../commun/ports";
import { verifierTexte } from "../commun/texte";
import { fournisseurParSiret, versionPerimee } from "../fournisseurs/fournisseurs.use-cases";
import type { FournisseurRepository } from "../fournisseurs/ports";
import type { CategorieEntreprise } from "../fournisseurs/fournisseur";
import type { DirectionRepository } from "../organisation/ports";
import { plafondRetenueGarantie } from "../regles/avance-retenue";
import { FONDEMENTS_MODIFICATION, verifierModification, type FondementModification } from "../regles/modification";
import { calculerPaiement } from "../regles/paiement";
import { TAUX_BCE_PAR_DEFAUT } from "../regles/parametres";
import type { EcbRateRepository } from "../regles/ports";
import { COUVERTURE_MOTEUR } from "../regles/seuils";
import { addDays, daysBetween, isDateLegale, type DateLegale } from "../valeurs/date-legale";
import { consommation, type BonCommande, type Consommation, type Facture, type HeuresInsertion, type Modification } from "./execution";
import {
  datesDeFin,
  montantReference,
  MONTANT_MAX_CENTS,
  validerEvaluation,
  validerMarche,
  type Evaluation,
  type Marche,
  type MarcheSaisi,
  type RoleTitulaire,
} from "./marche";
import type { MarcheDetail, MarcheFiltre, MarcheRepository, MarcheResume } from "./ports";

interface Deps {
  marches: MarcheRepository;
  fournisseurs: FournisseurRepository;
  directions: DirectionRepository;
  ecbRates: EcbRateRepository;
  audit: AuditLog;
  ids: IdGenerator;
}

const introuvable = () => new DomainError("NOT_FOUND", "Marché introuvable.", "not-found");

/** A holder as entered: the supplier by SIRET (created in the directory with its name when unknown). */
export interface TitulaireParSiret {
  siret: string;
  nom?: string | null;
  categorie?: CategorieEntreprise | null;
  role: RoleTitulaire;
  montantSousTraitanceHtCents?: number | null;
  paiementDirect?: boolean;
}

export type MarcheEntree = Omit<MarcheSaisi, "titulaires"> & { titulaires: TitulaireParSiret[] };

export async function listerMarches(
  deps: Pick<Deps, "marches">,
  actor: Actor,
  filtre: MarcheFiltre,
): Promise<{ total: number; marches: MarcheResume[] }> {
  assertCan(actor, "marches.read");
  return deps.marches.list(filtre, directionScope(actor));
}

/** Everything the contract page shows. */
export interface DossierMarche {
  marche: MarcheDetail;
  modifications: Modification[];
  bonsCommande: BonCommande[];
  consommation: Consommation | null;
  factures: Facture[];
  heuresInsertion: HeuresInsertion[];
  heuresRealisees: number;
  /** The département's own record towards the holders on this contract. */
  paiements: {
    nombreFactures: number;
    nombrePayees: number;
    delaiMoyenJours: number | null;
    nombreEnRetard: number;
    interetsMoratoiresCents: number;
    indemnitesForfaitairesCents: number;
  };
}

export async function obtenirMarche(deps: Pick<Deps, "marches">, actor: Actor, organisationId: string, id: string): Promise<DossierMarche> {
  assertCan(actor, "marches.read");
  const marche = await deps.marches.get(id, organisationId, directionScope(actor));
  if (!marche) throw introuvable();
  const [modifications, bonsCommande, factures, heuresInsertion] = await Promise.all([
    deps.marches.modifications(id),
    deps.marches.bonsCommande(id),
    deps.marches.factures(id),
    deps.marches.heuresInsertion(id),
  ]);
  return {
    marche,
    modifications,
    bonsCommande,
    consommation: marche.accordCadre
      ? consommation(somme(bonsCommande.map((b) => b.montantHtCents)), maximumCourant(marche, modifications))
      : null,
    factures,
    heuresInsertion,
    heuresRealisees: somme(heuresInsertion.map((h) => h.heures)),
    paiements: bilanPaiements(factures),
  };
}

const somme = (valeurs: number[]) => valeurs.reduce((a, b) => a + b, 0);

/** Maximum of a framework agreement, amendments included. */
function maximumCourant(marche: Pick<Marche, "montantMaxHtCents">, modifications: Modification[]): number {
  return (marche.montantMaxHtCents ?? 0) + somme(modifications.map((m) => m.montantHtCents));
}

export function bilanPaiements(factures: Facture[]): DossierMarche["paiements"] {
  const payees = factures.filter((f) => f.delaiPaiementJours !== null);
  return {
    nombreFactures: factures.length,
    nombrePayees: payees.length,
    delaiMoyenJours: payees.length ? Math.round((somme(payees.map((f) => f.delaiPaiementJours ?? 0)) / payees.length) * 10) / 10 : null,
    nombreEnRetard: payees.filter((f) => f.joursRetard > 0).length,
    interetsMoratoiresCents: somme(factures.map((f) => f.interetsMoratoiresCents)),
    indemnitesForfaitairesCents: somme(factures.map((f) => f.indemniteForfaitaireCents)),
  };
}

function assertDansPerimetre(scope: Scope, directionId: string): void {
  if (scope.kind === "all") return;
  if (scope.kind === "direction" && scope.directionId === directionId) return;
  throw new DomainError("FORBIDDEN", "Votre rôle ne permet de saisir que les marchés de votre direction.", "forbidden", [
    { path: ["directionId"], message: "Direction hors de votre périmètre." },
  ]);
}

async function resoudreTitulaires(deps: Deps, actor: Actor, organisationId: string, saisis: TitulaireParSiret[]) {
  const issues: Issue[] = [];
  const resolus = [];
  for (const [i, t] of (saisis ?? []).entries()) {
    const siret = typeof t.siret === "string" ? t.siret.replace(/[\s.]/gu, "") : "";
    const existant = await deps.fournisseurs.getBySiret(siret, organisationId);
    let fournisseurId = existant?.id;
    if (!existant) {
      if (!t.nom) {
        issues.push({
          path: ["titulaires", i, "nom"],
          message: `Le SIRET ${siret || "(vide)"} n'est pas dans l'annuaire : indiquez le nom du fournisseur pour l'y ajouter.`,
        });
        continue;
      }
      try {
        fournisseurId = (await fournisseurParSiret(deps, actor, organisationId, { siret, nom: t.nom, categorie: t.categorie ?? null })).id;
      } catch (error) {
        if (error instanceof DomainError && error.kind === "invalid-input") {
          for (const issue of error.issues) issues.push({ path: ["titulaires", i, ...issue.path], message: issue.message });
          continue;
        }
        throw error;
      }
    }
    resolus.push({
      fournisseurId: fournisseurId as string,
      role: t.role,
      montantSousTraitanceHtCents: t.montantSousTraitanceHtCents ?? null,
      paiementDirect: t.paiementDirect === true,
    });
  }
  return { issues, resolus };
}

/** Asks the engine whether the retention rate is within the legal cap (R2191-32, R2191-35). */
function verifierRetenue(valeurs: ReturnType<typeof validerMarche>, titulairePme: boolean): void {
  const taux = valeurs.retenueGarantiePointsDeBase;
  if (taux === null || taux === 0) return;
  const date = valeurs.dateLancement ?? valeurs.dateNotification;
  if (date < COUVERTURE_MOTEUR.du || date > COUVERTURE_MOTEUR.au) return; // rules unknown at that date: not checked
  const plafond = plafondRetenueGarantie({ montantMarcheTtcCents: montantReference(valeurs), dateLancement: date, titulairePme });
  if (taux > plafond.tauxMaximumPointsDeBase) {
    const message = `La retenue de garantie ne peut pas dépasser ${plafond.tauxMaximumPointsDeBase / 100} % ${plafond.tauxPmeApplique ? "pour une PME " : ""}(moteur de règles : ${plafond.explications.at(0) ?? "R2191-32"}).`;
    throw invalidInput([{ path: ["retenueGarantiePointsDeBase"], message }]);
  }
}

async function preparer(deps: Deps, actor: Actor, organisationId: string, input: MarcheEntree) {
  const direction = isUuidLike(input.directionId) ? await deps.directions.get(input.directionId, organisationId) : null;
  const { issues, resolus } = await resoudreTitulaires(deps, actor, organisationId, input.titulaires);
  let valeurs: ReturnType<typeof validerMarche> | null = null;
  try {
    valeurs = validerMarche({ ...input, titulaires: resolus });
  } catch (error) {
    if (!(error instanceof DomainError) || error.kind !== "invalid-input") throw error;
    issues.push(...error.issues);
  }
  if (!direction) issues.push({ path: ["directionId"], message: "Direction inconnue dans votre organisation." });
  if (issues.length || !valeurs) throw invalidInput(issues);
  const pme = await Promise.all(
    valeurs.titulaires
      .filter((t) => t.role !== "sous-traitant")
      .map(async (t) => (await deps.fournisseurs.get(t.fournisseurId, organisationId))?.categorie),
  );
  verifierRetenue(valeurs, pme.length > 0 && pme.every((c) => c === "micro" || c === "pme"));
  return valeurs;
}

const isUuidLike = (v: unknown): v is string => typeof v === "string" && /^[0-9a-f-]{36}$/iu.test(v);

export async function creerMarche(
  deps: Deps,
  actor: Actor,
  organisationId: string,
  input: MarcheEntree,
  origine?: Pick<Marche, "procedureId" | "lotNumero" | "lignesProgrammeIds">,
): Promise<Marche> {
  assertCan(actor, "marches.manage");
  // an unknown direction is an input problem (reported by `preparer`); a known one outside the scope is refused
  if (isUuidLike(input.directionId) && (await deps.directions.get(input.directionId, organisationId)))
    assertDansPerimetre(directionScope(actor), input.directionId);
  const valeurs = await preparer(deps, actor, organisationId, input);
  const marche: Marche = {
    id: deps.ids.newId(),
    organisationId,
    ...valeurs,
    reconductionsDecidees: 0,
    ...datesDeFin({ ...valeurs, reconductionsDecidees: 0 }),
    procedureId: origine?.procedureId ?? null,
    lotNumero: origine?.lotNumero ?? null,
    lignesProgrammeIds: origine?.lignesProgrammeIds ?? [],
    clos: false,
    dateCloture: null,
    evaluation: null,
    version: 1,
  };
  await deps.marches.insert(marche);
  await deps.audit.append(actor, {
    organisationId,
    type: "marche.created",
    aggregateType: "marche",
    aggregateId: marche.id,
    payload: {
      numero: marche.numero,
      objet: marche.objet,
      directionId: marche.directionId,
      montantHtCents: marche.montantHtCents,
      montantMaxHtCents: marche.montantMaxHtCents,
      procedureId: marche.procedureId,
      lotNumero: marche.lotNumero,
    },
  });
  return marche;
}

async function verrouiller(
  deps: Pick<Deps, "marches">,
  actor: Actor,
  organisationId: string,
  id: string,
  version?: number,
): Promise<Marche> {
  assertCan(actor, "marches.manage");
  const marche = await deps.marches.getForUpdate(id, organisationId, directionScope(actor));
  if (!marche) throw introuvable();
  if (version !== undefined && marche.version !== version) throw versionPerimee();
  return marche;
}

function refuserSiClos(marche: Marche): void {
  if (marche.clos)
    throw new DomainError(
      "MARCHE_CLOS",
      `Le marché ${marche.numero} est clos : son exécution ne peut plus être modifiée.`,
      "rule-violation",
    );
}

async function enregistrer(deps: Pick<Deps, "marches">, suivant: Marche, versionLue: number): Promise<Marche> {
  if (!(await deps.marches.update(suivant, versionLue))) throw versionPerimee();
  return suivant;
}

function nouvelleFinDesModifications(modifications: Modification[]): DateLegale | null {
  return modifications.reduce<DateLegale | null>((fin, m) => m.nouvelleDateFin ?? fin, null);
}

export async function modifierMarche(
  deps: Deps,
  actor: Actor,
  organisationId: string,
  id: string,
  input: MarcheEntree & { version: number },
): Promise<Marche> {
  const courant = await verrouiller(deps, actor, organisationId, id, input.version);
  refuserSiClos(courant);
  if (isUuidLike(input.directionId) && (await deps.directions.get(input.directionId, organisationId)))
    assertDansPerimetre(directionScope(actor), input.directionId);
  const valeurs = await preparer(deps, actor, organisationId, input);
  const modifications = await deps.marches.modifications(id);
  const suivant: Marche = { ...courant, ...valeurs, version: courant.version + 1 };
  Object.assign(suivant, datesDeFin(suivant, nouvelleFinDesModifications(modifications)));
  await enregistrer(deps, suivant, courant.version);
  await deps.audit.append(actor, {
    organisationId,
    type: "marche.updated",
    aggregateType: "marche",
    aggregateId: id,
    payload: { numero: suivant.numero, version: suivant.version },
  });
  return suivant;
}

/** Decides the next renewal (reconduction) of the contract: its end date moves by one renewal length. */
export async function deciderReconduction(
  deps: Deps,
  actor: Actor,
  organisationId: string,
  id: string,
  input: { version: number },
): Promise<Marche> {
  const courant = await verrouiller(deps, actor, organisationId, id, input.version);
  refuserSiClos(courant);
  if (courant.reconductionsDecidees >= courant.reconductionsNombre) {
    throw new DomainError(
      "RECONDUCTION_IMPOSSIBLE",
      `Le marché ${courant.numero} n'a plus de reconduction possible (${courant.reconductionsNombre} prévue${courant.reconductionsNombre > 1 ? "s" : ""}).`,
      "rule-violation",
    );
  }
  const modifications = await deps.marches.modifications(id);
  const suivant: Marche = { ...courant, reconductionsDecidees: courant.reconductionsDecidees + 1, version: courant.version + 1 };
  Object.assign(suivant, datesDeFin(suivant, nouvelleFinDesModifications(modifications)));
  await enregistrer(deps, suivant, courant.version);
  await deps.audit.append(actor, {
    organisationId,
    type: "marche.reconduction-decided",
    aggregateType: "marche",
    aggregateId: id,
    payload: { reconduction: suivant.reconductionsDecidees, dateFin: suivant.dateFin },
  });
  return suivant;
}

export interface ModificationSaisie {
  version: number;
  objet: string;
  fondement: FondementModification;
  montantHtCents: number;
  nouvelleDateFin?: DateLegale | null;
  dateSignature: DateLegale;
  /** Required to save an amendment the engine refuses on the basis invoked. */
  motifJuridique?: string | null;
}

/**
 * Records an amendment. The engine (verifierModification) checks it against the basis invoked with the
 * earlier ones (cumulative percentage, legal caps, CAO opinion above 5 %). When it refuses, the amendment is
 * saved only with an explicit legal ground (`motifJuridique`), recorded with it and in the audit trail.
 */
export async function ajouterModification(
  deps: Deps,
  actor: Actor,
  organisationId: string,
  id: string,
  input: ModificationSaisie,
): Promise<{ marche: Marche; modification: Modification; analyse: ReturnType<typeof verifierModification> }> {
  const courant = await verrouiller(deps, actor, organisationId, id, input.version);
  refuserSiClos(courant);
  const issues: Issue[] = [];
  const objet = verifierTexte(typeof input.objet === "string" ? input.objet : "", { compacter: true });
  if (!objet.ok || objet.valeur.length < 2 || objet.valeur.length > 500)
    issues.push({ path: ["objet"], message: objet.ok ? "L'objet de la modification contient 2 à 500 caractères." : objet.message });
  if (!FONDEMENTS_MODIFICATION.includes(input.fondement))
    issues.push({ path: ["fondement"], message: `Fondement inconnu : ${FONDEMENTS_MODIFICATION.join(", ")}.` });
  if (!Number.isInteger(input.montantHtCents) || Math.abs(input.montantHtCents) > MONTANT_MAX_CENTS)
    issues.push({ path: ["montantHtCents"], message: "Montant en euros attendu (négatif pour une diminution)." });
  if (!isDateLegale(input.dateSignature)) issues.push({ path: ["dateSignature"], message: "Date attendue au format AAAA-MM-JJ." });
  else if (input.dateSignature < courant.dateNotification)
    issues.push({ path: ["dateSignature"], message: "Une modification est signée après la notification du marché." });
  if (input.nouvelleDateFin != null && (!isDateLegale(input.nouvelleDateFin) || input.nouvelleDateFin < courant.dateDebut))
    issues.push({ path: ["nouvelleDateFin"], message: "Nouvelle date de fin invalide (AAAA-MM-JJ, après le début d'exécution)." });
  let motif: string | null = null;
  if (input.motifJuridique) {
    const m = verifierTexte(input.motifJuridique, { multiligne: true });
    if (!m.ok) issues.push({ path: ["motifJuridique"], message: m.message });
    else if (m.valeur.length > 2000) issues.push({ path: ["motifJuridique"], message: "Le motif ne doit pas dépasser 2 000 caractères." });
    else motif = m.valeur.length >= 10 ? m.valeur : null;
    if (m.ok && m.valeur.length > 0 && m.valeur.length < 10)
      issues.push({ path: ["motifJuridique"], message: "Motif juridique trop court : citez le fondement (au moins 10 caractères)." });
  }
  if (issues.length) throw invalidInput(issues);

  const anterieures = await deps.marches.modifications(id);
  const analyse = verifierModification({
    montantInitialHtCents: montantReference(courant),
    nature: courant.nature,
    dateLancement: courant.dateLancement ?? courant.dateNotification,
    modificationsAnterieures: anterieures.map((m) => ({ montantHtCents: m.montantHtCents, fondement: m.fondement })),
    modification: { montantHtCents: input.montantHtCents, fondement: input.fondement },
    attribueParCao: courant.attribueParCao,
  });
  if (!analyse.autorisee && !motif) {
    const bloquant = analyse.alertes.find((a) => a.niveau === "bloquant")?.message;
    throw new DomainError(
      "MODIFICATION_REFUSEE",
      `Le moteur de règles refuse cette modification sur le fondement « ${input.fondement} »${bloquant ? ` : ${bloquant}` : "."} Pour l'enregistrer quand même, indiquez le fondement juridique retenu (motif juridique).`,
      "rule-violation",
      [{ path: ["motifJuridique"], message: "Motif juridique obligatoire : le moteur de règles refuse ce fondement." }],
      { pourcentageCumule: analyse.pourcentageCumulePointsDeBase / 100, avisCaoRequis: analyse.avisCaoRequis },
    );
  }
  const modification: Modification = {
    id: deps.ids.newId(),
    marcheId: id,
    numero: anterieures.length + 1,
    objet: objet.ok ? objet.valeur : "",
    fondement: input.fondement,
    montantHtCents: input.montantHtCents,
    nouvelleDateFin: input.nouvelleDateFin ?? null,
    dateSignature: input.dateSignature,
    autorisee: analyse.autorisee,
    avisCaoRequis: analyse.avisCaoRequis,
    pourcentageCumulePointsDeBase: analyse.pourcentageCumulePointsDeBase,
    motifJuridique: analyse.autorisee ? null : motif,
    explications: analyse.explications,
  };
  await deps.marches.insertModification(modification);
  const suivant: Marche = { ...courant, version: courant.version + 1 };
  Object.assign(suivant, datesDeFin(suivant, nouvelleFinDesModifications([...anterieures, modification])));
  await enregistrer(deps, suivant, courant.version);
  await deps.audit.append(actor, {
    organisationId,
    type: "marche.modification-added",
    aggregateType: "marche",
    aggregateId: id,
    payload: {
      numero: modification.numero,
      fondement: modification.fondement,
      montantHtCents: modification.montantHtCents,
      autorisee: modification.autorisee,
      avisCaoRequis: modification.avisCaoRequis,
      pourcentageCumulePointsDeBase: modification.pourcentageCumulePointsDeBase,
      motifJuridique: modification.motifJuridique,
    },
  });
  return { marche: suivant, modification, analyse };
}

/**
 * Issues a purchase order against a framework agreement. The contract row is locked: two concurrent orders
 * cannot together exceed the maximum (amendments included), which is refused.
 */
export async function ajouterBonCommande(
  deps: Deps,
  actor: Actor,
  organisationId: string,
  id: string,
  input: { numero: string; objet?: string | null; dateEmission: DateLegale; montantHtCents: number },
): Promise<{ bon: BonCommande; consommation: Consommation }> {
  const marche = await verrouiller(deps, actor, organisationId, id);
  refuserSiClos(marche);
  if (!marche.accordCadre)
    throw new DomainError(
      "PAS_UN_ACCORD_CADRE",
      `Le marché ${marche.numero} n'est pas un accord-cadre : il n'a pas de bons de commande.`,
      "rule-violation",
    );
  const issues: Issue[] = [];
  const numero = verifierTexte(typeof input.numero === "string" ? input.numero : "", { compacter: true });
  if (!numero.ok || numero.valeur.length < 1 || numero.valeur.length > 40)
    issues.push({ path: ["numero"], message: "Numéro du bon de commande : 1 à 40 caractères." });
  if (!isDateLegale(input.dateEmission)) issues.push({ path: ["dateEmission"], message: "Date attendue au format AAAA-MM-JJ." });
  else if (input.dateEmission < marche.dateNotification)
    issues.push({ path: ["dateEmission"], message: "Un bon de commande est émis après la notification." });
  if (!Number.isInteger(input.montantHtCents) || input.montantHtCents < 1 || input.montantHtCents > MONTANT_MAX_CENTS)
    issues.push({ path: ["montantHtCents"], message: "Montant strictement positif attendu." });
  if (issues.length) throw invalidInput(issues);
  const [bons, modifications] = await Promise.all([deps.marches.bonsCommande(id), deps.marches.modifications(id)]);
  const maximum = maximumCourant(marche, modifications);
  const consomme = somme(bons.map((b) => b.montantHtCents)) + input.montantHtCents;
  if (consomme > maximum) {
    const message = `Ce bon de commande porterait la consommation à ${(consomme / 100).toLocaleString("fr-FR")} € HT, au-delà du maximum de l'accord-cadre (${(maximum / 100).toLocaleString("fr-FR")} € HT) : le maximum engage l'acheteur (R2162-4) ; passez d'abord une modification.`;
    throw new DomainError("MAXIMUM_DEPASSE", message, "rule-violation", [{ path: ["montantHtCents"], message }]);
  }
  const bon: BonCommande = {
    id: deps.ids.newId(),
    marcheId: id,
    numero: numero.ok ? numero.valeur : "",
    objet: input.objet ?? null,
    dateEmission: input.dateEmission,
    montantHtCents: input.montantHtCents,
  };
  await deps.marches.insertBonCommande(bon);
  await deps.audit.append(actor, {
    organisationId,
    type: "marche.bon-commande-added",
    aggregateType: "marche",
    aggregateId: id,
    payload: { numero: bon.numero, montantHtCents: bon.montantHtCents },
  });
  return { bon, consommation: consommation(consomme, maximum) };
}

/**
 * The payment figures of an invoice, from the engine (calculerPaiement): due date, days late, late-payment
 * interest and the fixed 40 € indemnity, to the cent, with the administrable ECB rate table.
 */
export function chiffrerFacture(
  f: Pick<Facture, "montantTtcCents" | "dateReception" | "datePaiement">,
  table: Parameters<typeof calculerPaiement>[1],
): Pick<
  Facture,
  | "dateEcheance"
  | "delaiPaiementJours"
  | "joursRetard"
  | "tauxInteretsPointsDeBase"
  | "interetsMoratoiresCents"
  | "indemniteForfaitaireCents"
> {
  if (f.datePaiement === null) {
    return {
      dateEcheance: addDays(f.dateReception, 30),
      delaiPaiementJours: null,
      joursRetard: 0,
      tauxInteretsPointsDeBase: null,
      interetsMoratoiresCents: 0,
      indemniteForfaitaireCents: 0,
    };
  }
  const r = calculerPaiement({ montantTtcCents: f.montantTtcCents, dateReception: f.dateReception, datePaiement: f.datePaiement }, table);
  return {
    dateEcheance: r.dateEcheance.date,
    delaiPaiementJours: daysBetween(f.dateReception, f.datePaiement),
    joursRetard: r.joursRetard,
    tauxInteretsPointsDeBase: r.tauxInteretsPointsDeBase,
    interetsMoratoiresCents: r.interetsMoratoiresCents,
    indemniteForfaitaireCents: r.indemniteForfaitaireCents,
  };
}

async function tableBce(deps: Pick<Deps, "ecbRates">) {
  const table = await deps.ecbRates.list();
  return table.length ? table : TAUX_BCE_PAR_DEFAUT;
}

export async function ajouterFacture(
  deps: Deps,
  actor: Actor,
  organisationId: string,
  id: string,
  input: { numero: string; montantTtcCents: number; dateReception: DateLegale; datePaiement?: DateLegale | null },
): Promise<Facture> {
  const marche = await verrouiller(deps, actor, organisationId, id);
  const issues: Issue[] = [];
  const numero = verifierTexte(typeof input.numero === "string" ? input.numero : "", { compacter: true });
  if (!numero.ok || numero.valeur.length < 1 || numero.valeur.length > 40)
    issues.push({ path: ["numero"], message: "Numéro de facture : 1 à 40 caractères." });
  if (!Number.isInteger(input.montantTtcCents) || input.montantTtcCents < 1 || input.montantTtcCents > MONTANT_MAX_CENTS)
    issues.push({ path: ["montantTtcCents"], message: "Montant TTC strictement positif attendu." });
  if (!isDateLegale(input.dateReception)) issues.push({ path: ["dateReception"], message: "Date attendue au format AAAA-MM-JJ." });
  else if (input.dateReception < marche.dateNotification)
    issues.push({ path: ["dateReception"], message: "Une facture est reçue après la notification du marché." });
  if (input.datePaiement != null && !isDateLegale(input.datePaiement))
    issues.push({ path: ["datePaiement"], message: "Date attendue au format AAAA-MM-JJ." });
  else if (input.datePaiement && isDateLegale(input.dateReception) && input.datePaiement < input.dateReception)
    issues.push({ path: ["datePaiement"], message: "Le paiement ne précède pas la réception de la facture." });
  if (issues.length) throw invalidInput(issues);
  const base = { montantTtcCents: input.montantTtcCents, dateReception: input.dateReception, datePaiement: input.datePaiement ?? null };
  const facture: Facture = {
    id: deps.ids.newId(),
    marcheId: id,
    numero: numero.ok ? numero.valeur : "",
    ...base,
    ...chiffrerFacture(base, await tableBce(deps)),
  };
  await deps.marches.insertFacture(facture);
  await deps.audit.append(actor, {
    organisationId,
    type: "marche.facture-added",
    aggregateType: "marche",
    aggregateId: id,
    payload: {
      numero: facture.numero,
      montantTtcCents: facture.montantTtcCents,
      dateReception: facture.dateReception,
      datePaiement: facture.datePaiement,
      interetsMoratoiresCents: facture.interetsMoratoiresCents,
    },
  });
  return facture;
}

export async function payerFacture(
  deps: Deps,
  actor: Actor,
  organisationId: string,
  id: string,
  factureId: string,
  input: { datePaiement: DateLegale },
): Promise<Facture> {
  await verrouiller(deps, actor, organisationId, id);
  const facture = await deps.marches.getFacture(factureId, id);
  if (!facture) throw new DomainError("NOT_FOUND", "Facture introuvable.", "not-found");
  if (facture.datePaiement)
    throw new DomainError("FACTURE_DEJA_PAYEE", `La facture ${facture.numero} est déjà payée (le ${facture.datePaiement}).`, "conflict");
  if (!isDateLegale(input.datePaiement) || input.datePaiement < facture.dateReception)
    throw invalidInput([{ path: ["datePaiement"], message: "Date de paiement au format AAAA-MM-JJ, au plus tôt le jour de réception." }]);
  const base = { ...facture, datePaiement: input.datePaiement };
  const payee: Facture = { ...base, ...chiffrerFacture(base, await tableBce(deps)) };
  await deps.marches.updateFacture(payee);
  await deps.audit.append(actor, {
    organisationId,
    type: "marche.facture-paid",
    aggregateType: "marche",
    aggregateId: id,
    payload: {
      numero: payee.numero,
      datePaiement: payee.datePaiement,
      joursRetard: payee.joursRetard,
      interetsMoratoiresCents: payee.interetsMoratoiresCents,
      indemniteForfaitaireCents: payee.indemniteForfaitaireCents,
    },
  });
  return payee;
}

export async function ajouterHeuresInsertion(
  deps: Deps,
  actor: Actor,
  organisationId: string,
  id: string,
  input: { periodeDebut: DateLegale; periodeFin: DateLegale; heures: number },
): Promise<HeuresInsertion> {
  const marche = await verrouiller(deps, actor, organisationId, id);
  if (!marche.clauseSociale)
    throw new DomainError("SANS_CLAUSE_SOCIALE", `Le marché ${marche.numero} n'a pas de clause sociale d'insertion.`, "rule-violation");
  const issues: Issue[] = [];
  if (!isDateLegale(input.periodeDebut)) issues.push({ path: ["periodeDebut"], message: "Date attendue au format AAAA-MM-JJ." });
  if (!isDateLegale(input.periodeFin)) issues.push({ path: ["periodeFin"], message: "Date attendue au format AAAA-MM-JJ." });
  else if (isDateLegale(input.periodeDebut) && input.periodeFin < input.periodeDebut)
    issues.push({ path: ["periodeFin"], message: "La fin de période suit son début." });
  if (!Number.isInteger(input.heures) || input.heures < 0 || input.heures > 1_000_000)
    issues.push({ path: ["heures"], message: "Nombre entier d'heures entre 0 et 1 000 000 attendu." });
  if (issues.length) throw invalidInput(issues);
  const heures: HeuresInsertion = { id: deps.ids.newId(), marcheId: id, ...input };
  await deps.marches.insertHeuresInsertion(heures);
  await deps.audit.append(actor, {
    organisationId,
    type: "marche.heures-insertion-added",
    aggregateType: "marche",
    aggregateId: id,
    payload: { ...input },
  });
  return heures;
}

/** Closes the contract with the supplier evaluation on the short grid (quality, delays, relationship). */
export async function cloturerMarche(
  deps: Deps,
  actor: Actor,
  organisationId: string,
  id: string,
  input: Evaluation & { dateCloture: DateLegale; version: number },
): Promise<Marche> {
  const courant = await verrouiller(deps, actor, organisationId, id, input.version);
  if (courant.clos) throw new DomainError("MARCHE_CLOS", `Le marché ${courant.numero} est déjà clos.`, "conflict");
  const issues: Issue[] = [];
  let evaluation: Evaluation | null = null;
  try {
    evaluation = validerEvaluation(input);
  } catch (error) {
    if (error instanceof DomainError) issues.push(...error.issues);
    else throw error;
  }
  if (!isDateLegale(input.dateCloture)) issues.push({ path: ["dateCloture"], message: "Date attendue au format AAAA-MM-JJ." });
  else if (input.dateCloture < courant.dateDebut) issues.push({ path: ["dateCloture"], message: "La clôture suit le début d'exécution." });
  if (issues.length || !evaluation) throw invalidInput(issues);
  const suivant: Marche = { ...courant, clos: true, dateCloture: input.dateCloture, evaluation, version: courant.version + 1 };
  await enregistrer(deps, suivant, courant.version);
  await deps.audit.append(actor, {
    organisationId,
    type: "marche.closed",
    aggregateType: "marche",
    aggregateId: id,
    payload: { dateCloture: input.dateCloture, ...evaluation },
  });
  return suivant;
}

/**
 * Handler of `procedures.attribution-notifiee`: creates the contract record of the notified lot and its
 * holders in the directory. Idempotent on (procedureId, lotNumero): a replayed job finds the record and stops.
 */
export async function enregistrerAttribution(
  deps: Deps,
  actor: Actor,
  evenement: AttributionNotifiee,
): Promise<{ marche: Marche; cree: boolean }> {
  const existant = await deps.marches.findByAttribution(evenement.organisationId, evenement.procedureId, evenement.lotNumero);
  if (existant) return { marche: existant, cree: false };
  const marche = await creerMarche(
    deps,
    actor,
    evenement.organisationId,
    {
      directionId: evenement.directionId,
      numero: evenement.numero,
      objet: evenement.objet,
      procedure: evenement.procedure,
      nature: evenement.nature,
      cpv: evenement.cpv,
      formePrix: evenement.accordCadre ? "unitaire" : "forfaitaire",
      accordCadre: evenement.accordCadre,
      montantHtCents: evenement.accordCadre ? null : evenement.montantHtCents,
      montantMinHtCents: evenement.accordCadre ? evenement.montantMinHtCents : null,
      montantMaxHtCents: evenement.accordCadre ? evenement.montantMaxHtCents : null,
      dateNotification: evenement.dateNotification,
      dateDebut: evenement.dateNotification,
      dureeMois: evenement.dureeMois,
      reconductionsNombre: 0,
      reconductionDureeMois: null,
      ccag: evenement.nature === "travaux" ? "travaux" : "fcs",
      clauseSociale: evenement.clauseSociale,
      heuresInsertionPrevues: evenement.clauseSociale ? evenement.heuresInsertionPrevues : null,
      clauseEnvironnementale: evenement.clauseEnvironnementale,
      marcheReserve: evenement.marcheReserve,
      achatInnovant: evenement.achatInnovant,
      avanceAccordee: false,
      tauxAvancePointsDeBase: null,
      retenueGarantiePointsDeBase: null,
      attribueParCao: evenement.procedure === "Appel d'offres ouvert" || evenement.procedure === "Appel d'offres restreint",
      dateLancement: null,
      titulaires: evenement.titulaires.map((t) => ({ siret: t.siret, nom: t.nom, categorie: t.categorie, role: t.role })),
    },
    { procedureId: evenement.procedureId, lotNumero: evenement.lotNumero, lignesProgrammeIds: evenement.lignesProgrammeIds },
  );
  return { marche, cree: true };
}
