/**
 * DECP v2.0.3 (arrêtés du 22 décembre 2022, schema `schema_decp_v2.0.3.json` of 139bercy/format-commande-publique):
 * the exact JSON shape of the département's contracts. Envelope `{"marches": {"marche": [...]}}`, nested lists
 * (`titulaires: [{titulaire: {...}}]`, `considerationsSociales: {considerationSociale: [...]}`…). Initial values are
 * never overwritten: modifications are appended with the new totals.
 */
import type { DateLegale } from "../valeurs/date-legale";
import { centsToEuros } from "../valeurs/montant";
import type { CodeCcag, MarchePourPublication, TitulairePublication } from "./types";

/** DECP CCAG labels by code. */
export const CCAG_DECP: Readonly<Record<CodeCcag, string>> = {
  fcs: "Fournitures courantes et services",
  travaux: "Travaux",
  pi: "Prestations intellectuelles",
  tic: "Techniques de l'information et de la communication",
  mi: "Marchés industriels",
  moe: "Maitrise d'œuvre",
  aucun: "Pas de CCAG",
};

const FORME_PRIX: Readonly<Record<MarchePourPublication["formePrix"], string>> = {
  forfaitaire: "Forfaitaire",
  unitaire: "Unitaire",
  mixte: "Mixte",
};

type Json = Record<string, unknown>;

/** `{typeIdentifiant: "SIRET", id}` (DECP prefers the SIRET). */
function identifiant(t: TitulairePublication): Json {
  return { typeIdentifiant: "SIRET", id: t.siret.replace(/\s/g, "") };
}

function titulaires(list: readonly TitulairePublication[]): Json[] {
  return list.map((t) => ({ titulaire: identifiant(t) }));
}

/** Social considerations from the clause flags (`Pas de considération sociale` when none). */
export function considerationsSociales(m: MarchePourPublication): string[] {
  const list: string[] = [];
  if (m.clauseSociale) list.push("Clause sociale");
  if (m.critereSocial) list.push("Critère social");
  if (m.marcheReserve) list.push("Marché réservé");
  return list.length ? list : ["Pas de considération sociale"];
}

/** Environmental considerations from the clause flags (`Pas de considération environnementale` when none). */
export function considerationsEnvironnementales(m: MarchePourPublication): string[] {
  const list: string[] = [];
  if (m.clauseEnvironnementale) list.push("Clause environnementale");
  if (m.critereEnvironnemental) list.push("Critère environnemental");
  return list.length ? list : ["Pas de considération environnementale"];
}

/** Euros as a JSON number, from integer cents (exact to the cent). */
function euros(cents: number): number {
  return centsToEuros(cents);
}

/**
 * One contract in DECP v2.0.3 shape. `datePublication` is the date of this export: it fills the first
 * publication date of the contract and of each modification not yet published (those already published keep theirs).
 */
export function marcheDecp(m: MarchePourPublication, datePublication: DateLegale): Json {
  const techniques = m.techniques.length ? [...m.techniques] : ["Sans objet"];
  const modalites = m.modalitesExecution.length ? [...m.modalitesExecution] : ["Sans objet"];
  const out: Json = {
    id: m.numero,
    acheteur: { id: m.acheteurSiret },
    nature: m.natureDecp,
    objet: m.objet,
    codeCPV: m.cpv,
    techniques: { technique: techniques },
    modalitesExecution: { modaliteExecution: modalites },
  };
  if (m.idAccordCadre) out.idAccordCadre = m.idAccordCadre;
  Object.assign(out, {
    marcheInnovant: m.marcheInnovant,
    ccag: CCAG_DECP[m.ccag],
    offresRecues: m.offresRecues,
    attributionAvance: m.avanceAccordee,
  });
  if (m.avanceAccordee) out.tauxAvance = (m.tauxAvancePointsDeBase ?? 0) / 10_000;
  Object.assign(out, {
    typeGroupementOperateurs: m.typeGroupement,
    sousTraitanceDeclaree: m.sousTraitanceDeclaree,
  });
  if (m.actesSousTraitance.length) {
    out.actesSousTraitance = m.actesSousTraitance.map((a) => ({
      acteSousTraitance: {
        id: a.numero,
        sousTraitant: identifiant(a.sousTraitant),
        dureeMois: a.dureeMois,
        dateNotification: a.dateNotification,
        datePublicationDonnees: a.datePublication ?? datePublication,
        montant: euros(a.montantHtCents),
        variationPrix: a.variationPrix,
      },
    }));
  }
  Object.assign(out, {
    procedure: m.procedure,
    lieuExecution: { code: m.lieuExecution.code, typeCode: m.lieuExecution.typeCode },
    dureeMois: m.dureeMois,
    dateNotification: m.dateNotification,
    datePublicationDonnees: m.datePublicationDonnees ?? datePublication,
    montant: euros(m.montantHtCents),
    typesPrix: { typePrix: m.typesPrix.length ? [...m.typesPrix] : ["Définitif ferme"] },
    formePrix: FORME_PRIX[m.formePrix],
    titulaires: titulaires(m.titulaires),
    considerationsSociales: { considerationSociale: considerationsSociales(m) },
    considerationsEnvironnementales: { considerationEnvironnementale: considerationsEnvironnementales(m) },
  });
  if (m.modifications.length) {
    out.modifications = [...m.modifications]
      .sort((a, b) => a.numero - b.numero)
      .map((mod) => {
        const modification: Json = {
          id: mod.numero,
          dateNotificationModification: mod.dateNotification,
          datePublicationDonneesModification: mod.datePublication ?? datePublication,
        };
        if (mod.dureeMois !== null) modification.dureeMois = mod.dureeMois;
        if (mod.montantHtCents !== null) modification.montant = euros(mod.montantHtCents);
        if (mod.titulaires?.length) modification.titulaires = titulaires(mod.titulaires);
        return { modification };
      });
  }
  return out;
}

/** The DECP v2.0.3 document of a list of contracts: `{"marches": {"marche": [...]}}`, in the order given. */
export function versDecp(marches: readonly MarchePourPublication[], datePublication: DateLegale): { marches: { marche: Json[] } } {
  return { marches: { marche: marches.map((m) => marcheDecp(m, datePublication)) } };
}
