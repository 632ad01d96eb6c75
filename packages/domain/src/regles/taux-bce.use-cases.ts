import { assertCan } from "../acces/policies";
import type { Actor } from "../acces/roles";
import { invalidInput, type Issue } from "../commun/errors";
import type { AuditLog } from "../commun/ports";
import type { EcbRateRepository } from "./ports";
import { isDateLegale } from "../valeurs/date-legale";
import { TAUX_BCE_PAR_DEFAUT, type LigneTauxBce } from "./parametres";

/** Bounds of an ECB rate an administrator may enter, basis points (−10 % … 30 %). */
export const TAUX_BCE_MIN_BP = -1_000;
export const TAUX_BCE_MAX_BP = 3_000;

function validateRate(row: LigneTauxBce): LigneTauxBce {
  const issues: Issue[] = [];
  if (!isDateLegale(row.debutSemestre) || !/-(01|07)-01$/.test(row.debutSemestre)) {
    issues.push({ path: ["debutSemestre"], message: "Un semestre commence le 1er janvier ou le 1er juillet (AAAA-01-01 ou AAAA-07-01)." });
  }
  if (
    !Number.isInteger(row.tauxBcePointsDeBase) ||
    row.tauxBcePointsDeBase < TAUX_BCE_MIN_BP ||
    row.tauxBcePointsDeBase > TAUX_BCE_MAX_BP
  ) {
    issues.push({ path: ["tauxBce"], message: "Le taux de la BCE doit être compris entre -10 % et 30 %, au centième de point près." });
  }
  const source = row.source.replace(/\s+/g, " ").trim();
  if (source.length < 3 || source.length > 300) {
    issues.push({
      path: ["source"],
      message: "Indiquez la source du taux (décision de la BCE, publication officielle), 3 à 300 caractères.",
    });
  }
  if (issues.length) throw invalidInput(issues);
  return { ...row, source };
}

/**
 * Sets the ECB main refinancing rate of a half-year (CCP R2192-31), used for late-payment interest.
 * Administrable data: every change is audited with its previous value.
 */
export async function setEcbRate(
  deps: { ecbRates: EcbRateRepository; audit: AuditLog },
  actor: Actor,
  input: LigneTauxBce,
): Promise<LigneTauxBce> {
  assertCan(actor, "regles.manage");
  const row = validateRate(input);
  const before = await deps.ecbRates.get(row.debutSemestre);
  await deps.ecbRates.upsert(row);
  await deps.audit.append(actor, {
    type: "ecb-rate.set",
    aggregateType: "ecb-rate",
    aggregateId: row.debutSemestre,
    payload: { before, after: row },
  });
  return row;
}

/** First start: loads the default table (docs/regles-a-confirmer.md) when the database has none. */
export async function loadDefaultEcbRates(deps: { ecbRates: EcbRateRepository; audit: AuditLog }, actor: Actor): Promise<number> {
  if ((await deps.ecbRates.list()).length > 0) return 0;
  for (const row of TAUX_BCE_PAR_DEFAUT) await setEcbRate(deps, actor, row);
  return TAUX_BCE_PAR_DEFAUT.length;
}
