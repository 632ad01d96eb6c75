/**
 * The rule book, row by row. COVERAGE REGISTRY: every row of SEUILS must be named by at least one case
 * of `CAS` (value, date, and the exact comparison a cent / a unit below, equal and above), and every
 * dated change inside the engine's coverage must appear in `CHANGEMENTS` with the day before and the
 * day itself. Adding a row without a case makes "every row has a test case" fail.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { isDomainError } from "../commun/errors";
import { addDays } from "../valeurs/date-legale";
import { DELAIS_RECEPTION, LECTURES, COMPTAGE_DELAIS_RECEPTION, PAIEMENT, TAUX_BCE_PAR_DEFAUT } from "./parametres";
import {
  assertDateCouverte,
  COUVERTURE_MOTEUR,
  formatValeurSeuil,
  obligationActive,
  periodesConnues,
  satisfait,
  seuilAt,
  SEUILS,
  trouverSeuil,
  verifierTableSeuils,
  type CleSeuil,
  type LigneSeuil,
} from "./seuils";

/** [below, equal, above]: whether `value OPERATOR threshold` holds a unit below, at and a unit above. */
type Bords = readonly [boolean, boolean, boolean];
const STRICT_BELOW: Bords = [true, false, false]; // "<"
const AT_MOST: Bords = [true, true, false]; // "<="
const STRICT_ABOVE: Bords = [false, false, true]; // ">"
const AT_LEAST: Bords = [false, true, true]; // ">="

interface Cas {
  id: string;
  /** A date inside the row's period. */
  date: string;
  /** Expected value, written out (cents HT, basis points or months). */
  valeur: number;
  /** Expected comparison at value − 1, value, value + 1 (a cent, a basis point or a month); null for duties. */
  bords: Bords | null;
  /** For duty rows: expected state. */
  active?: boolean;
}

