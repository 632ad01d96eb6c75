import { DomainError, type Issue } from "@achat-public/domain";
import { createLigne, NATURES_LIGNE_LIBELLES } from "@achat-public/domain/programme";
import { CodeCpv } from "@achat-public/domain/valeurs";
import { defineColonnes } from "@achat-public/tableur";
import { defineImport } from "../platform/imports";

/** The columns of a direction's needs spreadsheet (import template). */
export const COLONNES_BESOINS = defineColonnes([
  { cle: "annee", entete: "Année", type: "entier", obligatoire: true, min: 2000, max: 2100, exemple: 2027 },
  {
    cle: "direction",
    entete: "Sigle de la direction",
    type: "texte",
    longueurMax: 12,
    exemple: "DB",
    aide: "Facultatif pour un acheteur de direction (sa direction).",
  },
  { cle: "service", entete: "Service", type: "texte", longueurMax: 120, exemple: "Service construction" },
  { cle: "objet", entete: "Objet", type: "texte", obligatoire: true, longueurMax: 300, exemple: "Ordinateurs portables des collèges" },
  {
    cle: "nature",
    entete: "Nature",
    type: "liste",
    obligatoire: true,
    valeurs: NATURES_LIGNE_LIBELLES.map(([valeur, libelle]) => ({ valeur, libelle })),
    exemple: "fournitures",
  },
  {
    cle: "cpv",
    entete: "Code CPV",
    type: "texte",
    obligatoire: true,
    longueurMax: 10,
    exemple: "30213100-6",
    valider: (v) => (CodeCpv.isValid(v) ? undefined : "Code CPV inconnu ou mal écrit (8 chiffres, ex. 30213100-6)."),
  },
  { cle: "famille", entete: "Code de la famille", type: "texte", longueurMax: 20, exemple: "F-INFO", aide: "Déduite du code CPV si vide." },
  { cle: "operation", entete: "Opération (travaux)", type: "texte", longueurMax: 120, exemple: "" },
  { cle: "valeurEstimeeHt", entete: "Valeur estimée (€ HT)", type: "euros", obligatoire: true, exemple: 5_000_000 },
  { cle: "trimestre", entete: "Trimestre de lancement", type: "entier", obligatoire: true, min: 1, max: 4, exemple: 2 },
  { cle: "dureeMois", entete: "Durée (mois)", type: "entier", obligatoire: true, min: 1, max: 240, exemple: 12 },
  { cle: "renouvellement", entete: "Renouvellement", type: "booleen", obligatoire: true, exemple: false },
  { cle: "clauseSociale", entete: "Clause sociale", type: "booleen", exemple: false },
  { cle: "lotReserve", entete: "Lot réservé", type: "booleen", exemple: false },
  { cle: "critereEnvironnemental", entete: "Critère environnemental", type: "booleen", exemple: true },
  { cle: "innovation", entete: "Innovation", type: "booleen", exemple: false },
]);

/** The columns of the public programme download. */
export const COLONNES_PROGRAMME_PUBLIC = defineColonnes([
  { cle: "objet", entete: "Objet", type: "texte" },
  { cle: "cpv", entete: "Code CPV", type: "texte" },
  { cle: "direction", entete: "Direction", type: "texte" },
  { cle: "famille", entete: "Famille d'achat", type: "texte" },
  { cle: "familleLibelle", entete: "Libellé de la famille", type: "texte" },
  { cle: "trimestre", entete: "Trimestre de lancement", type: "entier" },
  { cle: "dureeMois", entete: "Durée (mois)", type: "entier" },
  { cle: "fourchette", entete: "Valeur estimée", type: "texte" },
  { cle: "familleProcedure", entete: "Famille de procédure", type: "texte" },
  { cle: "url", entete: "Adresse", type: "texte" },
]);

const refus = (champ: string, message: string): DomainError =>
  new DomainError("INVALID_INPUT", message, "invalid-input", [{ path: [champ], message } satisfies Issue]);

/**
 * A direction's needs from a spreadsheet: each row through `createLigne` (same rules as the form: CPV, family,
 * operation for works, direction scope), all rows or none, one audit event.
 */
export const importBesoins = defineImport({
  type: "besoins",
  libelle: "Besoins d'une direction (programmation des achats)",
  permission: "programme.write",
  colonnes: COLONNES_BESOINS,
  evenement: "lignes-programme.imported",
  champs: { directionId: "direction", serviceId: "service", familleId: "famille" },
  lignesExemple: [
    {
      annee: 2027,
      direction: "DEC",
      objet: "Ordinateurs portables des collèges",
      nature: "fournitures",
      cpv: "30213100-6",
      valeurEstimeeHt: 12_000_000,
      trimestre: 2,
      dureeMois: 48,
      renouvellement: true,
      critereEnvironnemental: true,
    },
  ],
  async ecrireLigne({ uow, actor, organisationId, ligne }) {
    const { directions } = await uow.directions.list(organisationId, 10_000);
    let direction = ligne.direction ? directions.find((d) => d.sigle === ligne.direction?.toUpperCase()) : undefined;
    if (ligne.direction && !direction) throw refus("directionId", `Aucune direction n'a le sigle « ${ligne.direction} ».`);
    if (!direction && actor.kind === "user" && actor.directionId) direction = directions.find((d) => d.id === actor.directionId);
    if (!direction) throw refus("directionId", "Indiquez le sigle de la direction.");
    let serviceId: string | null = null;
    if (ligne.service) {
      const service = direction.services.find((s) => s.nom.toLowerCase() === ligne.service?.toLowerCase());
      if (!service) throw refus("serviceId", `La direction ${direction.sigle} n'a pas de service « ${ligne.service} ».`);
      serviceId = service.id;
    }
    let familleId: string | null = null;
    if (ligne.famille) {
      const famille = (await uow.programme.listFamilles(organisationId)).find((f) => f.code === ligne.famille?.toUpperCase());
      if (!famille) throw refus("familleId", `Aucune famille d'achat n'a le code « ${ligne.famille} ».`);
      familleId = famille.id;
    }
    await createLigne(uow, actor, organisationId, {
      annee: ligne.annee,
      directionId: direction.id,
      serviceId,
      objet: ligne.objet,
      nature: ligne.nature,
      cpv: ligne.cpv,
      familleId,
      operation: ligne.operation,
      valeurEstimeeHtCents: ligne.valeurEstimeeHt,
      trimestre: ligne.trimestre,
      dureeMois: ligne.dureeMois,
      renouvellement: ligne.renouvellement,
      clauseSociale: ligne.clauseSociale ?? false,
      lotReserve: ligne.lotReserve ?? false,
      critereEnvironnemental: ligne.critereEnvironnemental ?? false,
      innovation: ligne.innovation ?? false,
    });
  },
});
