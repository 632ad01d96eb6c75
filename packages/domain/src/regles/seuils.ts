/**
 * The dated rule book: every threshold, rate and dated switch of regles-commande-publique.md §1.1
 * (plus the dated ratios of §4, §5 and §6.2) as data rows.
 *
 * A row is in force from `effectiveFrom` to `effectiveTo` inclusive (null = no known end), judged on the
 * date the consultation is launched or the notice is sent (§ "General rule for dates", S3).
 * `operateur` is the exact legal comparison "value OPERATOR threshold" (e.g. dispense: value < 60 000).
 * Adding a row: see docs/regles.md; the coverage test in seuils.test.ts then demands a test case naming
 * the row `id`.
 */
import { DomainError } from "../commun/errors";
import { addDays, formatDateFr, isDateLegale, type DateLegale } from "../valeurs/date-legale";
import { formatEuros, formatPourcentage } from "../valeurs/montant";
import type { Fondement, Nature, RegleAppliquee, StatutRegle } from "./types";

/** Keys of the rule book. Several rows share a key, one per period. */
export type CleSeuil =
  | "EU_WORKS"
  | "EU_SUPPLIES_SERVICES_SUBCENTRAL"
  | "EU_SUPPLIES_SERVICES_CENTRAL"
  | "EU_SOCIAL_SPECIFIC_SERVICES"
  | "DISPENSE_WORKS"
  | "DISPENSE_SUPPLIES_SERVICES"
  | "INNOVATIVE_DISPENSE"
  | "INNOVATIVE_SMALL_LOT_SUPPLIES_SERVICES"
  | "INNOVATIVE_SMALL_LOT_WORKS"
  | "MAPA_SMALL_LOT_SUPPLIES_SERVICES"
  | "MAPA_SMALL_LOT_WORKS"
  | "SMALL_LOTS_MAX_SHARE"
  | "PUB_FREE_BELOW"
  | "PUB_BOAMP_OR_JAL"
  | "DCE_ON_PROFILE"
  | "DECP_THRESHOLD"
  | "DECP_OPTIONAL_LIST"
  | "AVANCE_MANDATORY"
  | "AVANCE_MIN_DURATION"
  | "AVANCE_MIN_RATE"
  | "AVANCE_MIN_RATE_SME_LOCAL_AUTHORITY"
  | "BUYER_DRF_THRESHOLD"
  | "RETENUE_MAX_RATE"
  | "RETENUE_MAX_RATE_SME"
  | "CAO_AVENANT_5PCT"
  | "MODIFICATION_MAX_SHARE"
  | "DE_MINIMIS_SUPPLIES_SERVICES"
  | "DE_MINIMIS_WORKS"
  | "LEGALITY_CONTROL"
  | "MIN_TURNOVER_CAP"
  | "SPASER_THRESHOLD"
  | "CLIMAT_ENVIRONMENTAL_DUTY"
  | "CLIMAT_SOCIAL_CONDITION_DUTY";

/** Legal comparison "value OPERATOR threshold". */
export type Operateur = "<" | "<=" | ">" | ">=";

/**
 * Unit of `valeur`: `cents` (money HT), `points-de-base` (1 % = 100), `mois` (months) or `obligation`
 * (a dated switch: 1 = the duty applies, 0 = it does not yet; no operator).
 */
export type UniteSeuil = "cents" | "points-de-base" | "mois" | "obligation";

/** One dated row of the rule book. */
export interface LigneSeuil {
  /** Stable identifier, kebab-case; never reuse an id for another meaning. */
  readonly id: string;
  readonly cle: CleSeuil;
  readonly unite: UniteSeuil;
  readonly valeur: number;
  readonly operateur: Operateur | null;
  readonly effectiveFrom: DateLegale;
  /** Last day in force, inclusive; null when no end is known. */
  readonly effectiveTo: DateLegale | null;
  readonly fondements: readonly Fondement[];
  readonly statut: StatutRegle;
  /** Source ids of regles-commande-publique.md (S1…S35). */
  readonly sources: readonly string[];
  readonly note?: string;
}

