/**
 * A seeded generator of a realistic contract portfolio (demo data and benchmarks): contracts notified over four
 * years (about 210 a year), durations, renewals and framework agreements by nature, log-normal amounts, social
 * clauses on a share, amendments checked by the rules engine, purchase orders, quarterly invoices with a
 * realistic spread of payment delays (late-payment interest from the engine), insertion hours, closings.
 * Pure: same seed, same reference day, same portfolio.
 */
import { verifierModification, type FondementModification } from "../regles/modification";
import { TAUX_BCE_PAR_DEFAUT } from "../regles/parametres";
import type { Nature, ProcedureDecp } from "../regles/types";
import { CodeCpv } from "../valeurs/code-cpv";
import { addDays, addMonths, type DateLegale } from "../valeurs/date-legale";
import type { BonCommande, Facture, HeuresInsertion, Modification } from "./execution";
import { datesDeFin, type Ccag, type Marche } from "./marche";
import { chiffrerFacture } from "./marches.use-cases";

export interface FournisseurSource {
  id: string;
  cpv: string;
  objet: string;
  travaux: boolean;
}

export interface PortefeuilleGenere {
  marches: Marche[];
  modifications: Modification[];
  bonsCommande: BonCommande[];
  factures: Facture[];
  heuresInsertion: HeuresInsertion[];
}

export interface ParametresPortefeuille {
  organisationId: string;
  /** Direction ids with their weight and whether they mostly buy works. */
  directions: { id: string; poids: number; travaux: boolean }[];
  fournisseurs: FournisseurSource[];
  aujourdhui: DateLegale;
  /** Contracts notified per year (default 212). */
  parAn?: number;
  /** Years of history (default 4). */
  annees?: number;
  /** Without invoices, orders, amendments and hours (benchmarks of the list). */
  sansExecution?: boolean;
  hasard: () => number;
  ids: () => string;
}

const OBJETS: Record<Nature, string[]> = {
  travaux: [
    "Réhabilitation du collège",
    "Rénovation énergétique du gymnase",
    "Entretien et grosses réparations de la voirie départementale",
    "Réfection des ouvrages d'art",
    "Travaux d'assainissement du réseau départemental",
    "Construction d'une crèche départementale",
    "Mise en accessibilité des bâtiments",
    "Remplacement des menuiseries extérieures",
  ],
  services: [
    "Nettoyage des locaux départementaux",
    "Entretien des espaces verts",
    "Maintenance des ascenseurs",
    "Gardiennage et sécurité des sites",
    "Restauration scolaire des collèges",
    "Transport adapté des élèves en situation de handicap",
    "Maintenance des systèmes d'information",
    "Formation des agents",
  ],
  fournitures: [
    "Fourniture de denrées alimentaires pour les crèches",
    "Achat de véhicules",
    "Fourniture de mobilier",
    "Fourniture de matériel informatique des collèges",
    "Fourniture de papier et consommables",
    "Fourniture d'équipements de protection individuelle",
  ],
};
const CPV_PAR_NATURE: Record<Nature, string[]> = {
  travaux: ["45214200", "45233141", "45221000", "45232400", "45454000", "45421000", "45261000"],
  services: ["90910000", "77310000", "50750000", "79710000", "55524000", "60130000", "72260000", "80500000"],
  fournitures: ["15000000", "34100000", "39100000", "30200000", "30197630", "18143000"],
};

function lognormal(h: () => number, mediane: number, sigma: number): number {
  const u = Math.max(1e-9, h());
  const v = h();
  const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  return mediane * Math.exp(sigma * z);
}
const choisir = <T>(h: () => number, liste: readonly T[]): T => liste[Math.floor(h() * liste.length)] as T;
const arrondi = (cents: number, pas: number) => Math.max(pas, Math.round(cents / pas) * pas);

function cpvValide(code8: string, nature: Nature, h: () => number): string {
  const ok = CodeCpv.tryParse(code8);
  if (ok && (nature === "travaux") === code8.startsWith("45")) return ok.code;
  return (CodeCpv.tryParse(choisir(h, CPV_PAR_NATURE[nature])) as CodeCpv).code;
}

