import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { verifierAvantPublication, type CriterePublication, type PublicationInput } from "./publication";

const prix: CriterePublication = { libelle: "Prix", poids: 60, environnemental: false, prix: true };
const valeurTech: CriterePublication = { libelle: "Valeur technique", poids: 30, environnemental: false, prix: false };
const env: CriterePublication = { libelle: "Performance environnementale", poids: 10, environnemental: true, prix: false };

const base: PublicationInput = {
  nature: "services",
  valeurEstimeeHtCents: 30_000_000,
  dateLancement: "2026-09-01",
  procedure: "Appel d'offres ouvert",
  dateLimiteReception: "2026-10-15",
  criteres: [prix, valeurTech, env],
  conditionExecutionEnvironnementale: true,
  conditionExecutionSociale: true,
};

describe("verifierAvantPublication", () => {
  type Cas = [titre: string, changes: Partial<PublicationInput>, publiable: boolean, motif: RegExp | null];
  // prettier-ignore
  const cas: Cas[] = [
    ["complete open tender after 2026-08-21", {}, true, null],
    ["no environmental performance condition from 2026-08-21", { conditionExecutionEnvironnementale: false }, false, /L2112-2/],
    ["no environmental criterion from 2026-08-21", { criteres: [{ ...prix, poids: 70 }, valeurTech] }, false, /critère d'attribution/],
    ["price only from 2026-08-21", { criteres: [{ ...prix, poids: 100 }] }, false, /critère unique/],
    [
      "before 2026-08-21 the Climat duties do not apply",
      {
        dateLancement: "2026-08-20",
        dateLimiteReception: "2026-10-15",
        conditionExecutionEnvironnementale: false,
        criteres: [{ ...prix, poids: 100 }],
      },
      true,
      null,
    ],
    ["tender deadline one day before the 30-day minimum", { dateLimiteReception: "2026-09-30" }, false, /minimum légal/],
    ["tender deadline on the 30-day minimum", { dateLimiteReception: "2026-10-01" }, true, null],
    ["MAPA above the EU threshold", { procedure: "Procédure adaptée" }, false, /non autorisée/],
    ["weights not adding up to 100", { criteres: [prix, env] }, false, /70 %/],
    [
      "MAPA below the EU threshold: no legal minimum",
      { valeurEstimeeHtCents: 10_000_000, procedure: "Procédure adaptée", dateLimiteReception: "2026-09-10" },
      true,
      null,
    ],
  ];
  for (const [titre, changes, publiable, motif] of cas) {
    it(titre, () => {
      const r = verifierAvantPublication({ ...base, ...changes });
      assert.equal(r.publiable, publiable, r.pointsDeVigilance.join("\n"));
      if (motif)
        assert.ok(
          r.alertes.some((a) => a.niveau === "bloquant" && motif.test(a.message)),
          r.pointsDeVigilance.join("\n"),
        );
    });
  }
  it("gives the earliest lawful deadline", () => {
    assert.equal(verifierAvantPublication(base).dateLimiteReceptionAuPlusTot, "2026-10-01");
  });
});
