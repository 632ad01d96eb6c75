/**
 * Spreadsheet imports of the supplier directory and of the contract portfolio, through the platform's one import
 * pipeline (platform/imports.ts: per-cell report, dry run of every row against the use cases, then every row in
 * ONE transaction after confirmation, progress polled by the page and drawn by the CLI).
 */
import { DomainError, type Actor, type Issue } from "@achat-public/domain";
import { creerFournisseur, LIBELLES_CATEGORIE, LIBELLES_STATUT_INCLUSIF, modifierFournisseur } from "@achat-public/domain/fournisseurs";
import { CCAGS, creerMarche, FORMES_PRIX, LIBELLES_CCAG, type TitulaireParSiret } from "@achat-public/domain/marches";
import { PROCEDURES_DECP } from "@achat-public/domain/regles";
import { CodeCpv, isValidSiret } from "@achat-public/domain/valeurs";
import { defineColonnes } from "@achat-public/tableur";
import type { UnitOfWork } from "../context";
import { defineImport } from "../platform/imports";

const siretValide = (v: string): string | undefined => {
  const siret = v.replace(/[\s.]/gu, "");
  if (!/^\d{14}$/u.test(siret)) return "Un SIRET comporte exactement 14 chiffres.";
  return isValidSiret(siret) ? undefined : `Le SIRET ${siret} a une clé de contrôle invalide.`;
};

const SEPARATEUR_SIRETS = /[\s,;/]+/u;
const POURCENTAGE = /^(\d{1,3})(?:[,.](\d{1,2}))?\s*%?$/u;