/** French name of each key (used in explanations and error messages). */
export const LIBELLES_CLES: Readonly<Record<CleSeuil, string>> = {
  EU_WORKS: "seuil européen des marchés de travaux",
  EU_SUPPLIES_SERVICES_SUBCENTRAL: "seuil européen des marchés de fournitures et de services (collectivités territoriales)",
  EU_SUPPLIES_SERVICES_CENTRAL: "seuil européen des marchés de fournitures et de services (autorités publiques centrales)",
  EU_SOCIAL_SPECIFIC_SERVICES: "seuil européen des services sociaux et autres services spécifiques",
  DISPENSE_WORKS: "seuil de dispense de publicité et de mise en concurrence (travaux)",
  DISPENSE_SUPPLIES_SERVICES: "seuil de dispense de publicité et de mise en concurrence (fournitures et services)",
  INNOVATIVE_DISPENSE: "seuil de dispense pour les achats innovants",
  INNOVATIVE_SMALL_LOT_SUPPLIES_SERVICES: "seuil des petits lots innovants (fournitures et services)",
  INNOVATIVE_SMALL_LOT_WORKS: "seuil des petits lots innovants (travaux)",
  MAPA_SMALL_LOT_SUPPLIES_SERVICES: "seuil des petits lots en procédure adaptée (fournitures et services)",
  MAPA_SMALL_LOT_WORKS: "seuil des petits lots en procédure adaptée (travaux)",
  SMALL_LOTS_MAX_SHARE: "part maximale cumulée des petits lots",
  PUB_FREE_BELOW: "seuil de la publicité librement adaptée",
  PUB_BOAMP_OR_JAL: "seuil de la publicité au BOAMP ou dans un JAL",
  DCE_ON_PROFILE: "seuil de mise à disposition gratuite des documents de la consultation sur le profil d'acheteur",
  DECP_THRESHOLD: "seuil de publication des données essentielles (DECP)",
  DECP_OPTIONAL_LIST: "seuil de la liste annuelle facultative des marchés",
  AVANCE_MANDATORY: "seuil de l'avance obligatoire (montant initial)",
  AVANCE_MIN_DURATION: "durée d'exécution au-delà de laquelle l'avance est obligatoire",
  AVANCE_MIN_RATE: "taux minimal de l'avance",
  AVANCE_MIN_RATE_SME_LOCAL_AUTHORITY: "taux minimal de l'avance aux PME (collectivités dont les DRF dépassent 60 M€)",
  BUYER_DRF_THRESHOLD: "seuil de dépenses réelles de fonctionnement de l'acheteur",
  RETENUE_MAX_RATE: "taux maximal de la retenue de garantie",
  RETENUE_MAX_RATE_SME: "taux maximal de la retenue de garantie pour une PME",
  CAO_AVENANT_5PCT: "augmentation au-delà de laquelle un avenant est soumis à l'avis de la CAO",
  MODIFICATION_MAX_SHARE: "plafond de chaque modification pour prestations supplémentaires ou circonstances imprévues",
  DE_MINIMIS_SUPPLIES_SERVICES: "plafond des modifications de faible montant (fournitures et services)",
  DE_MINIMIS_WORKS: "plafond des modifications de faible montant (travaux)",
  LEGALITY_CONTROL: "seuil de transmission au contrôle de légalité",
  MIN_TURNOVER_CAP: "plafond du chiffre d'affaires annuel minimal exigible",
  SPASER_THRESHOLD: "seuil d'achats annuels rendant le SPASER obligatoire",
  CLIMAT_ENVIRONMENTAL_DUTY: "obligation de considération environnementale (loi Climat et résilience)",
  CLIMAT_SOCIAL_CONDITION_DUTY: "obligation de condition d'exécution sociale (loi Climat et résilience)",
};

/** Period the engine answers for: the EU thresholds are known for 2022-01-01 → 2027-12-31 only. */
export const COUVERTURE_MOTEUR: { readonly du: DateLegale; readonly au: DateLegale } = Object.freeze({
  du: "2022-01-01",
  au: "2027-12-31",
});

/** Start used for rows "in force" whose start predates the engine: entry into force of the CCP. */
const CCP_IN_FORCE = "2019-04-01";

const ccp = (article: string, objet: string): Fondement => ({ texte: "CCP", article, objet });
const cgct = (article: string, objet: string): Fondement => ({ texte: "CGCT", article, objet });
const texte = (nom: string, article: string, objet: string): Fondement => ({ texte: nom, article, objet });

const AVIS_SEUILS = ccp(
  "Annexe n° 2 (avis relatif aux seuils de procédure)",
  "montants des seuils européens de procédure formalisée, révisés tous les deux ans",
);
const R2124_1 = ccp("R2124-1", "procédure formalisée lorsque la valeur estimée est égale ou supérieure aux seuils européens");
const R2122_8 = ccp("R2122-8", "marché sans publicité ni mise en concurrence préalables en dessous du seuil de dispense");
const R2122_9_1 = ccp("R2122-9-1", "achats innovants sans publicité ni mise en concurrence préalables");
const R2123_1_2 = ccp("R2123-1 2°", "petits lots d'un marché alloti de valeur formalisée passés en procédure adaptée");
const R2132_2 = ccp("R2132-2", "documents de la consultation gratuits sur le profil d'acheteur");
const R2191_3 = ccp("R2191-3", "avance obligatoire au-delà de 50 000 € HT et de deux mois d'exécution");
const R2191_7 = ccp("R2191-7", "taux et assiette de l'avance");
const R2191_32 = ccp("R2191-32", "plafond de la retenue de garantie");
const R2194_8 = ccp("R2194-8", "modification de faible montant");
const CLIMAT_LOI = texte("Loi n° 2021-1104 (Climat et résilience)", "art. 35", "verdissement de la commande publique");
const CLIMAT_DECRET = texte(
  "Décret n° 2022-767",
  "art. 2, 3, 5, 7 et 9",
  "entrée en vigueur pour les consultations engagées à compter du 21 août 2026",
);

/**
 * The rule book. Amounts in cents HT, ratios in basis points. Keep rows of one key in date order.
 * Statuses and sources follow regles-commande-publique.md; every "a-confirmer" row is listed in
 * docs/regles-a-confirmer.md (a test checks it).
 */
