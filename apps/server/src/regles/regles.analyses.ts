import {
  analyserAvanceEtRetenue,
  analyserProcedure,
  calculerPaiement,
  construireCalendrier,
  verifierModification,
  type LigneTauxBce,
} from "@achat-public/domain/regles";
import {
  avecErreursApi,
  fromReglesAnalyseResult,
  fromReglesAvanceResult,
  fromReglesDelaisResult,
  fromReglesModificationResult,
  fromReglesPaiementResult,
  toReglesAnalyseDomainInput,
  toReglesAvanceDomainInput,
  toReglesDelaisDomainInput,
  toReglesModificationDomainInput,
  toReglesPaiementDomainInput,
  type ReglesAnalyseInput,
  type ReglesAnalyseOutput,
  type ReglesAvanceInput,
  type ReglesAvanceOutput,
  type ReglesDelaisInput,
  type ReglesDelaisOutput,
  type ReglesModificationInput,
  type ReglesModificationOutput,
  type ReglesPaiementInput,
  type ReglesPaiementOutput,
} from "@achat-public/contracts";

/**
 * The analyses of the rule book as the API and the CLI answer them: validated input (euros) in, output
 * (euros) out, the same code for both adapters. A domain refusal leaves with the API's field names and a
 * detail that lists each problem (`avecErreursApi`).
 */
export const regles = {
  analyse: (input: ReglesAnalyseInput): ReglesAnalyseOutput =>
    avecErreursApi(() => fromReglesAnalyseResult(analyserProcedure(toReglesAnalyseDomainInput(input)))),
  delais: (input: ReglesDelaisInput): ReglesDelaisOutput =>
    avecErreursApi(() => fromReglesDelaisResult(construireCalendrier(toReglesDelaisDomainInput(input)))),
  modification: (input: ReglesModificationInput): ReglesModificationOutput =>
    avecErreursApi(() => fromReglesModificationResult(verifierModification(toReglesModificationDomainInput(input)))),
  /** `table`: the administrable ECB rates (unused when the input gives `tauxBce`). */
  paiement: (input: ReglesPaiementInput, table: readonly LigneTauxBce[]): ReglesPaiementOutput =>
    avecErreursApi(() => fromReglesPaiementResult(calculerPaiement(toReglesPaiementDomainInput(input), table))),
  avance: (input: ReglesAvanceInput): ReglesAvanceOutput =>
    avecErreursApi(() => fromReglesAvanceResult(analyserAvanceEtRetenue(toReglesAvanceDomainInput(input)))),
};
