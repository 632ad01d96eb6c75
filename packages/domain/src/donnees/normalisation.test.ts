import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { departementDe, normaliserLigneTabulaire, normaliserMarche, type ResultatNormalisation } from "./normalisation";

const base = {
  id: "2019-001",
  acheteur: { id: "21940068600016", nom: "Mairie de Saint-Maur-des-Fossés" },
  _type: "Marché",
  nature: "Marché",
  objet: "Entretien des espaces verts",
  codeCPV: "77310000-6",
  procedure: "Appel d'offres ouvert",
  lieuExecution: { code: "94100", typeCode: "Code postal", nom: "Saint-Maur" },
  dureeMois: 12,
  dateNotification: "2019-02-01",
  datePublicationDonnees: "2019-02-15",
  montant: 120000.5,
  formePrix: "Ferme",
  titulaires: [{ typeIdentifiant: "SIRET", id: "55204599900869", denominationSociale: "ESPACES VERTS SA" }],
};

function importe(r: ResultatNormalisation) {
  assert.equal(r.statut, "importe", JSON.stringify(r));
  if (r.statut !== "importe") throw new Error();
  return r;
}
const chemins = (r: ResultatNormalisation) => (r.statut === "importe" ? r.avertissements : r.raisons).map((p) => p.chemin);

