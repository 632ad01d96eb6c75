import type { CleIndicateur } from "@achat-public/domain/pilotage";

/** The cockpit's filters, as kept in the address (a figure's drill-down link carries them). */
export interface FiltresPilotage {
  annee: number;
  direction: string;
  montantMinHt: string;
  /** A month of the year (« 01 » to « 12 », drill-down from the chart by month), or the whole year (""). */
  mois: string;
  /** A purchase family (CPV division « 45 », drill-down from the chart by family), or every one (""). */
  famille: string;
}

export function filtresDe(params: URLSearchParams, anneeParDefaut: number): FiltresPilotage {
  const annee = Number(params.get("annee"));
  return {
    annee: Number.isInteger(annee) && annee >= 2000 && annee <= 2100 ? annee : anneeParDefaut,
    direction: params.get("direction") ?? "",
    montantMinHt: params.get("montantMinHt") ?? "",
    mois: /^(0[1-9]|1[0-2])$/.test(params.get("mois") ?? "") ? String(params.get("mois")) : "",
    famille: /^\d{2}$/.test(params.get("famille") ?? "") ? String(params.get("famille")) : "",
  };
}

/** The query parameters of the API for these filters (empty ones left out). */
export function parametres(f: FiltresPilotage): Record<string, string | number | undefined> {
  const commun = { direction: f.direction || undefined, montantMinHt: f.montantMinHt || undefined, famille: f.famille || undefined };
  if (!f.mois) return { annee: f.annee, ...commun };
  const dernier = new Date(Date.UTC(f.annee, Number(f.mois), 0)).getUTCDate();
  return { du: `${f.annee}-${f.mois}-01`, au: `${f.annee}-${f.mois}-${dernier}`, ...commun };
}

/** The groups of the cockpit, in the order shown. */
export const GROUPES: { titre: string; cles: CleIndicateur[] }[] = [
  { titre: "Volume", cles: ["nombreMarchesNotifies", "montantNotifieHt", "montantPayeTtc"] },
  {
    titre: "Accès des PME et des entreprises du Val-de-Marne",
    cles: ["partPmeNombre", "partPmeMontant", "partLocaleNombre", "partLocaleMontant"],
  },
  { titre: "Concurrence", cles: ["nombreMoyenOffresParLot", "tauxOffreUnique", "tauxInfructueux", "delaiMoyenPassationJours"] },
  { titre: "Paiement des fournisseurs", cles: ["delaiMoyenPaiementJours", "partPaiementsDansLesDelais", "interetsMoratoiresDus"] },
  {
    titre: "Achats responsables (SPASER)",
    cles: [
      "partConsiderationEnvironnementale",
      "partConsiderationSociale",
      "partMarchesReserves",
      "partAchatsInnovants",
      "heuresInsertionPrevues",
      "heuresInsertionRealisees",
    ],
  },
  { titre: "Économies (chaque méthode à part)", cles: ["economieEstimationAttribution", "economieMarchePrecedent"] },
];
