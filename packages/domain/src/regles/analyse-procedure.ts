/**
 * Procedure analysis of a need: from the nature, the estimated value HT and the launch date, which
 * procedure family applies, which procedures are allowed, the publicity tier, the minimum receipt time
 * limits, the standstill, DECP, free consultation documents, legality control, the turnover cap,
 * small-lot options and the Climat et Résilience duties. Each step lives in `procedure/`, in the order
 * below; they all write into one explained answer (`reponse.ts`).
 *
 * Rules are chosen by the launch date of the consultation (or dispatch date of the notice), never by
 * the notification date. A date outside COUVERTURE_MOTEUR is refused with RULES_PERIOD_UNKNOWN.
 */
import { formatDateFr } from "../valeurs/date-legale";
import { ccp } from "./fondement";
import { ACHETEUR_PAR_DEFAUT, type ProfilAcheteur } from "./parametres";
import { etapeChiffreAffaires } from "./procedure/chiffre-affaires";
import { etapeClimat } from "./procedure/climat";
import { besoin } from "./procedure/contexte";
import { etapeControleLegalite } from "./procedure/controle-legalite";
import { etapeDce } from "./procedure/dce";
import { etapeDecp } from "./procedure/decp";
import { etapeDelaisReception } from "./procedure/delais-reception";
import { etapeDispense } from "./procedure/dispense";
import { etapeFamille, proceduresAutorisees, proceduresSousCondition } from "./procedure/famille";
import { etapePetitsLots } from "./procedure/petits-lots";
import { etapePublicite } from "./procedure/publicite";
import { etapeStandstillEtAttribution } from "./procedure/standstill-attribution";
import type { AnalyseProcedureInput, AnalyseProcedureResult } from "./procedure/types";
import { validerBesoin } from "./procedure/validation";

export { MESSAGE_BESOIN_NUL, MESSAGE_LOT_NUL } from "./procedure/validation";
import { etapeVigilance } from "./procedure/vigilance";
import { nouvelleReponse } from "./reponse";
import { assertDateCouverte } from "./seuils";

export type {
  AnalyseProcedureInput,
  AnalyseProcedureResult,
  DelaiReceptionMinimal,
  LotInput,
  ObligationsClimat,
  OptionPetitsLots,
  ProcedureSousCondition,
  TypePetitsLots,
} from "./procedure/types";

/**
 * Analyses a need and tells the procedure family, the procedures allowed, the publicity, the minimum
 * receipt time limits, the standstill, DECP, free consultation documents, legality control, small lots
 * and Climat et Résilience duties, with CCP references, French explanations and ranked alerts.
 *
 * Units: all amounts in cents HT. Rules chosen by `dateLancement` (R2122-8, R2123-1, R2124-1, R2131-12,
 * R2132-2, R2196-1, R2182-1, L2152-7, L2112-2, L2112-2-1; CGCT L3131-2, D2131-5-1).
 * @throws DomainError `INVALID_INPUT` (every problem with its path) or `RULES_PERIOD_UNKNOWN`.
 */
export function analyserProcedure(input: AnalyseProcedureInput, acheteur: ProfilAcheteur = ACHETEUR_PAR_DEFAUT): AnalyseProcedureResult {
  validerBesoin(input);
  assertDateCouverte(input.dateLancement, "dateLancement");
  const b = besoin(input, acheteur);
  const r = nouvelleReponse(b.date);

  r.fondement(ccp("R2121-1", "valeur estimée : tous les lots, options, reconductions et primes"));
  r.explique(
    `Règles en vigueur au ${formatDateFr(b.date)}, date de lancement de la consultation (ou d'envoi de l'avis), pour un marché de ${b.nature}.`,
  );
  const dispense = etapeDispense(b, r); // 1. R2122-8, R2122-9-1
  const famille = etapeFamille(b, r, dispense); // 2. EU threshold and procedure family
  const publicite = etapePublicite(b, r, famille); // 3. R2131-12, R2131-16
  const delaisMinimauxReception = etapeDelaisReception(b, r, famille); // 4. R2161-2 and following
  const attribution = etapeStandstillEtAttribution(b, r, famille); // 5. R2182-1, R2183-1
  const decp = etapeDecp(b, r); // 6. R2196-1
  const dce = etapeDce(b, r, publicite); // 7. R2132-2
  const legalite = etapeControleLegalite(b, r); // 8. CGCT L3131-2, D2131-5-1
  const plafondChiffreAffairesMinimumHtCents = etapeChiffreAffaires(b, r); // 9. R2142-7
  const petitsLots = etapePetitsLots(b, r, famille, dispense); // 10. R2123-1 2°, R2122-8, R2122-9-1
  const climatResilience = etapeClimat(b, r, famille); // 11. Climat et Résilience
  etapeVigilance(b, r, famille, dispense); // 12.

  return {
    nature: b.nature,
    valeurEstimeeHtCents: b.valeur,
    dateLancement: b.date,
    innovant: b.innovant,
    servicesSociauxSpecifiques: b.sss,
    procedure: famille.procedure,
    motifDispense: dispense.motif,
    proceduresAutorisees: proceduresAutorisees(famille.procedure),
    proceduresSousCondition: proceduresSousCondition(famille.procedure),
    publicite,
    seuilEuropeenHtCents: famille.euRow.valeur,
    seuilDispenseHtCents: dispense.row.valeur,
    delaisMinimauxReception,
    ...attribution,
    ...decp,
    ...dce,
    ...legalite,
    plafondChiffreAffairesMinimumHtCents,
    petitsLots,
    climatResilience,
    considerationEnvironnementaleObligatoire: climatResilience.conditionExecutionEnvironnementaleObligatoire,
    conditionSocialeObligatoire: climatResilience.conditionSocialeObligatoire,
    ...r.fin(),
  };
}