// prettier-ignore
const CAS: readonly Cas[] = [
  { id: "eu-travaux-2022-2023", date: "2022-01-01", valeur: 538_200_000, bords: AT_LEAST },
  { id: "eu-travaux-2024-2025", date: "2025-12-31", valeur: 553_800_000, bords: AT_LEAST },
  { id: "eu-travaux-2026-2027", date: "2027-12-31", valeur: 540_400_000, bords: AT_LEAST },
  { id: "eu-fs-sous-central-2022-2023", date: "2023-12-31", valeur: 21_500_000, bords: AT_LEAST },
  { id: "eu-fs-sous-central-2024-2025", date: "2024-01-01", valeur: 22_100_000, bords: AT_LEAST },
  { id: "eu-fs-sous-central-2026-2027", date: "2026-01-01", valeur: 21_600_000, bords: AT_LEAST },
  { id: "eu-fs-central-2022-2023", date: "2022-06-30", valeur: 14_000_000, bords: AT_LEAST },
  { id: "eu-fs-central-2024-2025", date: "2024-06-30", valeur: 14_300_000, bords: AT_LEAST },
  { id: "eu-fs-central-2026-2027", date: "2026-06-30", valeur: 14_000_000, bords: AT_LEAST },
  { id: "eu-services-sociaux-specifiques", date: "2026-06-30", valeur: 75_000_000, bords: AT_LEAST },
  { id: "dispense-travaux-temporaire-2020-2025", date: "2025-12-31", valeur: 10_000_000, bords: STRICT_BELOW },
  { id: "dispense-travaux-2026", date: "2026-01-01", valeur: 10_000_000, bords: STRICT_BELOW },
  { id: "dispense-fs-2020", date: "2026-03-31", valeur: 4_000_000, bords: STRICT_BELOW },
  { id: "dispense-fs-2026-04", date: "2026-04-01", valeur: 6_000_000, bords: STRICT_BELOW },
  { id: "innovant-dispense-2021", date: "2026-04-01", valeur: 10_000_000, bords: STRICT_BELOW },
  { id: "innovant-petit-lot-fs-2021", date: "2026-04-01", valeur: 8_000_000, bords: STRICT_BELOW },
  { id: "innovant-petit-lot-travaux-2021", date: "2026-04-01", valeur: 10_000_000, bords: STRICT_BELOW },
  { id: "mapa-petit-lot-fs", date: "2026-04-01", valeur: 8_000_000, bords: STRICT_BELOW },
  { id: "mapa-petit-lot-travaux", date: "2026-04-01", valeur: 100_000_000, bords: STRICT_BELOW },
  { id: "petits-lots-part-20pct", date: "2026-04-01", valeur: 2_000, bords: AT_MOST },
  { id: "publicite-libre-90k", date: "2026-04-01", valeur: 9_000_000, bords: STRICT_BELOW },
  { id: "publicite-boamp-ou-jal-90k", date: "2026-04-01", valeur: 9_000_000, bords: AT_LEAST },
  { id: "dce-profil-2020", date: "2026-03-31", valeur: 4_000_000, bords: AT_LEAST },
  { id: "dce-profil-2026-04", date: "2026-04-01", valeur: 6_000_000, bords: AT_LEAST },
  { id: "decp-40k", date: "2026-04-01", valeur: 4_000_000, bords: AT_LEAST },
  { id: "decp-liste-annuelle-2024", date: "2024-01-01", valeur: 2_500_000, bords: AT_LEAST },
  { id: "avance-montant-50k", date: "2026-04-01", valeur: 5_000_000, bords: STRICT_ABOVE },
  { id: "avance-duree-2-mois", date: "2026-04-01", valeur: 2, bords: STRICT_ABOVE },
  { id: "avance-taux-minimum-5pct", date: "2026-04-01", valeur: 500, bords: AT_LEAST },
  { id: "avance-taux-minimum-pme-collectivite-2020", date: "2026-04-01", valeur: 1_000, bords: AT_LEAST },
  { id: "drf-acheteur-60m", date: "2026-04-01", valeur: 6_000_000_000, bords: STRICT_ABOVE },
  { id: "retenue-taux-max-5pct", date: "2026-04-01", valeur: 500, bords: AT_MOST },
  { id: "retenue-taux-max-pme-avant-2025", date: "2024-12-31", valeur: 500, bords: AT_MOST },
  { id: "retenue-taux-max-pme-2025", date: "2025-01-01", valeur: 300, bords: AT_MOST },
  { id: "cao-avenant-5pct", date: "2026-04-01", valeur: 500, bords: STRICT_ABOVE },
  { id: "modification-plafond-50pct", date: "2026-04-01", valeur: 5_000, bords: AT_MOST },
  { id: "faible-montant-fs-10pct", date: "2026-04-01", valeur: 1_000, bords: STRICT_BELOW },
  { id: "faible-montant-travaux-15pct", date: "2026-04-01", valeur: 1_500, bords: STRICT_BELOW },
  { id: "controle-legalite-2022-2023", date: "2023-12-31", valeur: 21_500_000, bords: AT_LEAST },
  { id: "controle-legalite-2024-2025", date: "2025-12-31", valeur: 22_100_000, bords: AT_LEAST },
  { id: "controle-legalite-2026-2027", date: "2026-01-01", valeur: 21_600_000, bords: AT_LEAST },
  { id: "ca-minimum-2x-avant-2026", date: "2025-12-31", valeur: 20_000, bords: AT_MOST },
  { id: "ca-minimum-1-5x-2026", date: "2026-01-01", valeur: 15_000, bords: AT_MOST },
  { id: "spaser-100m-avant-2023", date: "2022-12-31", valeur: 10_000_000_000, bords: STRICT_ABOVE },
  { id: "spaser-50m-2023", date: "2023-01-01", valeur: 5_000_000_000, bords: STRICT_ABOVE },
  { id: "climat-environnement-avant-2026-08-21", date: "2026-08-20", valeur: 0, bords: null, active: false },
  { id: "climat-environnement-2026-08-21", date: "2026-08-21", valeur: 1, bords: null, active: true },
  { id: "climat-social-avant-2026-08-21", date: "2026-08-20", valeur: 0, bords: null, active: false },
  { id: "climat-social-2026-08-21", date: "2026-08-21", valeur: 1, bords: null, active: true },
];

