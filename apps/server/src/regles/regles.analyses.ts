import {
  analyserAvance,
  analyserProcedure,
  calculerPaiement,
  construireCalendrier,
  plafondRetenueGarantie,
  verifierModification,
  type LigneTauxBce,
} from "@achat-public/domain/regles";
import {
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
 * (euros) out, the same code for both adapters.
 */
export const regles = {
  analyse: (input: ReglesAnalyseInput): ReglesAnalyseOutput =>
    fromReglesAnalyseResult(analyserProcedure(toReglesAnalyseDomainInput(input))),
  delais: (input: ReglesDelaisInput): ReglesDelaisOutput => fromReglesDelaisResult(construireCalendrier(toReglesDelaisDomainInput(input))),
  modification: (input: ReglesModificationInput): ReglesModificationOutput =>
    fromReglesModificationResult(verifierModification(toReglesModificationDomainInput(input))),
  /** `table`: the administrable ECB rates (unused when the input gives `tauxBce`). */
  paiement: (input: ReglesPaiementInput, table: readonly LigneTauxBce[]): ReglesPaiementOutput =>
    fromReglesPaiementResult(calculerPaiement(toReglesPaiementDomainInput(input), table)),
  avance: (input: ReglesAvanceInput): ReglesAvanceOutput => {
    const domain = toReglesAvanceDomainInput(input);
    return fromReglesAvanceResult(
      analyserAvance(domain.avance),
      plafondRetenueGarantie(domain.retenue),
      domain.retenue.montantMarcheTtcCents,
    );
  },
};