export const SEUILS: readonly LigneSeuil[] = Object.freeze([
  // ---------------------------------------------------------------- EU thresholds (§1.1)
  {
    id: "eu-travaux-2022-2023",
    cle: "EU_WORKS",
    unite: "cents",
    valeur: 538_200_000,
    operateur: ">=",
    effectiveFrom: "2022-01-01",
    effectiveTo: "2023-12-31",
    fondements: [R2124_1, AVIS_SEUILS],
    statut: "confirme",
    sources: ["S2b"],
  },
  {
    id: "eu-travaux-2024-2025",
    cle: "EU_WORKS",
    unite: "cents",
    valeur: 553_800_000,
    operateur: ">=",
    effectiveFrom: "2024-01-01",
    effectiveTo: "2025-12-31",
    fondements: [R2124_1, AVIS_SEUILS],
    statut: "confirme",
    sources: ["S1", "S2"],
  },
  {
    id: "eu-travaux-2026-2027",
    cle: "EU_WORKS",
    unite: "cents",
    valeur: 540_400_000,
    operateur: ">=",
    effectiveFrom: "2026-01-01",
    effectiveTo: "2027-12-31",
    fondements: [R2124_1, AVIS_SEUILS, texte("Règlement délégué (UE) 2025/2152", "art. 1", "seuils 2026-2027")],
    statut: "confirme",
    sources: ["S1", "S2"],
    note: "Les concessions utilisent le même montant.",
  },
  {
    id: "eu-fs-sous-central-2022-2023",
    cle: "EU_SUPPLIES_SERVICES_SUBCENTRAL",
    unite: "cents",
    valeur: 21_500_000,
    operateur: ">=",
    effectiveFrom: "2022-01-01",
    effectiveTo: "2023-12-31",
    fondements: [R2124_1, AVIS_SEUILS],
    statut: "confirme",
    sources: ["S2b"],
  },
  {
    id: "eu-fs-sous-central-2024-2025",
    cle: "EU_SUPPLIES_SERVICES_SUBCENTRAL",
    unite: "cents",
    valeur: 22_100_000,
    operateur: ">=",
    effectiveFrom: "2024-01-01",
    effectiveTo: "2025-12-31",
    fondements: [R2124_1, AVIS_SEUILS],
    statut: "confirme",
    sources: ["S1", "S2"],
  },
  {
    id: "eu-fs-sous-central-2026-2027",
    cle: "EU_SUPPLIES_SERVICES_SUBCENTRAL",
    unite: "cents",
    valeur: 21_600_000,
    operateur: ">=",
    effectiveFrom: "2026-01-01",
    effectiveTo: "2027-12-31",
    fondements: [R2124_1, AVIS_SEUILS],
    statut: "confirme",
    sources: ["S1", "S2"],
  },
  {
    id: "eu-fs-central-2022-2023",
    cle: "EU_SUPPLIES_SERVICES_CENTRAL",
    unite: "cents",
    valeur: 14_000_000,
    operateur: ">=",
    effectiveFrom: "2022-01-01",
    effectiveTo: "2023-12-31",
    fondements: [AVIS_SEUILS],
    statut: "a-confirmer",
    sources: [],
    note: "Référence seulement (État). Montant 2022-2023 de mémoire, absent du fichier de règles.",
  },
  {
    id: "eu-fs-central-2024-2025",
    cle: "EU_SUPPLIES_SERVICES_CENTRAL",
    unite: "cents",
    valeur: 14_300_000,
    operateur: ">=",
    effectiveFrom: "2024-01-01",
    effectiveTo: "2025-12-31",
    fondements: [AVIS_SEUILS],
    statut: "confirme",
    sources: ["S1"],
    note: "Référence seulement (État).",
  },
  {
    id: "eu-fs-central-2026-2027",
    cle: "EU_SUPPLIES_SERVICES_CENTRAL",
    unite: "cents",
    valeur: 14_000_000,
    operateur: ">=",
    effectiveFrom: "2026-01-01",
    effectiveTo: "2027-12-31",
    fondements: [AVIS_SEUILS],
    statut: "confirme",
    sources: ["S1"],
    note: "Référence seulement (État).",
  },
  {
    id: "eu-services-sociaux-specifiques",
    cle: "EU_SOCIAL_SPECIFIC_SERVICES",
    unite: "cents",
    valeur: 75_000_000,
    operateur: ">=",
    effectiveFrom: CCP_IN_FORCE,
    effectiveTo: null,
    fondements: [AVIS_SEUILS, ccp("R2123-1 3°", "services sociaux et autres services spécifiques (annexe XIV) en procédure adaptée")],
    statut: "confirme",
    sources: ["S1"],
    note: "Fixé par la directive 2014/24/UE (art. 4 d), non révisé tous les deux ans.",
  },
  // ---------------------------------------------------------------- Dispense (R2122-8, R2122-9-1)
  {
    id: "dispense-travaux-temporaire-2020-2025",
    cle: "DISPENSE_WORKS",
    unite: "cents",
    valeur: 10_000_000,
    operateur: "<",
    effectiveFrom: "2020-12-09",
    effectiveTo: "2025-12-31",
    fondements: [
      R2122_8,
      texte("Loi n° 2020-1525 (ASAP)", "art. 142", "dispense temporaire des marchés de travaux sous 100 000 € HT"),
      texte("Décret n° 2022-1683", "art. 1", "prolongation jusqu'au 31 décembre 2024"),
      texte("Décret n° 2024-1217", "art. 1", "prolongation jusqu'au 31 décembre 2025"),
    ],
    statut: "confirme",
    sources: ["S5b"],
    note: "Dispositif temporaire ; jour exact de début (décembre 2020) hors couverture du moteur.",
  },
  {
    id: "dispense-travaux-2026",
    cle: "DISPENSE_WORKS",
    unite: "cents",
    valeur: 10_000_000,
    operateur: "<",
    effectiveFrom: "2026-01-01",
    effectiveTo: null,
    fondements: [R2122_8, texte("Décret n° 2025-1386", "art. 1", "seuil de 100 000 € HT pour les travaux rendu pérenne")],
    statut: "confirme",
    sources: ["S3", "S4"],
  },
  {
    id: "dispense-fs-2020",
    cle: "DISPENSE_SUPPLIES_SERVICES",
    unite: "cents",
    valeur: 4_000_000,
    operateur: "<",
    effectiveFrom: "2020-01-01",
    effectiveTo: "2026-03-31",
    fondements: [R2122_8, texte("Décret n° 2019-1344", "art. 1", "seuil porté à 40 000 € HT")],
    statut: "confirme",
    sources: ["S3", "S4"],
  },
  {
    id: "dispense-fs-2026-04",
    cle: "DISPENSE_SUPPLIES_SERVICES",
    unite: "cents",
    valeur: 6_000_000,
    operateur: "<",
    effectiveFrom: "2026-04-01",
    effectiveTo: null,
    fondements: [R2122_8, texte("Décret n° 2025-1386", "art. 1", "seuil porté à 60 000 € HT au 1er avril 2026")],
    statut: "confirme",
    sources: ["S3", "S4", "S5"],
  },
  {
    id: "innovant-dispense-2021",
    cle: "INNOVATIVE_DISPENSE",
    unite: "cents",
    valeur: 10_000_000,
    operateur: "<",
    effectiveFrom: "2021-12-16",
    effectiveTo: null,
    fondements: [R2122_9_1, texte("Décret n° 2021-1634", "art. 1", "seuil de 100 000 € HT pérennisé")],
    statut: "confirme",
    sources: ["S35"],
    note: "Le relèvement à 140 000 € HT du projet de décret de novembre 2025 (S34) n'est pas retenu.",
  },
  {
    id: "innovant-petit-lot-fs-2021",
    cle: "INNOVATIVE_SMALL_LOT_SUPPLIES_SERVICES",
    unite: "cents",
    valeur: 8_000_000,
    operateur: "<",
    effectiveFrom: "2021-12-16",
    effectiveTo: null,
    fondements: [R2122_9_1],
    statut: "confirme",
    sources: ["S35"],
  },
  {
    id: "innovant-petit-lot-travaux-2021",
    cle: "INNOVATIVE_SMALL_LOT_WORKS",
    unite: "cents",
    valeur: 10_000_000,
    operateur: "<",
    effectiveFrom: "2021-12-16",
    effectiveTo: null,
    fondements: [R2122_9_1],
    statut: "confirme",
    sources: ["S35"],
  },
  // ---------------------------------------------------------------- Small lots (R2123-1 2°)
  {
    id: "mapa-petit-lot-fs",
    cle: "MAPA_SMALL_LOT_SUPPLIES_SERVICES",
    unite: "cents",
    valeur: 8_000_000,
    operateur: "<",
    effectiveFrom: CCP_IN_FORCE,
    effectiveTo: null,
    fondements: [R2123_1_2],
    statut: "confirme",
    sources: ["S7"],
  },
  {
    id: "mapa-petit-lot-travaux",
    cle: "MAPA_SMALL_LOT_WORKS",
    unite: "cents",
    valeur: 100_000_000,
    operateur: "<",
    effectiveFrom: CCP_IN_FORCE,
    effectiveTo: null,
    fondements: [R2123_1_2],
    statut: "confirme",
    sources: ["S7"],
  },
  {
    id: "petits-lots-part-20pct",
    cle: "SMALL_LOTS_MAX_SHARE",
    unite: "points-de-base",
    valeur: 2_000,
    operateur: "<=",
    effectiveFrom: CCP_IN_FORCE,
    effectiveTo: null,
    fondements: [
      ccp("R2123-1 2° b)", "le montant cumulé des petits lots n'excède pas 20 % de la valeur totale estimée de tous les lots"),
      R2122_8,
      R2122_9_1,
    ],
    statut: "confirme",
    sources: ["S4", "S7", "S35"],
  },
  // ---------------------------------------------------------------- Publicity (R2131-12, R2132-2)
  {
    id: "publicite-libre-90k",
    cle: "PUB_FREE_BELOW",
    unite: "cents",
    valeur: 9_000_000,
    operateur: "<",
    effectiveFrom: CCP_IN_FORCE,
    effectiveTo: null,
    fondements: [ccp("R2131-12 1°", "en dessous de 90 000 € HT, l'acheteur choisit librement les modalités de publicité")],
    statut: "confirme",
    sources: ["S8"],
  },
  {
    id: "publicite-boamp-ou-jal-90k",
    cle: "PUB_BOAMP_OR_JAL",
    unite: "cents",
    valeur: 9_000_000,
    operateur: ">=",
    effectiveFrom: CCP_IN_FORCE,
    effectiveTo: null,
    fondements: [ccp("R2131-12 2°", "à partir de 90 000 € HT et sous les seuils européens : avis au BOAMP ou dans un JAL")],
    statut: "confirme",
    sources: ["S8"],
  },
  {
    id: "dce-profil-2020",
    cle: "DCE_ON_PROFILE",
    unite: "cents",
    valeur: 4_000_000,
    operateur: ">=",
    effectiveFrom: "2020-01-01",
    effectiveTo: "2026-03-31",
    fondements: [R2132_2],
    statut: "confirme",
    sources: ["S3", "S8"],
  },
  {
    id: "dce-profil-2026-04",
    cle: "DCE_ON_PROFILE",
    unite: "cents",
    valeur: 6_000_000,
    operateur: ">=",
    effectiveFrom: "2026-04-01",
    effectiveTo: null,
    fondements: [R2132_2, texte("Décret n° 2025-1386", "art. 2", "seuil porté à 60 000 € HT au 1er avril 2026")],
    statut: "confirme",
    sources: ["S3"],
  },
  // ---------------------------------------------------------------- Open data (R2196-1)
  {
    id: "decp-40k",
    cle: "DECP_THRESHOLD",
    unite: "cents",
    valeur: 4_000_000,
    operateur: ">=",
    effectiveFrom: "2020-01-01",
    effectiveTo: null,
    fondements: [
      ccp("L2196-2", "accès libre aux données essentielles"),
      ccp("R2196-1", "données essentielles des marchés répondant à un besoin d'au moins 40 000 € HT"),
    ],
    statut: "confirme",
    sources: ["S20", "S21"],
  },
  {
    id: "decp-liste-annuelle-2024",
    cle: "DECP_OPTIONAL_LIST",
    unite: "cents",
    valeur: 2_500_000,
    operateur: ">=",
    effectiveFrom: "2024-01-01",
    effectiveTo: null,
    fondements: [
      texte("Arrêté du 22 décembre 2022 (ECOM2235715A)", "données essentielles", "liste annuelle possible entre 25 000 et 40 000 € HT"),
    ],
    statut: "confirme",
    sources: ["S21", "S21c"],
  },
  // ---------------------------------------------------------------- Advance and retention (§5.2, §5.3)
  {
    id: "avance-montant-50k",
    cle: "AVANCE_MANDATORY",
    unite: "cents",
    valeur: 5_000_000,
    operateur: ">",
    effectiveFrom: CCP_IN_FORCE,
    effectiveTo: null,
    fondements: [R2191_3],
    statut: "confirme",
    sources: ["S15"],
  },
  {
    id: "avance-duree-2-mois",
    cle: "AVANCE_MIN_DURATION",
    unite: "mois",
    valeur: 2,
    operateur: ">",
    effectiveFrom: CCP_IN_FORCE,
    effectiveTo: null,
    fondements: [R2191_3],
    statut: "confirme",
    sources: ["S15"],
  },
  {
    id: "avance-taux-minimum-5pct",
    cle: "AVANCE_MIN_RATE",
    unite: "points-de-base",
    valeur: 500,
    operateur: ">=",
    effectiveFrom: CCP_IN_FORCE,
    effectiveTo: null,
    fondements: [R2191_7],
    statut: "confirme",
    sources: ["S14", "S14b"],
  },
  {
    id: "avance-taux-minimum-pme-collectivite-2020",
    cle: "AVANCE_MIN_RATE_SME_LOCAL_AUTHORITY",
    unite: "points-de-base",
    valeur: 1_000,
    operateur: ">=",
    effectiveFrom: "2020-01-01",
    effectiveTo: null,
    fondements: [R2191_7, texte("Décret n° 2019-1344", "art. 8", "avance minimale de 10 % aux PME (collectivités aux DRF > 60 M€)")],
    statut: "confirme",
    sources: ["S14"],
    note: "Alignement à 30 % annoncé en 2024 (S32), aucun texte trouvé : modifier cette ligne si un décret le prévoit.",
  },
  {
    id: "drf-acheteur-60m",
    cle: "BUYER_DRF_THRESHOLD",
    unite: "cents",
    valeur: 6_000_000_000,
    operateur: ">",
    effectiveFrom: CCP_IN_FORCE,
    effectiveTo: null,
    fondements: [R2191_7, R2191_32],
    statut: "confirme",
    sources: ["S13", "S14"],
    note: "Dépenses réelles de fonctionnement du budget principal, avant-dernier exercice clos.",
  },
  {
    id: "retenue-taux-max-5pct",
    cle: "RETENUE_MAX_RATE",
    unite: "points-de-base",
    valeur: 500,
    operateur: "<=",
    effectiveFrom: CCP_IN_FORCE,
    effectiveTo: null,
    fondements: [R2191_32],
    statut: "confirme",
    sources: ["S13"],
  },
  {
    id: "retenue-taux-max-pme-avant-2025",
    cle: "RETENUE_MAX_RATE_SME",
    unite: "points-de-base",
    valeur: 500,
    operateur: "<=",
    effectiveFrom: CCP_IN_FORCE,
    effectiveTo: "2024-12-31",
    fondements: [R2191_32],
    statut: "confirme",
    sources: ["S13", "S31"],
    note: "Pas de plafond propre aux PME avant 2025 : le plafond général de 5 % s'applique.",
  },
  {
    id: "retenue-taux-max-pme-2025",
    cle: "RETENUE_MAX_RATE_SME",
    unite: "points-de-base",
    valeur: 300,
    operateur: "<=",
    effectiveFrom: "2025-01-01",
    effectiveTo: null,
    fondements: [R2191_32, texte("Décret n° 2024-1251", "art. 3", "retenue de garantie limitée à 3 % pour les PME")],
    statut: "confirme",
    sources: ["S13", "S31"],
  },
  // ---------------------------------------------------------------- Modifications (§4)
  {
    id: "cao-avenant-5pct",
    cle: "CAO_AVENANT_5PCT",
    unite: "points-de-base",
    valeur: 500,
    operateur: ">",
    effectiveFrom: CCP_IN_FORCE,
    effectiveTo: null,
    fondements: [cgct("L1414-4", "avis préalable de la CAO sur un avenant augmentant le montant global de plus de 5 %")],
    statut: "confirme",
    sources: ["S27"],
  },
  {
    id: "modification-plafond-50pct",
    cle: "MODIFICATION_MAX_SHARE",
    unite: "points-de-base",
    valeur: 5_000,
    operateur: "<=",
    effectiveFrom: CCP_IN_FORCE,
    effectiveTo: null,
    fondements: [ccp("R2194-3", "chaque modification ne peut dépasser 50 % du montant du marché initial")],
    statut: "confirme",
    sources: ["S8"],
  },
  {
    id: "faible-montant-fs-10pct",
    cle: "DE_MINIMIS_SUPPLIES_SERVICES",
    unite: "points-de-base",
    valeur: 1_000,
    operateur: "<",
    effectiveFrom: CCP_IN_FORCE,
    effectiveTo: null,
    fondements: [R2194_8],
    statut: "confirme",
    sources: ["S8"],
  },
  {
    id: "faible-montant-travaux-15pct",
    cle: "DE_MINIMIS_WORKS",
    unite: "points-de-base",
    valeur: 1_500,
    operateur: "<",
    effectiveFrom: CCP_IN_FORCE,
    effectiveTo: null,
    fondements: [R2194_8],
    statut: "confirme",
    sources: ["S8"],
  },
  // ---------------------------------------------------------------- Legality control (CGCT)
  {
    id: "controle-legalite-2022-2023",
    cle: "LEGALITY_CONTROL",
    unite: "cents",
    valeur: 21_500_000,
    operateur: ">=",
    effectiveFrom: "2022-01-01",
    effectiveTo: "2023-12-31",
    fondements: [
      cgct("L3131-2", "transmission au représentant de l'État des marchés du département"),
      cgct("D2131-5-1", "seuil mentionné aux articles L2131-2, L3131-2 et L4141-2 : seuil européen des fournitures et services"),
    ],
    statut: "confirme",
    sources: ["S28"],
  },
  {
    id: "controle-legalite-2024-2025",
    cle: "LEGALITY_CONTROL",
    unite: "cents",
    valeur: 22_100_000,
    operateur: ">=",
    effectiveFrom: "2024-01-01",
    effectiveTo: "2025-12-31",
    fondements: [
      cgct("L3131-2", "transmission au représentant de l'État des marchés du département"),
      cgct("D2131-5-1", "seuil mentionné aux articles L2131-2, L3131-2 et L4141-2 : seuil européen des fournitures et services"),
    ],
    statut: "confirme",
    sources: ["S27", "S28"],
  },
  {
    id: "controle-legalite-2026-2027",
    cle: "LEGALITY_CONTROL",
    unite: "cents",
    valeur: 21_600_000,
    operateur: ">=",
    effectiveFrom: "2026-01-01",
    effectiveTo: "2027-12-31",
    fondements: [
      cgct("L3131-2", "transmission au représentant de l'État des marchés du département"),
      cgct("D2131-5-1", "seuil mentionné aux articles L2131-2, L3131-2 et L4141-2 : seuil européen des fournitures et services"),
    ],
    statut: "a-confirmer",
    sources: ["S28"],
    note: "Déduit de la règle « seuil européen fournitures et services » ; montant 2026-2027 non vu dans un texte.",
  },
  // ---------------------------------------------------------------- Candidates' turnover (R2142-7)
  {
    id: "ca-minimum-2x-avant-2026",
    cle: "MIN_TURNOVER_CAP",
    unite: "points-de-base",
    valeur: 20_000,
    operateur: "<=",
    effectiveFrom: CCP_IN_FORCE,
    effectiveTo: "2025-12-31",
    fondements: [ccp("R2142-7", "chiffre d'affaires minimal exigible : au plus deux fois la valeur estimée")],
    statut: "confirme",
    sources: ["S6"],
  },
  {
    id: "ca-minimum-1-5x-2026",
    cle: "MIN_TURNOVER_CAP",
    unite: "points-de-base",
    valeur: 15_000,
    operateur: "<=",
    effectiveFrom: "2026-01-01",
    effectiveTo: null,
    fondements: [
      ccp("R2142-7", "chiffre d'affaires minimal exigible : au plus 1,5 fois la valeur estimée"),
      texte("Décret n° 2025-1383", "art. 1", "plafond abaissé de 2 à 1,5 fois"),
    ],
    statut: "confirme",
    sources: ["S6"],
  },
  // ---------------------------------------------------------------- Responsible purchasing (§6)
  {
    id: "spaser-100m-avant-2023",
    cle: "SPASER_THRESHOLD",
    unite: "cents",
    valeur: 10_000_000_000,
    operateur: ">",
    effectiveFrom: CCP_IN_FORCE,
    effectiveTo: "2022-12-31",
    fondements: [
      ccp("L2111-3", "schéma de promotion des achats socialement et écologiquement responsables"),
      ccp("D2111-3", "seuil d'achats annuels"),
    ],
    statut: "confirme",
    sources: ["S17"],
  },
  {
    id: "spaser-50m-2023",
    cle: "SPASER_THRESHOLD",
    unite: "cents",
    valeur: 5_000_000_000,
    operateur: ">",
    effectiveFrom: "2023-01-01",
    effectiveTo: null,
    fondements: [
      ccp("L2111-3", "schéma de promotion des achats socialement et écologiquement responsables"),
      ccp("D2111-3", "seuil d'achats annuels abaissé à 50 M€ HT"),
      texte("Décret n° 2022-767", "art. 1", "seuil du SPASER à 50 M€ au 1er janvier 2023"),
    ],
    statut: "confirme",
    sources: ["S17"],
  },
  {
    id: "climat-environnement-avant-2026-08-21",
    cle: "CLIMAT_ENVIRONMENTAL_DUTY",
    unite: "obligation",
    valeur: 0,
    operateur: null,
    effectiveFrom: CCP_IN_FORCE,
    effectiveTo: "2026-08-20",
    fondements: [CLIMAT_DECRET],
    statut: "confirme",
    sources: ["S17"],
  },
  {
    id: "climat-environnement-2026-08-21",
    cle: "CLIMAT_ENVIRONMENTAL_DUTY",
    unite: "obligation",
    valeur: 1,
    operateur: null,
    effectiveFrom: "2026-08-21",
    effectiveTo: null,
    fondements: [
      ccp("L2152-7", "au moins un critère d'attribution prend en compte les caractéristiques environnementales de l'offre"),
      ccp("L2112-2", "les conditions d'exécution prennent en compte des considérations environnementales"),
      CLIMAT_LOI,
      CLIMAT_DECRET,
    ],
    statut: "confirme",
    sources: ["S17", "S17c", "S18"],
  },
  {
    id: "climat-social-avant-2026-08-21",
    cle: "CLIMAT_SOCIAL_CONDITION_DUTY",
    unite: "obligation",
    valeur: 0,
    operateur: null,
    effectiveFrom: CCP_IN_FORCE,
    effectiveTo: "2026-08-20",
    fondements: [CLIMAT_DECRET],
    statut: "confirme",
    sources: ["S17"],
  },
  {
    id: "climat-social-2026-08-21",
    cle: "CLIMAT_SOCIAL_CONDITION_DUTY",
    unite: "obligation",
    valeur: 1,
    operateur: null,
    effectiveFrom: "2026-08-21",
    effectiveTo: null,
    fondements: [
      ccp("L2112-2-1", "condition d'exécution sociale ou d'emploi pour les marchés d'une valeur égale ou supérieure aux seuils européens"),
      CLIMAT_LOI,
      CLIMAT_DECRET,
    ],
    statut: "confirme",
    sources: ["S18"],
    note: "La liste réglementaire des exceptions n'a pas été retrouvée (voir docs/regles-a-confirmer.md).",
  },
] satisfies LigneSeuil[]);