/** Every dated change inside the coverage: the row in force the day before and on the day. */
// prettier-ignore
const CHANGEMENTS: readonly { cle: CleSeuil; jour: string; avant: string | null; apres: string }[] = [
  { cle: "EU_WORKS", jour: "2024-01-01", avant: "eu-travaux-2022-2023", apres: "eu-travaux-2024-2025" },
  { cle: "EU_WORKS", jour: "2026-01-01", avant: "eu-travaux-2024-2025", apres: "eu-travaux-2026-2027" },
  {
    cle: "EU_SUPPLIES_SERVICES_SUBCENTRAL",
    jour: "2024-01-01",
    avant: "eu-fs-sous-central-2022-2023",
    apres: "eu-fs-sous-central-2024-2025",
  },
  {
    cle: "EU_SUPPLIES_SERVICES_SUBCENTRAL",
    jour: "2026-01-01",
    avant: "eu-fs-sous-central-2024-2025",
    apres: "eu-fs-sous-central-2026-2027",
  },
  { cle: "EU_SUPPLIES_SERVICES_CENTRAL", jour: "2024-01-01", avant: "eu-fs-central-2022-2023", apres: "eu-fs-central-2024-2025" },
  { cle: "EU_SUPPLIES_SERVICES_CENTRAL", jour: "2026-01-01", avant: "eu-fs-central-2024-2025", apres: "eu-fs-central-2026-2027" },
  { cle: "DISPENSE_WORKS", jour: "2026-01-01", avant: "dispense-travaux-temporaire-2020-2025", apres: "dispense-travaux-2026" },
  { cle: "DISPENSE_SUPPLIES_SERVICES", jour: "2026-04-01", avant: "dispense-fs-2020", apres: "dispense-fs-2026-04" },
  { cle: "DCE_ON_PROFILE", jour: "2026-04-01", avant: "dce-profil-2020", apres: "dce-profil-2026-04" },
  { cle: "DECP_OPTIONAL_LIST", jour: "2024-01-01", avant: null, apres: "decp-liste-annuelle-2024" },
  { cle: "RETENUE_MAX_RATE_SME", jour: "2025-01-01", avant: "retenue-taux-max-pme-avant-2025", apres: "retenue-taux-max-pme-2025" },
  { cle: "LEGALITY_CONTROL", jour: "2024-01-01", avant: "controle-legalite-2022-2023", apres: "controle-legalite-2024-2025" },
  { cle: "LEGALITY_CONTROL", jour: "2026-01-01", avant: "controle-legalite-2024-2025", apres: "controle-legalite-2026-2027" },
  { cle: "MIN_TURNOVER_CAP", jour: "2026-01-01", avant: "ca-minimum-2x-avant-2026", apres: "ca-minimum-1-5x-2026" },
  { cle: "SPASER_THRESHOLD", jour: "2023-01-01", avant: "spaser-100m-avant-2023", apres: "spaser-50m-2023" },
  {
    cle: "CLIMAT_ENVIRONMENTAL_DUTY",
    jour: "2026-08-21",
    avant: "climat-environnement-avant-2026-08-21",
    apres: "climat-environnement-2026-08-21",
  },
  { cle: "CLIMAT_SOCIAL_CONDITION_DUTY", jour: "2026-08-21", avant: "climat-social-avant-2026-08-21", apres: "climat-social-2026-08-21" },
];

