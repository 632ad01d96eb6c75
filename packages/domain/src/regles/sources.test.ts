/**
 * The rule book is self-contained: every source id its tables cite is listed in docs/sources.md, and the
 * strings shown to buyers carry no internal note (section numbers of the legal summary, source ids,
 * confirmation marks, unit suffixes of code fields).
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { analyserAvanceEtRetenue } from "./avance-retenue";
import { analyserProcedure } from "./analyse-procedure";
import { construireCalendrier } from "./calendrier";
import { verifierModification, type FondementModification } from "./modification";
import { calculerPaiement } from "./paiement";
import { COMPTAGE_DELAIS_RECEPTION, DELAIS_LEGAUX, DELAIS_RECEPTION, LECTURES, PAIEMENT, TAUX_BCE_PAR_DEFAUT } from "./parametres";
import { LIBELLES_CLES, SEUILS } from "./seuils";
import type { Nature } from "./types";

const doc = readFileSync(new URL("../../../../docs/sources.md", import.meta.url), "utf8");
const listed = new Set([...doc.matchAll(/^\| (S\d+[a-z]?) \|/gm)].map((m) => m[1]));

const cited: [string, readonly string[]][] = [
  ...SEUILS.map((row): [string, readonly string[]] => [`SEUILS ${row.id}`, row.sources]),
  ...DELAIS_RECEPTION.map((row): [string, readonly string[]] => [`DELAIS_RECEPTION ${row.variante}`, row.sources]),
  ...Object.entries(DELAIS_LEGAUX).map(([name, p]): [string, readonly string[]] => [`DELAIS_LEGAUX ${name}`, p.sources]),
  ...Object.entries(PAIEMENT).map(([name, p]): [string, readonly string[]] => [`PAIEMENT ${name}`, p.sources]),
  ...Object.entries(LECTURES).map(([name, p]): [string, readonly string[]] => [`LECTURES ${name}`, p.sources]),
  ["COMPTAGE_DELAIS_RECEPTION", COMPTAGE_DELAIS_RECEPTION.sources],
];

describe("docs/sources.md lists every source cited by the rule book", () => {
  it("lists S1 to S35", () => {
    for (let n = 1; n <= 35; n += 1) assert.ok(listed.has(`S${n}`), `S${n}`);
  });
  for (const [where, sources] of cited) {
    it(`${where}: ${sources.join(", ") || "no source"}`, () => {
      const missing = sources.filter((id) => !listed.has(id));
      assert.deepEqual(missing, [], `${missing.join(", ")} missing from docs/sources.md`);
    });
  }
  it("cites the legal summary by its title, not by a path outside the repository", () => {
    assert.match(doc, /Synthèse juridique interne, regles-commande-publique\.md \(version de novembre\s+2026\)/);
    assert.doesNotMatch(doc, /\.\.\/shared/);
  });
});

/** Internal notes that must never reach a buyer. */
const INTERNAL = [
  /§\s?\d/,
  /\bS\d{1,2}[a-h]?\b/,
  /\[(U|C)\]/,
  /aucun texte trouvé/,
  /annonce de 2024/,
  /(Cents|PointsDeBase)\b/,
  /regles-commande-publique/,
];

function assertClean(where: string, texts: readonly string[]): void {
  for (const text of texts) {
    for (const pattern of INTERNAL) assert.doesNotMatch(text, pattern, `${where} : « ${text} »`);
  }
}

describe("strings shown to buyers carry no internal note (issue #7)", () => {
  it("labels of the rule rows, of the time limits and of the parameters, and the default ECB rate sources", () => {
    assertClean("LIBELLES_CLES", Object.values(LIBELLES_CLES));
    assertClean(
      "DELAIS_RECEPTION",
      DELAIS_RECEPTION.flatMap((r) => [r.libelle, r.pointDeDepart]),
    );
    assertClean(
      "paramètres",
      [...Object.values(DELAIS_LEGAUX), ...Object.values(PAIEMENT), ...Object.values(LECTURES)].map((p) => p.libelle),
    );
    assertClean(
      "TAUX_BCE_PAR_DEFAUT",
      TAUX_BCE_PAR_DEFAUT.map((r) => r.source),
    );
    assertClean(
      "fondements",
      SEUILS.flatMap((r) => r.fondements.map((f) => `${f.texte} ${f.article} ${f.objet}`)),
    );
  });

  const natures: Nature[] = ["travaux", "fournitures", "services"];
  const answers = [
    ...natures.flatMap((nature) =>
      ["2025-06-01", "2026-06-01", "2026-09-01"].flatMap((date) =>
        [1_000_000, 7_000_000, 30_000_000, 800_000_000].map((valeur) =>
          analyserProcedure({
            nature,
            valeurEstimeeHtCents: valeur,
            dateLancement: date,
            innovant: valeur < 10_000_000,
            servicesSociauxSpecifiques: nature === "services" && valeur > 700_000_000,
            lots: [{ valeurEstimeeHtCents: valeur / 2 }, { valeurEstimeeHtCents: valeur / 2 }],
          }),
        ),
      ),
    ),
    ...(
      [
        "clause-reexamen",
        "prestations-supplementaires",
        "circonstances-imprevues",
        "changement-titulaire",
        "non-substantielle",
        "faible-montant",
      ] as FondementModification[]
    ).map((fondement) =>
      verifierModification({
        montantInitialHtCents: 30_000_000,
        nature: "services",
        dateLancement: "2026-06-01",
        attribueParCao: true,
        modificationsAnterieures: [{ montantHtCents: -100_000, fondement: "faible-montant" }],
        modification: { montantHtCents: 16_000_000, fondement },
      }),
    ),
    calculerPaiement({ montantTtcCents: 1_200_000, dateReception: "2026-01-05", datePaiement: "2026-03-16" }),
    calculerPaiement({ montantTtcCents: 1_200_000, dateReception: "2026-01-05", datePaiement: "2026-03-16", tauxBcePointsDeBase: 215 }),
    analyserAvanceEtRetenue({
      montantInitialHtCents: 12_000_000,
      montantInitialTtcCents: 14_400_000,
      dureeExecutionMois: 18,
      dateLancement: "2026-03-01",
      titulairePme: true,
    }),
    construireCalendrier({
      dateEnvoiAvis: "2026-03-02",
      dateLimiteReception: "2026-03-20",
      dateEnvoiNotificationRejet: "2026-04-20",
      dateSignature: "2026-04-25",
      dateNotification: "2026-05-06",
      datesNotificationModifications: ["2026-11-16"],
    }),
  ];
  it(`explanations, alerts and legal bases of ${answers.length} answers`, () => {
    for (const answer of answers) {
      assertClean("explications", answer.explications);
      assertClean("pointsDeVigilance", answer.pointsDeVigilance);
      assertClean(
        "alertes",
        answer.alertes.map((a) => a.message),
      );
      assertClean(
        "fondements",
        answer.fondements.map((f) => `${f.texte} ${f.article} ${f.objet}`),
      );
    }
  });
});