// ------------------------------------------------------------------------------------------------ look-ups

function covers(row: LigneSeuil, date: DateLegale): boolean {
  return row.effectiveFrom <= date && (row.effectiveTo === null || date <= row.effectiveTo);
}

/** The periods covered by the rows of a key, merged when contiguous, for messages. */
export function periodesConnues(cle: CleSeuil, table: readonly LigneSeuil[] = SEUILS): { du: DateLegale; au: DateLegale | null }[] {
  const rows = table.filter((r) => r.cle === cle).sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
  const periods: { du: DateLegale; au: DateLegale | null }[] = [];
  for (const row of rows) {
    const last = periods.at(-1);
    if (last && last.au !== null && addDays(last.au, 1) === row.effectiveFrom) last.au = row.effectiveTo;
    else periods.push({ du: row.effectiveFrom, au: row.effectiveTo });
  }
  return periods;
}

function describePeriods(periods: { du: DateLegale; au: DateLegale | null }[]): string {
  if (periods.length === 0) return "aucune période connue";
  return periods
    .map((p) => (p.au === null ? `à partir du ${formatDateFr(p.du)}` : `du ${formatDateFr(p.du)} au ${formatDateFr(p.au)}`))
    .join(", ");
}

/** The row of `cle` in force on `date`, or `undefined` when none covers it. */
export function trouverSeuil(cle: CleSeuil, date: DateLegale, table: readonly LigneSeuil[] = SEUILS): LigneSeuil | undefined {
  return table.find((row) => row.cle === cle && covers(row, date));
}