describe("normalisation d'un enregistrement DECP", () => {
  it("reads a clean 2019 record without any warning", () => {
    const r = importe(normaliserMarche(base));
    assert.deepEqual(r.avertissements, []);
    const [a] = r.attributions;
    assert.equal(a?.montantHtCents, 12_000_050);
    assert.equal(a?.codeCpv, "77310000");
    assert.equal(a?.departement, "94");
    assert.equal(a?.titulaireId, "55204599900869");
    assert.equal(a?.nombreTitulaires, 1);
  });

  const defauts: [string, Record<string, unknown>, string, (r: ReturnType<typeof importe>) => void][] = [
    [
      "date with a time zone",
      { dateNotification: "2018-11-06+01:00" },
      "dateNotification",
      (r) => assert.equal(r.attributions[0]?.dateNotification, "2018-11-06"),
    ],
    [
      "missing notification date",
      { dateNotification: undefined },
      "dateNotification",
      (r) => assert.equal(r.attributions[0]?.dateNotification, null),
    ],
    [
      "impossible date",
      { dateNotification: "2019-02-30" },
      "dateNotification",
      (r) => assert.equal(r.attributions[0]?.dateNotification, null),
    ],
    ["amount as text", { montant: "7789456.56" }, "montant", (r) => assert.equal(r.attributions[0]?.montantHtCents, 778_945_656)],
    ["unreadable amount", { montant: "beaucoup" }, "montant", (r) => assert.equal(r.attributions[0]?.montantHtCents, null)],
    ["zero amount", { montant: 0 }, "montant", (r) => assert.equal(r.attributions[0]?.montantHtCents, 0)],
    ["CPV without its leading zero", { codeCPV: "9310000" }, "codeCPV", (r) => assert.equal(r.attributions[0]?.codeCpv, "09310000")],
    ["malformed CPV", { codeCPV: "4521x" }, "codeCPV", (r) => assert.equal(r.attributions[0]?.codeCpvPublie, "4521x")],
    ["CPV absent from the nomenclature", { codeCPV: "12345678" }, "codeCPV", (r) => assert.equal(r.attributions[0]?.codeCpv, "12345678")],
    ["lost accents", { objet: "March\uFFFD de travaux" }, "objet", (r) => assert.equal(r.attributions[0]?.objet, "March\uFFFD de travaux")],
    [
      "holder SIRET not 14 digits",
      { titulaires: [{ typeIdentifiant: "SIRET", id: "5520459990086", denominationSociale: "X" }] },
      "titulaires.0.id",
      (r) => assert.equal(r.attributions[0]?.titulaireId, "5520459990086"),
    ],
    [
      "spaces around the holder id",
      { titulaires: [{ typeIdentifiant: "SIRET", id: " 55204599900869 ", denominationSociale: "X" }] },
      "titulaires.0.id",
      (r) => assert.equal(r.attributions[0]?.titulaireId, "55204599900869"),
    ],
    [
      "identifier type outside the list",
      { titulaires: [{ typeIdentifiant: "TVA_INTRACOMMUNAUTAIRE", id: "FR21483209383", denominationSociale: "X" }] },
      "titulaires.0.typeIdentifiant",
      (r) => assert.equal(r.attributions[0]?.titulaireTypeIdentifiant, "TVA_INTRACOMMUNAUTAIRE"),
    ],
    ["no holder", { titulaires: [] }, "titulaires", (r) => assert.equal(r.attributions[0]?.titulaireId, "")],
  ];
  for (const [nom, modif, chemin, verifier] of defauts) {
    it(`imports with a warning on ${chemin}, never silently changed: ${nom}`, () => {
      const r = importe(normaliserMarche({ ...base, ...modif }));
      assert.ok(chemins(r).includes(chemin), JSON.stringify(r.avertissements));
      verifier(r);
    });
  }

  const rejets: [string, unknown, string][] = [
    ["null buyer id", { ...base, acheteur: { id: "00000000000000", nom: "?" } }, "acheteur.id"],
    ["no buyer", { ...base, acheteur: undefined }, "acheteur.id"],
    ["no contract id", { ...base, id: "" }, "id"],
    ["not an object", [1, 2], ""],
  ];
  for (const [nom, brut, chemin] of rejets) {
    it(`rejects with its reason: ${nom}`, () => {
      const r = normaliserMarche(brut);
      assert.equal(r.statut, "rejete");
      assert.ok(chemins(r).includes(chemin), JSON.stringify(r));
    });
  }

  it("reads the 2022 shape (wrapped lists) and one attribution per holder", () => {
    const r = importe(
      normaliserMarche({
        ...base,
        titulaires: [
          { titulaire: { typeIdentifiant: "SIRET", id: "55204599900869" } },
          { titulaire: { typeIdentifiant: "SIRET", id: "32933888305269" } },
        ],
        offresRecues: 3,
        modifications: [{ modification: { id: 1, montant: 130000, dateNotificationModification: "2020-01-10" } }],
      }),
    );
    assert.deepEqual(
      r.attributions.map((a) => [a.titulaireId, a.nombreTitulaires, a.offresRecues]),
      [
        ["55204599900869", 2, 3],
        ["32933888305269", 2, 3],
      ],
    );
    assert.equal(r.modifications[0]?.montantHtCents, 13_000_000);
  });

  it("reads a concession (autorité concédante, concessionnaires, valeur globale, date de signature)", () => {
    const r = importe(
      normaliserMarche({
        _type: "Contrat de concession",
        id: "C1",
        autoriteConcedante: { id: "21940068600016", nom: "Ville" },
        nature: "Concession de service",
        objet: "Parking",
        procedure: "Procédure non négociée ouverte",
        dateSignature: "2019-01-01",
        valeurGlobale: 1000,
        concessionnaires: [{ typeIdentifiant: "SIRET", id: "55204599900869", denominationSociale: "X" }],
      }),
    );
    assert.equal(r.attributions[0]?.nature, "concession");
    assert.equal(r.attributions[0]?.dateNotification, "2019-01-01");
  });

  it("XML values are text: numbers as text are no defect there", () => {
    const r = importe(normaliserMarche({ ...base, montant: "575000", dureeMois: "48" }, { depuisXml: true }));
    assert.deepEqual(r.avertissements, []);
    assert.equal(r.attributions[0]?.montantHtCents, 57_500_000);
  });

  it("reads a row of the consolidated flat table", () => {
    const r = importe(
      normaliserLigneTabulaire({
        id: "202413008",
        type: "Travaux",
        codeCPV: "45214200",
        acheteur_id: "20006258600157",
        acheteur_nom: "COMMUNE DE FILLIERE",
        titulaire_id: "83380264800026",
        titulaire_nom: "ELEC",
        montant: "65900",
        dateNotification: "2025-01-01",
        offresRecues: "1",
        acheteur_departement_code: "74",
        titulaire_departement_code: "74",
      }),
    );
    assert.equal(r.attributions[0]?.montantHtCents, 6_590_000);
    assert.equal(r.attributions[0]?.offresRecues, 1);
    assert.equal(r.attributions[0]?.departement, "74");
  });

  it("derives the département of the place of execution", () => {
    assert.equal(departementDe("94100", "Code postal"), "94");
    assert.equal(departementDe("97411", "Code commune"), "974");
    assert.equal(departementDe("20000", "Code postal"), "2A");
    assert.equal(departementDe("22", "Code département"), "22");
    assert.equal(departementDe("INO", "Code commune"), null);
  });
});

describe("régions des départements", () => {
  it("every département code of the real flat table is in the région the table says", async () => {
    const { readFileSync } = await import("node:fs");
    const { regionDe } = await import("./territoires");
    const lignes = readFileSync(new URL("../../../../fixtures/decp/decp_tabular_2024H2_travaux_cpv4521_200.csv", import.meta.url), "utf8")
      .trim()
      .split("\n")
      .slice(1);
    let verifies = 0;
    for (const l of lignes) {
      const c = l.split(",");
      const [dep, , reg] = c.slice(-4);
      if (dep && reg) {
        assert.equal(regionDe(dep), reg.padStart(2, "0"), l);
        verifies++;
      }
    }
    assert.ok(verifies > 100);
  });
});
