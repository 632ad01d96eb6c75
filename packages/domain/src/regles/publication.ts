/**
 * Pre-publication check of a consultation: may it be published as prepared? It asks the procedure
 * analysis (procedure allowed, Climat et Résilience duties by launch date) and the receipt time limits,
 * and answers with blocking alerts for each unlawful point:
 *
 * - a procedure that the value does not allow (a MAPA at or above the EU threshold, R2124-1);
 * - from 2026-08-21, no environmental consideration in the performance conditions (L2112-2), no
 *   environmental award criterion, or price as the only criterion (L2152-7);
 * - a tender deadline before the legal minimum of the variant (R2161-2 and following);
 * - weights of the award criteria that do not add up to 100 (R2152-12: criteria weighted in a
 *   formalised procedure; the platform asks the same in MAPA for consistency).
 *
 * Pure: no clock, no I/O.
 */
import { addDays, formatDateFr, type DateLegale } from "../valeurs/date-legale";
import type { Cents } from "../valeurs/montant";
import { analyserProcedure } from "./analyse-procedure";
import { dateLimiteReceptionAuPlusTot } from "./delais";
import { ccp } from "./fondement";
import { ACHETEUR_PAR_DEFAUT, type ProfilAcheteur, type VarianteDelaiReception } from "./parametres";
import { nouvelleReponse, type ReponseExpliquee } from "./reponse";
import type { AnalyseProcedureResult } from "./procedure/types";
import type { Nature, ProcedureDecp } from "./types";

/** An award criterion of the consultation. */
export interface CriterePublication {
  libelle: string;
  /** Weight in percent (integer). */
  poids: number;
  /** Bears on the environmental characteristics of the tender. */
  environnemental: boolean;
  /** The price (or cost) criterion. */
  prix: boolean;
}

/** Input of `verifierAvantPublication`. */
export interface PublicationInput {
  nature: Nature;
  /** Estimated value of the whole need (every lot, options, renewals), cents HT. */
  valeurEstimeeHtCents: Cents;
  /** Dispatch date of the notice (launch of the consultation). */
  dateLancement: DateLegale;
  procedure: ProcedureDecp;
  /** Receipt variant (default: electronic open tender for AOO, first variant otherwise, "mapa" for MAPA). */
  variante?: VarianteDelaiReception;
  dateLimiteReception: DateLegale;
  criteres: readonly CriterePublication[];
  conditionExecutionEnvironnementale: boolean;
  conditionExecutionSociale: boolean;
  innovant?: boolean;
  servicesSociauxSpecifiques?: boolean;
}

/** Result of `verifierAvantPublication`. */
export interface PublicationResult extends ReponseExpliquee {
  /** No blocking alert: the consultation may be published. */
  publiable: boolean;
  /** Earliest lawful tender deadline (null: no legal minimum). */
  dateLimiteReceptionAuPlusTot: DateLegale | null;
  analyse: AnalyseProcedureResult;
}

const VARIANTE_PAR_PROCEDURE: Record<ProcedureDecp, VarianteDelaiReception | null> = {
  "Marché passé sans publicité ni mise en concurrence préalable": null,
  "Procédure adaptée": "mapa",
  "Appel d'offres ouvert": "aoo-electronique",
  "Appel d'offres restreint": "aor-offres-electronique",
  "Procédure avec négociation": "pn-offres-electronique",
  "Dialogue compétitif": "dialogue-candidatures",
};

/**
 * Whether a consultation may be published as prepared, with a blocking alert for each unlawful point.
 * @throws DomainError `INVALID_INPUT` or `RULES_PERIOD_UNKNOWN` (from the analyses it asks).
 */