/**
 * The row of `cle` in force on `date` (launch date of the consultation or dispatch date of the notice).
 * @throws DomainError `RULES_PERIOD_UNKNOWN` (kind `rule-violation`) naming the date and the known
 *   periods when no row covers the date; `DATE_INVALID` when `date` is not a calendar date.
 */
export function seuilAt(cle: CleSeuil, date: DateLegale, table: readonly LigneSeuil[] = SEUILS): LigneSeuil {
  if (!isDateLegale(date)) {
    throw new DomainError("DATE_INVALID", `« ${String(date)} » n'est pas une date valide au format AAAA-MM-JJ.`, "invalid-input", [
      { path: [], message: "Date invalide." },
    ]);
  }
  const row = trouverSeuil(cle, date, table);
  if (row) return row;
  const periods = periodesConnues(cle, table);
  throw new DomainError(
    "RULES_PERIOD_UNKNOWN",
    `Aucune règle connue au ${formatDateFr(date)} pour le ${LIBELLES_CLES[cle]} : ` +
      `périodes connues ${describePeriods(periods)}. Le moteur ne devine pas une valeur hors de ces périodes.`,
    "rule-violation",
    [],
    { cle, date, periodesConnues: periods },
  );
}

/**
 * Checks that `date` is inside the engine's coverage (COUVERTURE_MOTEUR, 2022-01-01 → 2027-12-31).
 * @throws DomainError `RULES_PERIOD_UNKNOWN` (kind `rule-violation`) otherwise.
 */