/** Days between reception and payment: 70 % within 30 days, 20 % 31–45, 8 % 46–75, 2 % 76–120. */
function delaiPaiement(h: () => number): number {
  const r = h();
  if (r < 0.7) return 12 + Math.floor(h() * 19);
  if (r < 0.9) return 31 + Math.floor(h() * 15);
  if (r < 0.98) return 46 + Math.floor(h() * 30);
  return 76 + Math.floor(h() * 45);
}

export function genererPortefeuille(p: ParametresPortefeuille): PortefeuilleGenere {
  const h = p.hasard;
  const parAn = p.parAn ?? 212;
  const annees = p.annees ?? 4;
  const n = parAn * annees;
  const poidsTotal = p.directions.reduce((s, d) => s + d.poids, 0);
  const travauxF = p.fournisseurs.filter((f) => f.travaux);
  const autresF = p.fournisseurs.filter((f) => !f.travaux);
  const out: PortefeuilleGenere = { marches: [], modifications: [], bonsCommande: [], factures: [], heuresInsertion: [] };
  const debutHistoire = addMonths(p.aujourdhui, -12 * annees);
  const jours = annees * 365;
  for (let i = 0; i < n; i++) {
    let r = h() * poidsTotal;
    const direction =
      p.directions.find((d) => {
        r -= d.poids;
        return r < 0;
      }) ?? (p.directions[0] as (typeof p.directions)[number]);
    const x = h();
    const nature: Nature = direction.travaux
      ? x < 0.6
        ? "travaux"
        : x < 0.85
          ? "services"
          : "fournitures"
      : x < 0.1
        ? "travaux"
        : x < 0.65
          ? "services"
          : "fournitures";
    const sources = nature === "travaux" ? travauxF : autresF;
    const titulaire = choisir(h, sources.length ? sources : p.fournisseurs);
    const dateNotification = addDays(debutHistoire, Math.floor((i / n) * jours + h() * 3));
    const dateDebut = addDays(dateNotification, Math.floor(h() * 30));
    const accordCadre = h() < (nature === "travaux" ? 0.2 : 0.55);
    const montant = arrondi(lognormal(h, nature === "travaux" ? 180_000_000 : nature === "services" ? 70_000_000 : 45_000_000, 1.15), 100);
    const montantPlafonne = Math.min(montant, 4_000_000_000);
    const duree = nature === "travaux" ? choisir(h, [12, 18, 24, 36, 48]) : choisir(h, [12, 24, 36, 48, 48]);
    const reconductionsNombre = nature !== "travaux" && duree <= 24 ? choisir(h, [0, 1, 2, 3, 3]) : 0;
    const procedure: ProcedureDecp =
      montantPlafonne > 22_100_000
        ? "Appel d'offres ouvert"
        : montantPlafonne < 4_000_000
          ? "Marché passé sans publicité ni mise en concurrence préalable"
          : "Procédure adaptée";
    const base = {
      dateDebut,
      dureeMois: duree,
      reconductionsNombre,
      reconductionDureeMois: reconductionsNombre > 0 ? 12 : null,
      reconductionsDecidees: 0,
    };
    // renewals whose decision date has passed were decided (a few were not: the contract ended)
    let decidees = 0;
    while (
      decidees < reconductionsNombre &&
      datesDeFin({ ...base, reconductionsDecidees: decidees }).dateFin < addMonths(p.aujourdhui, 2) &&
      h() < 0.92
    )
      decidees++;
    const clauseSociale = h() < (nature === "travaux" ? 0.4 : 0.2);
    const totalHt = accordCadre ? montantPlafonne : montantPlafonne;
    const marche: Marche = {
      id: p.ids(),
      organisationId: p.organisationId,
      directionId: direction.id,
      numero: `${dateNotification.slice(0, 4)}-${String(i + 1).padStart(5, "0")}`,
      objet:
        titulaire.objet && h() < 0.5 && (nature === "travaux") === titulaire.travaux
          ? titulaire.objet
          : `${choisir(h, OBJETS[nature])}${h() < 0.5 ? ` — lot ${1 + Math.floor(h() * 6)}` : ""}`,
      procedure,
      nature,
      cpv: cpvValide(titulaire.cpv, nature, h),
      formePrix: accordCadre ? "unitaire" : choisir(h, ["forfaitaire", "forfaitaire", "mixte"] as const),
      accordCadre,
      montantHtCents: accordCadre ? null : montantPlafonne,
      montantMinHtCents: accordCadre && h() < 0.3 ? arrondi(montantPlafonne * 0.2, 100) : null,
      montantMaxHtCents: accordCadre ? montantPlafonne : null,
      dateNotification,
      ...base,
      reconductionsDecidees: decidees,
      ...datesDeFin({ ...base, reconductionsDecidees: decidees }),
      ccag: (nature === "travaux" ? "travaux" : h() < 0.15 ? "pi" : "fcs") as Ccag,
      clauseSociale,
      heuresInsertionPrevues: clauseSociale ? Math.max(35, Math.round(montantPlafonne / 100_000) * 2) : null,
      clauseEnvironnementale: h() < 0.35,
      marcheReserve: nature !== "travaux" && h() < 0.03,
      achatInnovant: h() < 0.02,
      avanceAccordee: montantPlafonne > 5_000_000 && h() < 0.5,
      tauxAvancePointsDeBase: null,
      retenueGarantiePointsDeBase: nature === "travaux" ? 500 : null,
      attribueParCao: procedure === "Appel d'offres ouvert",
      dateLancement: addMonths(dateNotification, -3),
      procedureId: null,
      lotNumero: null,
      lignesProgrammeIds: [],
      clos: false,
      dateCloture: null,
      evaluation: null,
      titulaires: [{ fournisseurId: titulaire.id, role: "titulaire", montantSousTraitanceHtCents: null, paiementDirect: false }],
      version: 1,
    };
    if (marche.avanceAccordee) marche.tauxAvancePointsDeBase = 2_000;
    if (nature === "travaux" && h() < 0.25) {
      const st = choisir(h, sources);
      if (st.id !== titulaire.id)
        marche.titulaires.push({
          fournisseurId: st.id,
          role: "sous-traitant",
          montantSousTraitanceHtCents: arrondi(totalHt * 0.15, 100),
          paiementDirect: true,
        });
    }
    if (!p.sansExecution) executer(p, marche, out);
    if (marche.dateFin < p.aujourdhui && h() < 0.85) {
      marche.clos = true;
      marche.dateCloture =
        addDays(marche.dateFin, 15 + Math.floor(h() * 60)) < p.aujourdhui
          ? addDays(marche.dateFin, 15 + Math.floor(h() * 60))
          : marche.dateFin;
      marche.evaluation = {
        qualite: 2 + Math.floor(h() * 4),
        delais: 2 + Math.floor(h() * 4),
        relation: 2 + Math.floor(h() * 4),
        commentaire: null,
      };
    }
    out.marches.push(marche);
  }
  return out;
}