/** « 5 », « 5,5 », « 5 % » → basis points (500, 550, 500); null when not a percentage. */
function pointsDeBase(texte: string): number | null {
  const m = POURCENTAGE.exec(texte.trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}
const pourcentageValide = (v: string) =>
  pointsDeBase(v) === null || (pointsDeBase(v) ?? 0) > 10_000 ? "Pourcentage attendu, entre 0 et 100 (ex. 5 ou 5,5 %)." : undefined;

const refus = (champ: string, message: string): DomainError =>
  new DomainError("INVALID_INPUT", message, "invalid-input", [{ path: [champ], message } satisfies Issue]);

/**
 * State kept for one pass over a file (the dry run, then the write, each call the rows in increasing order with
 * the same actor object): a row number not above the last one seen starts a new pass.
 */
function etatDePassage<T>(fabrique: () => T) {
  const etats = new WeakMap<Actor, { dernier: number; etat: T }>();
  return (actor: Actor, numero: number): T => {
    let courant = etats.get(actor);
    if (!courant || numero <= courant.dernier) {
      courant = { dernier: numero, etat: fabrique() };
      etats.set(actor, courant);
    }
    courant.dernier = numero;
    return courant.etat;
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Suppliers

export const COLONNES_FOURNISSEURS = defineColonnes([
  {
    cle: "siret",
    entete: "SIRET",
    type: "texte",
    obligatoire: true,
    longueurMax: 20,
    exemple: "21940028800010",
    aide: "14 chiffres ; un SIRET déjà dans l'annuaire met sa fiche à jour.",
    valider: siretValide,
  },
  { cle: "nom", entete: "Raison sociale", type: "texte", obligatoire: true, longueurMax: 200, exemple: "Espaces Verts du Plateau" },
  { cle: "adresse", entete: "Adresse", type: "texte", longueurMax: 300, exemple: "12 rue de Paris" },
  {
    cle: "codeCommune",
    entete: "Code commune INSEE",
    type: "texte",
    longueurMax: 5,
    exemple: "94028",
    aide: "5 caractères (94028 pour Créteil) : il situe le fournisseur (Val-de-Marne, Île-de-France).",
  },
  {
    cle: "categorie",
    entete: "Catégorie d'entreprise",
    type: "liste",
    valeurs: Object.entries(LIBELLES_CATEGORIE).map(([valeur, libelle]) => ({ valeur, libelle })),
    exemple: "pme",
    aide: "Définition européenne : micro, PME, ETI, grande entreprise.",
  },
  {
    cle: "statutInclusif",
    entete: "Statut inclusif",
    type: "liste",
    valeurs: Object.entries(LIBELLES_STATUT_INCLUSIF).map(([valeur, libelle]) => ({ valeur, libelle })),
    aide: "SIAE, entreprise adaptée (EA) ou ESAT ; vide sinon.",
  },
]);

const siretsDuFichier = etatDePassage(() => new Map<string, number>());

/** The supplier directory from a spreadsheet: a new SIRET is added, a known one updated; a SIRET twice in the file is refused. */
export const importFournisseurs = defineImport({
  type: "fournisseurs",
  libelle: "Fournisseurs (annuaire par SIRET)",
  permission: "fournisseurs.manage",
  colonnes: COLONNES_FOURNISSEURS,
  evenement: "fournisseurs.imported",
  lignesExemple: [
    {
      siret: "21940028800010",
      nom: "Espaces Verts du Plateau",
      adresse: "12 rue de Paris",
      codeCommune: "94028",
      categorie: "pme",
    },
  ],
  async ecrireLigne({ uow, actor, organisationId, ligne, numero }) {
    const siret = ligne.siret.replace(/[\s.]/gu, "");
    const vus = siretsDuFichier(actor, numero);
    const deja = vus.get(siret);
    if (deja !== undefined) throw refus("siret", `Ce SIRET est déjà à la ligne ${deja} du fichier.`);
    vus.set(siret, numero);
    const entree = {
      siret,
      nom: ligne.nom,
      adresse: ligne.adresse,
      codeCommune: ligne.codeCommune,
      categorie: ligne.categorie as never,
      statutInclusif: ligne.statutInclusif as never,
    };
    const existant = await uow.fournisseurs.getBySiret(siret, organisationId);
    if (existant) await modifierFournisseur(uow, actor, organisationId, existant.id, { ...entree, version: existant.version });
    else await creerFournisseur(uow, actor, organisationId, entree);
  },
});

// ---------------------------------------------------------------------------------------------------------------
// Contracts

const OUI_NON = "oui ou non";

export const COLONNES_MARCHES = defineColonnes([
  { cle: "numero", entete: "Numéro", type: "texte", obligatoire: true, longueurMax: 40, exemple: "2026-0042" },
  {
    cle: "objet",
    entete: "Objet",
    type: "texte",
    obligatoire: true,
    longueurMax: 500,
    exemple: "Entretien des espaces verts des collèges",
  },
  { cle: "direction", entete: "Sigle de la direction", type: "texte", obligatoire: true, longueurMax: 12, exemple: "DB" },
  {
    cle: "procedure",
    entete: "Procédure",
    type: "liste",
    obligatoire: true,
    valeurs: PROCEDURES_DECP.map((p) => ({ valeur: p, libelle: p })),
    exemple: "Appel d'offres ouvert",
  },
  {
    cle: "nature",
    entete: "Nature",
    type: "liste",
    obligatoire: true,
    valeurs: [
      { valeur: "travaux", libelle: "Travaux" },
      { valeur: "fournitures", libelle: "Fournitures" },
      { valeur: "services", libelle: "Services" },
    ],
    exemple: "services",
  },
  {
    cle: "cpv",
    entete: "Code CPV",
    type: "texte",
    obligatoire: true,
    longueurMax: 10,
    exemple: "77310000-6",
    valider: (v) => (CodeCpv.isValid(v) ? undefined : "Code CPV inconnu ou mal écrit (8 chiffres, tiret, clé : 77310000-6)."),
  },
  {
    cle: "formePrix",
    entete: "Forme du prix",
    type: "liste",
    obligatoire: true,
    valeurs: FORMES_PRIX.map((f) => ({
      valeur: f,
      libelle: f === "forfaitaire" ? "Forfaitaire" : f === "unitaire" ? "Unitaire" : "Mixte",
    })),
    exemple: "unitaire",
  },
  { cle: "accordCadre", entete: "Accord-cadre", type: "booleen", obligatoire: true, exemple: true, aide: OUI_NON },
  { cle: "montantHt", entete: "Montant (€ HT)", type: "euros", aide: "Marché ordinaire : son montant. Vide pour un accord-cadre." },
  { cle: "montantMinHt", entete: "Minimum (€ HT)", type: "euros", aide: "Accord-cadre : minimum éventuel." },
  { cle: "montantMaxHt", entete: "Maximum (€ HT)", type: "euros", exemple: 80_000_000, aide: "Accord-cadre : obligatoire." },
  { cle: "dateNotification", entete: "Date de notification", type: "date", obligatoire: true, exemple: "2026-03-02" },
  { cle: "dateDebut", entete: "Début d'exécution", type: "date", obligatoire: true, exemple: "2026-04-01" },
  { cle: "dureeMois", entete: "Durée (mois)", type: "entier", obligatoire: true, min: 1, max: 240, exemple: 12 },
  { cle: "reconductionsNombre", entete: "Nombre de reconductions", type: "entier", min: 0, max: 10, exemple: 3 },
  { cle: "reconductionDureeMois", entete: "Durée d'une reconduction (mois)", type: "entier", min: 1, max: 60, exemple: 12 },
  {
    cle: "ccag",
    entete: "CCAG",
    type: "liste",
    obligatoire: true,
    valeurs: CCAGS.map((c) => ({ valeur: c, libelle: LIBELLES_CCAG[c] })),
    exemple: "fcs",
  },
  { cle: "clauseSociale", entete: "Clause sociale", type: "booleen", exemple: true },
  { cle: "heuresInsertionPrevues", entete: "Heures d'insertion prévues", type: "entier", min: 1, max: 1_000_000, exemple: 600 },
  { cle: "clauseEnvironnementale", entete: "Clause environnementale", type: "booleen", exemple: true },
  { cle: "marcheReserve", entete: "Marché réservé", type: "booleen", exemple: false },
  { cle: "achatInnovant", entete: "Achat innovant", type: "booleen", exemple: false },
  {
    cle: "tauxAvance",
    entete: "Taux de l'avance (%)",
    type: "texte",
    longueurMax: 8,
    valider: pourcentageValide,
    aide: "Vide : pas d'avance.",
  },
  { cle: "retenueGarantie", entete: "Retenue de garantie (%)", type: "texte", longueurMax: 8, valider: pourcentageValide },
  { cle: "attribueParCao", entete: "Attribué par la CAO", type: "booleen", exemple: true },
  {
    cle: "siretTitulaire",
    entete: "SIRET du titulaire (ou du mandataire)",
    type: "texte",
    obligatoire: true,
    longueurMax: 20,
    exemple: "21940028800010",
    aide: "Le fournisseur doit être dans l'annuaire (importez d'abord les fournisseurs), sauf si son nom est donné.",
    valider: siretValide,
  },
  {
    cle: "nomTitulaire",
    entete: "Nom du titulaire",
    type: "texte",
    longueurMax: 200,
    aide: "Seulement pour un SIRET absent de l'annuaire : il y est ajouté sous ce nom.",
  },
  {
    cle: "siretsCotraitants",
    entete: "SIRET des cotraitants",
    type: "texte",
    longueurMax: 500,
    aide: "Groupement : les SIRET des autres membres, séparés par des virgules ; le titulaire est alors le mandataire.",
  },
]);

const directionsParActeur = new WeakMap<Actor, Map<string, string | null>>();

/** The direction of a sigle (cached for the actor of the import: 10,000 rows, a handful of directions). */
async function directionParSigle(uow: UnitOfWork, actor: Actor, organisationId: string, sigle: string): Promise<string | null> {
  let cache = directionsParActeur.get(actor);
  if (!cache) {
    cache = new Map();
    const { directions } = await uow.directions.list(organisationId, 10_000);
    for (const d of directions) cache.set(d.sigle.toUpperCase(), d.id);
    directionsParActeur.set(actor, cache);
  }
  return cache.get(sigle.trim().toUpperCase()) ?? null;
}

/**
 * Contracts that predate the platform, one per row, each through `creerMarche` (same checks as the form: framework
 * maximum, social clause hours, retention cap asked of the rules engine, direction scope). Holders by SIRET.
 */
export const importMarches = defineImport({
  type: "marches",
  libelle: "Marchés (portefeuille existant)",
  permission: "marches.manage",
  colonnes: COLONNES_MARCHES,
  evenement: "marches.imported",
  champs: {
    directionId: "direction",
    montantHtCents: "montantHt",
    montantMinHtCents: "montantMinHt",
    montantMaxHtCents: "montantMaxHt",
    tauxAvancePointsDeBase: "tauxAvance",
    retenueGarantiePointsDeBase: "retenueGarantie",
    titulaires: "siretTitulaire",
  },
  lignesExemple: [
    {
      numero: "2026-0042",
      objet: "Entretien des espaces verts des collèges",
      direction: "DB",
      procedure: "Appel d'offres ouvert",
      nature: "services",
      cpv: "77310000-6",
      formePrix: "unitaire",
      accordCadre: true,
      montantMaxHt: 80_000_000,
      dateNotification: "2026-03-02",
      dateDebut: "2026-04-01",
      dureeMois: 12,
      reconductionsNombre: 3,
      reconductionDureeMois: 12,
      ccag: "fcs",
      clauseSociale: true,
      heuresInsertionPrevues: 600,
      siretTitulaire: "21940028800010",
    },
  ],
  async ecrireLigne({ uow, actor, organisationId, ligne }) {
    const directionId = await directionParSigle(uow, actor, organisationId, ligne.direction);
    if (!directionId) throw refus("direction", `Aucune direction n'a le sigle « ${ligne.direction} ».`);
    const cotraitants = (ligne.siretsCotraitants ?? "")
      .split(SEPARATEUR_SIRETS)
      .map((s) => s.replace(/\./gu, ""))
      .filter((s) => s !== "");
    for (const siret of cotraitants) {
      const message = siretValide(siret);
      if (message) throw refus("siretsCotraitants", message);
      if (!(await uow.fournisseurs.getBySiret(siret, organisationId)))
        throw refus("siretsCotraitants", `Le SIRET ${siret} n'est pas dans l'annuaire des fournisseurs : importez-le d'abord.`);
    }
    // an unknown holder without a name is refused by `creerMarche` (reported on this row's holder column)
    const siretTitulaire = ligne.siretTitulaire.replace(/[\s.]/gu, "");
    const titulaires: TitulaireParSiret[] = [
      { siret: siretTitulaire, nom: ligne.nomTitulaire, role: cotraitants.length > 0 ? "mandataire" : "titulaire" },
      ...cotraitants.map((siret) => ({ siret, role: "cotraitant" as const })),
    ];
    const tauxAvance = ligne.tauxAvance ? pointsDeBase(ligne.tauxAvance) : null;
    await creerMarche(uow, actor, organisationId, {
      numero: ligne.numero,
      objet: ligne.objet,
      directionId,
      procedure: ligne.procedure as never,
      nature: ligne.nature as never,
      cpv: ligne.cpv,
      formePrix: ligne.formePrix as never,
      accordCadre: ligne.accordCadre,
      montantHtCents: ligne.montantHt,
      montantMinHtCents: ligne.montantMinHt,
      montantMaxHtCents: ligne.montantMaxHt,
      dateNotification: ligne.dateNotification,
      dateDebut: ligne.dateDebut,
      dureeMois: ligne.dureeMois,
      reconductionsNombre: ligne.reconductionsNombre ?? 0,
      reconductionDureeMois: ligne.reconductionDureeMois,
      ccag: ligne.ccag as never,
      clauseSociale: ligne.clauseSociale ?? false,
      heuresInsertionPrevues: ligne.heuresInsertionPrevues,
      clauseEnvironnementale: ligne.clauseEnvironnementale ?? false,
      marcheReserve: ligne.marcheReserve ?? false,
      achatInnovant: ligne.achatInnovant ?? false,
      avanceAccordee: tauxAvance !== null && tauxAvance > 0,
      tauxAvancePointsDeBase: tauxAvance !== null && tauxAvance > 0 ? tauxAvance : null,
      retenueGarantiePointsDeBase: ligne.retenueGarantie ? pointsDeBase(ligne.retenueGarantie) : null,
      attribueParCao: ligne.attribueParCao ?? false,
      titulaires,
    });
  },
});