export function assertDateCouverte(date: DateLegale, champ: string | (string | number)[] = "date"): void {
  if (date >= COUVERTURE_MOTEUR.du && date <= COUVERTURE_MOTEUR.au) return;
  const message =
    `Aucune règle connue au ${formatDateFr(date)} : le moteur de règles couvre la période du ` +
    `${formatDateFr(COUVERTURE_MOTEUR.du)} au ${formatDateFr(COUVERTURE_MOTEUR.au)} (seuils européens connus).`;
  throw new DomainError("RULES_PERIOD_UNKNOWN", message, "rule-violation", [{ path: Array.isArray(champ) ? champ : [champ], message }], {
    champ,
    date,
    periodesConnues: [{ ...COUVERTURE_MOTEUR }],
  });
}

/**
 * Whether `valeur` meets the row: `valeur OPERATOR row.valeur` (same unit as the row).
 * Exact for integers (cents, basis points). Not defined for `obligation` rows.
 */
export function satisfait(row: LigneSeuil, valeur: number): boolean {
  switch (row.operateur) {
    case "<":
      return valeur < row.valeur;
    case "<=":
      return valeur <= row.valeur;
    case ">":
      return valeur > row.valeur;
    case ">=":
      return valeur >= row.valeur;
    case null:
      throw new TypeError(`La ligne ${row.id} est une obligation datée, sans comparaison.`);
  }
}