const FONDEMENTS: FondementModification[] = [
  "faible-montant",
  "faible-montant",
  "faible-montant",
  "non-substantielle",
  "prestations-supplementaires",
];

function executer(p: ParametresPortefeuille, m: Marche, out: PortefeuilleGenere): void {
  const h = p.hasard;
  const reference = m.montantHtCents ?? m.montantMaxHtCents ?? 0;
  // amendments on about 15 % of the contracts, checked by the engine
  const modifications: Modification[] = [];
  if (h() < 0.15 && m.dateLancement && m.dateLancement >= "2022-01-01") {
    const nombre = h() < 0.7 ? 1 : 2;
    for (let k = 0; k < nombre; k++) {
      const fondement = choisir(h, FONDEMENTS);
      const part =
        fondement === "prestations-supplementaires"
          ? 0.08 + h() * 0.15
          : fondement === "non-substantielle"
            ? 0.01 + h() * 0.04
            : 0.02 + h() * 0.1;
      const montant = arrondi(reference * part, 100);
      const dateSignature = addDays(m.dateDebut, 60 + Math.floor(h() * 200));
      if (dateSignature > p.aujourdhui) break;
      const analyse = verifierModification({
        montantInitialHtCents: reference,
        nature: m.nature,
        dateLancement: m.dateLancement,
        modificationsAnterieures: modifications.map((x) => ({ montantHtCents: x.montantHtCents, fondement: x.fondement })),
        modification: { montantHtCents: montant, fondement },
        attribueParCao: m.attribueParCao,
      });
      modifications.push({
        id: p.ids(),
        marcheId: m.id,
        numero: k + 1,
        objet: fondement === "prestations-supplementaires" ? "Prestations supplémentaires" : "Ajustement des quantités",
        fondement,
        montantHtCents: montant,
        nouvelleDateFin: null,
        dateSignature,
        autorisee: analyse.autorisee,
        avisCaoRequis: analyse.avisCaoRequis,
        pourcentageCumulePointsDeBase: analyse.pourcentageCumulePointsDeBase,
        motifJuridique: analyse.autorisee
          ? null
          : "Modification non substantielle (R2194-7) : ni l'objet ni l'équilibre économique du marché ne changent.",
        explications: analyse.explications,
      });
    }
    out.modifications.push(...modifications);
  }
  const total = reference + modifications.reduce((s, x) => s + x.montantHtCents, 0);
  const moisTotal = Math.max(1, m.dureeMois + m.reconductionsDecidees * (m.reconductionDureeMois ?? 0));
  // frameworks: consumed at 50 % to 105 % of the pace of their maximum
  const rythme = m.accordCadre ? 0.5 + h() * 0.55 : 1;
  const parTrimestre = (total / moisTotal) * 3 * rythme;
  let consomme = 0;
  for (let debut = m.dateDebut, q = 1; debut <= p.aujourdhui && debut <= m.dateFin; debut = addMonths(debut, 3), q++) {
    let ht = arrondi(parTrimestre * (0.7 + h() * 0.6), 100);
    if (m.accordCadre) {
      ht = Math.min(ht, total - consomme);
      if (ht <= 0) break;
      out.bonsCommande.push({ id: p.ids(), marcheId: m.id, numero: `BC-${q}`, objet: null, dateEmission: debut, montantHtCents: ht });
      consomme += ht;
    }
    const dateReception = addDays(debut, 75 + Math.floor(h() * 15));
    if (dateReception > p.aujourdhui) break;
    const ttc = Math.round(ht * 1.2);
    const delai = delaiPaiement(h);
    let datePaiement: DateLegale | null = addDays(dateReception, delai);
    if (datePaiement > p.aujourdhui) datePaiement = h() < 0.9 ? null : p.aujourdhui;
    if (datePaiement && h() < 0.01) datePaiement = null; // forgotten invoice: overdue, unpaid
    if (datePaiement && datePaiement > p.aujourdhui) datePaiement = null;
    const base = { montantTtcCents: ttc, dateReception, datePaiement };
    out.factures.push({
      id: p.ids(),
      marcheId: m.id,
      numero: `F-${m.numero}-${q}`,
      ...base,
      ...chiffrerFacture(base, TAUX_BCE_PAR_DEFAUT),
    });
  }
  if (m.clauseSociale && m.heuresInsertionPrevues) {
    for (let debut = m.dateDebut; addMonths(debut, 6) <= p.aujourdhui && debut <= m.dateFin; debut = addMonths(debut, 6)) {
      const part = (m.heuresInsertionPrevues * 6) / moisTotal;
      out.heuresInsertion.push({
        id: p.ids(),
        marcheId: m.id,
        periodeDebut: debut,
        periodeFin: addDays(addMonths(debut, 6), -1),
        heures: Math.round(part * (0.5 + h() * 0.8)),
      });
    }
  }
}