export function verifierAvantPublication(input: PublicationInput, acheteur: ProfilAcheteur = ACHETEUR_PAR_DEFAUT): PublicationResult {
  const analyse = analyserProcedure(
    {
      nature: input.nature,
      valeurEstimeeHtCents: input.valeurEstimeeHtCents,
      dateLancement: input.dateLancement,
      innovant: input.innovant ?? false,
      servicesSociauxSpecifiques: input.servicesSociauxSpecifiques ?? false,
    },
    acheteur,
  );
  const r = nouvelleReponse(input.dateLancement);
  r.integre(analyse, { alertes: false });

  const autorisee =
    analyse.proceduresAutorisees.includes(input.procedure) || analyse.proceduresSousCondition.some((p) => p.procedure === input.procedure);
  if (!autorisee) {
    r.vigilance(
      `Procédure « ${input.procedure} » non autorisée pour cette valeur estimée : procédures possibles ${analyse.proceduresAutorisees.map((p) => `« ${p} »`).join(", ")}.`,
      { niveau: "bloquant", fondements: [ccp("R2124-1", "procédure formalisée au-dessus des seuils européens")] },
    );
  } else if (analyse.proceduresSousCondition.some((p) => p.procedure === input.procedure)) {
    const cas = analyse.proceduresSousCondition.find((p) => p.procedure === input.procedure);
    r.vigilance(`Procédure « ${input.procedure} » : ${cas?.condition ?? ""} Justifier le cas retenu.`, {
      niveau: "attention",
      fondements: cas?.fondements ?? [],
    });
  }

  const climat = analyse.climatResilience;
  const fondementsClimat = [...r.seuil("CLIMAT_ENVIRONMENTAL_DUTY").fondements];
  if (climat.conditionExecutionEnvironnementaleObligatoire && !input.conditionExecutionEnvironnementale) {
    r.vigilance(
      "Loi Climat et résilience : les conditions d'exécution doivent prendre en compte des considérations environnementales (L2112-2) ; ajouter une clause environnementale.",
      { niveau: "bloquant", fondements: fondementsClimat },
    );
  }
  if (climat.critereEnvironnementalObligatoire && input.criteres.length > 0 && !input.criteres.some((c) => c.environnemental)) {
    r.vigilance(
      "Loi Climat et résilience : au moins un critère d'attribution doit porter sur les caractéristiques environnementales de l'offre (L2152-7).",
      {
        niveau: "bloquant",
        fondements: fondementsClimat,
      },
    );
  }
  if (climat.critereEnvironnementalObligatoire && input.criteres.length === 0) {
    r.vigilance("Loi Climat et résilience : des critères d'attribution, dont un critère environnemental, sont attendus (L2152-7).", {
      niveau: "bloquant",
      fondements: fondementsClimat,
    });
  }
  if (climat.prixSeulCritereInterdit && input.criteres.length > 0 && input.criteres.every((c) => c.prix)) {
    r.vigilance("Loi Climat et résilience : le prix ne peut plus être le critère unique d'attribution (L2152-7).", {
      niveau: "bloquant",
      fondements: fondementsClimat,
    });
  }
  if (climat.conditionSocialeObligatoire && !input.conditionExecutionSociale) {
    r.vigilance(
      "Valeur au moins égale au seuil européen : une condition d'exécution sociale ou relative à l'emploi est attendue (L2112-2-1), sauf exception à documenter.",
      { niveau: "attention", fondements: r.seuil("CLIMAT_SOCIAL_CONDITION_DUTY").fondements },
    );
  }
  if (input.criteres.length > 0) {
    const total = input.criteres.reduce((s, c) => s + c.poids, 0);
    if (total !== 100) {
      r.vigilance(`La pondération des critères totalise ${total} % au lieu de 100 %.`, {
        niveau: "bloquant",
        fondements: [ccp("R2152-12", "pondération des critères d'attribution en procédure formalisée")],
      });
    }
  }

  let auPlusTot: DateLegale | null = null;
  const variante = input.variante ?? VARIANTE_PAR_PROCEDURE[input.procedure];
  if (variante !== null) {
    const delai = dateLimiteReceptionAuPlusTot({ variante, dateEnvoi: input.dateLancement }, acheteur);
    r.integre(delai, { alertes: false });
    auPlusTot = delai.dateAuPlusTot?.date ?? null;
    if (auPlusTot !== null && input.dateLimiteReception < auPlusTot) {
      r.vigilance(
        `Date limite de réception des offres ${formatDateFr(input.dateLimiteReception)} antérieure au minimum légal : pas avant le ${formatDateFr(auPlusTot)} (${delai.libelle}).`,
        { niveau: "bloquant", fondements: delai.fondements },
      );
    }
    if (auPlusTot === null && input.dateLimiteReception < addDays(input.dateLancement, 1)) {
      r.vigilance("La date limite de réception doit suivre la date de lancement.", { niveau: "bloquant" });
    }
  }
  const fin = r.fin();
  return {
    publiable: !fin.alertes.some((a) => a.niveau === "bloquant"),
    dateLimiteReceptionAuPlusTot: auPlusTot,
    analyse,
    ...fin,
  };
}