/** Whether a dated duty row (`unite: "obligation"`) is active. */
export function obligationActive(row: LigneSeuil): boolean {
  if (row.unite !== "obligation") throw new TypeError(`La ligne ${row.id} n'est pas une obligation datée.`);
  return row.valeur === 1;
}

/** The value of a row as shown to users: "60 000,00 € HT", "20 %", "2 mois", "applicable". */
export function formatValeurSeuil(row: LigneSeuil): string {
  switch (row.unite) {
    case "cents":
      return `${formatEuros(row.valeur)} HT`;
    case "points-de-base":
      return formatPourcentage(row.valeur);
    case "mois":
      return `${row.valeur} mois`;
    case "obligation":
      return row.valeur === 1 ? "applicable" : "non applicable";
  }
}

/** "en vigueur depuis le 1er avril 2026" / "en vigueur du 1er janvier 2024 au 31 décembre 2025". */
export function formatPeriode(row: LigneSeuil): string {
  return row.effectiveTo === null
    ? `en vigueur depuis le ${formatDateFr(row.effectiveFrom)}`
    : `en vigueur du ${formatDateFr(row.effectiveFrom)} au ${formatDateFr(row.effectiveTo)}`;
}

/** Traceability record of a row used by an analysis. */
export function regleAppliquee(row: LigneSeuil): RegleAppliquee {
  return {
    id: row.id,
    cle: row.cle,
    libelle: LIBELLES_CLES[row.cle],
    valeur: formatValeurSeuil(row),
    effectiveFrom: row.effectiveFrom,
    effectiveTo: row.effectiveTo,
    statut: row.statut,
  };
}