describe("coverage registry of the rule book", () => {
  it("every row of SEUILS has at least one test case naming its id", () => {
    const tested = new Set(CAS.map((c) => c.id));
    const missing = SEUILS.filter((row) => !tested.has(row.id)).map((row) => row.id);
    assert.deepEqual(missing, [], `rows without a test case: ${missing.join(", ")}`);
  });

  it("every test case names an existing row", () => {
    const ids = new Set(SEUILS.map((row) => row.id));
    assert.deepEqual(
      CAS.filter((c) => !ids.has(c.id)).map((c) => c.id),
      [],
    );
  });

  it("every dated change inside the coverage has a both-sides case", () => {
    const covered = new Set(CHANGEMENTS.map((c) => `${c.cle}@${c.jour}`));
    const missing = SEUILS.filter((row) => row.effectiveFrom > COUVERTURE_MOTEUR.du && row.effectiveFrom <= COUVERTURE_MOTEUR.au)
      .map((row) => `${row.cle}@${row.effectiveFrom}`)
      .filter((key) => !covered.has(key));
    assert.deepEqual(missing, [], `dated changes without a both-sides case: ${missing.join(", ")}`);
  });

  it("the table is consistent (ids, periods, operators, sources)", () => {
    assert.deepEqual(verifierTableSeuils(), []);
  });

  it("detects an overlapping or unsourced row", () => {
    const first = SEUILS[0] as LigneSeuil;
    const broken: LigneSeuil[] = [first, { ...first, id: "copie", effectiveFrom: "2023-06-01", sources: [] }];
    const problems = verifierTableSeuils(broken);
    assert.ok(problems.some((p) => p.includes("chevauchent")));
    assert.ok(problems.some((p) => p.includes("sans source")));
  });

  it("every key used by the analyses covers the whole engine period", () => {
    const keys = [...new Set(SEUILS.map((row) => row.cle))].filter((k) => k !== "DECP_OPTIONAL_LIST");
    for (const key of keys) {
      for (let day = COUVERTURE_MOTEUR.du; day <= COUVERTURE_MOTEUR.au; day = addDays(day, 1)) {
        if (!trouverSeuil(key, day)) assert.fail(`${key} has no row on ${day}`);
      }
    }
  });
});

describe("each row: value, period and exact comparison (a unit below, equal, a unit above)", () => {
  for (const cas of CAS) {
    it(`${cas.id} on ${cas.date}`, () => {
      const row = SEUILS.find((r) => r.id === cas.id);
      if (!row) return assert.fail(`unknown row ${cas.id}`);
      assert.equal(seuilAt(row.cle, cas.date).id, cas.id, "the row is the one in force on the case date");
      assert.equal(row.valeur, cas.valeur);
      if (cas.bords === null) {
        assert.equal(row.operateur, null);
        assert.equal(obligationActive(row), cas.active);
        assert.throws(() => satisfait(row, 1), TypeError);
      } else {
        assert.deepEqual([satisfait(row, cas.valeur - 1), satisfait(row, cas.valeur), satisfait(row, cas.valeur + 1)], cas.bords);
      }
    });
  }
});

describe("dated changes: the day before and the day itself", () => {
  for (const change of CHANGEMENTS) {
    it(`${change.cle}: ${addDays(change.jour, -1)} → ${change.jour}`, () => {
      assert.equal(trouverSeuil(change.cle, addDays(change.jour, -1))?.id ?? null, change.avant);
      assert.equal(seuilAt(change.cle, change.jour).id, change.apres);
    });
  }

  it("values on both sides of the 2026 changes", () => {
    assert.equal(seuilAt("DISPENSE_SUPPLIES_SERVICES", "2026-03-31").valeur, 4_000_000);
    assert.equal(seuilAt("DISPENSE_SUPPLIES_SERVICES", "2026-04-01").valeur, 6_000_000);
    assert.equal(seuilAt("EU_SUPPLIES_SERVICES_SUBCENTRAL", "2025-12-31").valeur, 22_100_000);
    assert.equal(seuilAt("EU_SUPPLIES_SERVICES_SUBCENTRAL", "2026-01-01").valeur, 21_600_000);
    assert.equal(obligationActive(seuilAt("CLIMAT_ENVIRONMENTAL_DUTY", "2026-08-20")), false);
    assert.equal(obligationActive(seuilAt("CLIMAT_ENVIRONMENTAL_DUTY", "2026-08-21")), true);
  });
});

