import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isDomainError } from "../commun/errors";
import { analyserAvanceEtRetenue } from "./avance-retenue";
import { construireCalendrier } from "./calendrier";
import { calculerStandstill, dateLimiteAvisAttribution, dateLimitePublicationDecp, dateLimiteReceptionAuPlusTot } from "./delais";
import { calculerPaiement } from "./paiement";
import { spaserObligatoire } from "./spaser";

/** Each refusal outside the engine's coverage says what is unknown, on the field sent. */
describe("out-of-period refusals say what rule is unknown (issue #7)", () => {
  const rows: [string, () => unknown, RegExp, string][] = [
    [
      "payment",
      () => calculerPaiement({ montantTtcCents: 100, dateReception: "2028-01-05", datePaiement: "2028-03-01", tauxBcePointsDeBase: 200 }),
      /^Aucune règle de délai de paiement connue au 5 janvier 2028 : /,
      "dateReception",
    ],
    [
      "standstill",
      () => calculerStandstill({ dateEnvoiNotification: "2021-12-31", transmissionElectronique: true }),
      /^Aucune règle de délai de suspension \(standstill\) connue au 31 décembre 2021 : /,
      "dateEnvoiNotification",
    ],
    [
      "receipt",
      () => dateLimiteReceptionAuPlusTot({ variante: "aoo-electronique", dateEnvoi: "2028-02-01" }),
      /^Aucune règle de délai de réception des offres connue au 1er février 2028 : /,
      "dateEnvoi",
    ],
    [
      "award notice",
      () => dateLimiteAvisAttribution("2028-02-01"),
      /^Aucune règle de délai d'avis d'attribution connue au 1er février 2028 : /,
      "dateSignature",
    ],
    [
      "DECP",
      () => dateLimitePublicationDecp("2028-02-01"),
      /^Aucune règle de publication des données essentielles connue au 1er février 2028 : /,
      "dateNotification",
    ],
    [
      "timeline: the notification",
      () => construireCalendrier({ dateSignature: "2026-06-08", dateNotification: "2028-01-10" }),
      /^Aucune règle de publication des données essentielles connue au 10 janvier 2028 : /,
      "dateNotification",
    ],
    [
      "timeline: the rejection letters",
      () => construireCalendrier({ dateEnvoiNotificationRejet: "2028-01-10" }),
      /^Aucune règle de délai de suspension \(standstill\) connue au 10 janvier 2028 : /,
      "dateEnvoiNotificationRejet",
    ],
    [
      "advance and retention",
      () =>
        analyserAvanceEtRetenue({
          montantInitialHtCents: 1,
          montantInitialTtcCents: 1,
          dureeExecutionMois: 1,
          dateLancement: "2028-01-01",
          titulairePme: false,
        }),
      /^Aucune règle d'avance ni de retenue de garantie connue au 1er janvier 2028 : /,
      "dateLancement",
    ],
    ["SPASER", () => spaserObligatoire(1, "2028-01-01"), /^Aucune règle de seuil du SPASER connue au 1er janvier 2028 : /, "date"],
  ];
  for (const [name, run, expected, field] of rows) {
    it(`${name}: names the unknown rule and the field, not the EU thresholds`, () => {
      assert.throws(run, (e: unknown) => {
        assert.ok(isDomainError(e) && e.code === "RULES_PERIOD_UNKNOWN" && e.kind === "rule-violation");
        assert.match(e.message, expected);
        assert.match(e.message, /du 1er janvier 2022 au 31 décembre 2027/);
        assert.doesNotMatch(e.message, /seuils européens/);
        assert.deepEqual(e.issues[0]?.path, [field]);
        return true;
      });
    });
  }
});