/** EU threshold key for a nature (sub-central buyer such as a département). */
export function cleSeuilEuropeen(nature: Nature, servicesSociauxSpecifiques = false): CleSeuil {
  if (servicesSociauxSpecifiques) return "EU_SOCIAL_SPECIFIC_SERVICES";
  return nature === "travaux" ? "EU_WORKS" : "EU_SUPPLIES_SERVICES_SUBCENTRAL";
}

/**
 * Consistency problems of a table (empty when sound): duplicate ids, periods upside down, overlapping
 * rows of one key, operator missing on a comparison row or present on a duty row, non-integer values.
 */
export function verifierTableSeuils(table: readonly LigneSeuil[] = SEUILS): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const row of table) {
    if (ids.has(row.id)) problems.push(`identifiant en double : ${row.id}`);
    ids.add(row.id);
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(row.id)) problems.push(`identifiant non kebab-case : ${row.id}`);
    if (!isDateLegale(row.effectiveFrom) || (row.effectiveTo !== null && !isDateLegale(row.effectiveTo))) {
      problems.push(`dates invalides : ${row.id}`);
    } else if (row.effectiveTo !== null && row.effectiveTo < row.effectiveFrom) {
      problems.push(`période à l'envers : ${row.id}`);
    }
    if (!Number.isSafeInteger(row.valeur)) problems.push(`valeur non entière : ${row.id}`);
    if ((row.unite === "obligation") !== (row.operateur === null)) problems.push(`opérateur incohérent avec l'unité : ${row.id}`);
    if (row.unite === "obligation" && row.valeur !== 0 && row.valeur !== 1) problems.push(`obligation autre que 0/1 : ${row.id}`);
    if (row.fondements.length === 0) problems.push(`aucun fondement : ${row.id}`);
    if (row.statut === "confirme" && row.sources.length === 0) problems.push(`ligne confirmée sans source : ${row.id}`);
  }
  const keys = new Set(table.map((r) => r.cle));
  for (const key of keys) {
    const rows = table.filter((r) => r.cle === key).sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
    for (let i = 1; i < rows.length; i += 1) {
      const previous = rows[i - 1];
      const current = rows[i];
      if (!previous || !current) continue;
      if (previous.effectiveTo === null || previous.effectiveTo >= current.effectiveFrom) {
        problems.push(`périodes qui se chevauchent : ${previous.id} et ${current.id}`);
      }
      if (previous.unite !== current.unite) problems.push(`unités différentes pour ${key}`);
    }
  }
  return problems;
}