describe("dates outside every known period are explicit errors", () => {
  const outside: [CleSeuil, string][] = [
    ["EU_WORKS", "2021-12-31"],
    ["EU_WORKS", "2028-01-01"],
    ["EU_SUPPLIES_SERVICES_SUBCENTRAL", "2028-01-01"],
    ["LEGALITY_CONTROL", "2028-01-01"],
    ["DECP_OPTIONAL_LIST", "2023-12-31"],
  ];
  for (const [cle, date] of outside) {
    it(`${cle} on ${date}`, () => {
      assert.throws(
        () => seuilAt(cle, date),
        (e: unknown) =>
          isDomainError(e) &&
          e.code === "RULES_PERIOD_UNKNOWN" &&
          e.kind === "rule-violation" &&
          e.message.includes(
            date === "2021-12-31" ? "31 décembre 2021" : date === "2023-12-31" ? "31 décembre 2023" : "1er janvier 2028",
          ) &&
          e.message.includes("périodes connues") &&
          (e.details as { date?: string }).date === date,
      );
    });
  }

  it("names the known periods, merged", () => {
    assert.deepEqual(periodesConnues("EU_WORKS"), [{ du: "2022-01-01", au: "2027-12-31" }]);
    assert.throws(() => seuilAt("EU_WORKS", "2028-01-01"), /du 1er janvier 2022 au 31 décembre 2027/);
  });

  it("the engine covers 2022-01-01 → 2027-12-31", () => {
    assert.doesNotThrow(() => assertDateCouverte("2022-01-01"));
    assert.doesNotThrow(() => assertDateCouverte("2027-12-31"));
    for (const date of ["2021-12-31", "2028-01-01"]) {
      assert.throws(
        () => assertDateCouverte(date, "dateLancement"),
        (e: unknown) => isDomainError(e) && e.code === "RULES_PERIOD_UNKNOWN" && e.issues[0]?.path[0] === "dateLancement",
      );
    }
  });

  it("refuses an impossible date", () => {
    assert.throws(
      () => seuilAt("EU_WORKS", "2026-02-30"),
      (e: unknown) => isDomainError(e) && e.code === "DATE_INVALID",
    );
  });
});

describe("display", () => {
  it("formats values in French", () => {
    assert.equal(formatValeurSeuil(seuilAt("DISPENSE_SUPPLIES_SERVICES", "2026-04-01")), "60\u202f000,00\u00a0€ HT");
    assert.equal(formatValeurSeuil(seuilAt("SMALL_LOTS_MAX_SHARE", "2026-04-01")), "20\u202f%");
    assert.equal(formatValeurSeuil(seuilAt("AVANCE_MIN_DURATION", "2026-04-01")), "2 mois");
  });
});

describe("docs/regles-a-confirmer.md lists every unconfirmed value in use", () => {
  const doc = readFileSync(new URL("../../../../docs/regles-a-confirmer.md", import.meta.url), "utf8");
  const unconfirmed = [
    ...SEUILS.filter((r) => r.statut === "a-confirmer").map((r) => r.id),
    ...DELAIS_RECEPTION.filter((r) => r.statut === "a-confirmer").map((r) => r.variante),
    ...Object.entries(LECTURES)
      .filter(([, p]) => p.statut === "a-confirmer")
      .map(([name]) => name),
    ...Object.entries(PAIEMENT)
      .filter(([, p]) => p.statut === "a-confirmer")
      .map(([name]) => name),
    ...(COMPTAGE_DELAIS_RECEPTION.statut === "a-confirmer" ? ["COMPTAGE_DELAIS_RECEPTION"] : []),
    ...(TAUX_BCE_PAR_DEFAUT.some((r) => r.statut === "a-confirmer") ? ["TAUX_BCE_PAR_DEFAUT"] : []),
  ];
  for (const name of unconfirmed) {
    it(`mentions ${name}`, () => assert.ok(doc.includes(`\`${name}\``), `${name} is missing from docs/regles-a-confirmer.md`));
  }
});
