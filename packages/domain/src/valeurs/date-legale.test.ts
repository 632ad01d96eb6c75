import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isDomainError } from "../commun/errors";
import {
  addDays,
  addMonths,
  avertissementsCalendrier,
  daysBetween,
  easterSunday,
  formatDateFr,
  formatDateLongueFr,
  phraseJourNonOuvre,
  isDateLegale,
  isWorkingDay,
  jourFerie,
  joursFeries,
  nextWorkingDay,
  parseDateLegale,
  weekday,
  weekdayFr,
} from "./date-legale";

describe("isDateLegale / parseDateLegale", () => {
  const cases: [unknown, boolean][] = [
    ["2026-02-28", true],
    ["2026-02-29", false],
    ["2024-02-29", true],
    ["2026-02-30", false],
    ["2026-04-31", false],
    ["2026-13-01", false],
    ["2026-00-10", false],
    ["2026-01-00", false],
    ["2026-2-3", false],
    ["2026-02-03T00:00:00Z", false],
    [" 2026-02-03", false],
    ["1899-12-31", false],
    ["2000-02-29", true],
    ["2100-02-29", false],
    [20260203, false],
    [null, false],
  ];
  for (const [raw, valid] of cases) {
    it(`${JSON.stringify(raw)} is ${valid ? "" : "not "}a legal date`, () => {
      assert.equal(isDateLegale(raw), valid);
    });
  }

  it("parse refuses an impossible date with DATE_INVALID and the path", () => {
    assert.throws(
      () => parseDateLegale("2026-02-30", ["dateLancement"]),
      (error: unknown) =>
        isDomainError(error) &&
        error.code === "DATE_INVALID" &&
        error.kind === "invalid-input" &&
        error.issues[0]?.path[0] === "dateLancement" &&
        error.message.includes("2026-02-30"),
    );
    assert.equal(parseDateLegale("2026-02-28"), "2026-02-28");
  });
});

describe("date arithmetic", () => {
  const addDaysCases: [string, number, string][] = [
    ["2025-12-28", 15, "2026-01-12"],
    ["2026-01-05", 30, "2026-02-04"],
    ["2026-02-28", 1, "2026-03-01"],
    ["2024-02-28", 1, "2024-02-29"],
    ["2026-03-01", -1, "2026-02-28"],
    ["2026-03-28", 2, "2026-03-30"], // across the switch to summer time: no shift in UTC
    ["2026-10-24", 2, "2026-10-26"],
  ];
  for (const [from, days, expected] of addDaysCases) {
    it(`${from} + ${days} days = ${expected}`, () => {
      assert.equal(addDays(from, days), expected);
      assert.equal(daysBetween(from, expected), days);
    });
  }

  const addMonthsCases: [string, number, string][] = [
    ["2026-01-15", 2, "2026-03-15"],
    ["2026-01-31", 1, "2026-02-28"],
    ["2024-01-31", 1, "2024-02-29"],
    ["2025-12-31", 2, "2026-02-28"],
    ["2026-08-31", 1, "2026-09-30"],
    ["2026-03-31", -1, "2026-02-28"],
    ["2026-11-30", 14, "2028-01-30"],
    ["2026-01-10", -13, "2024-12-10"],
  ];
  for (const [from, months, expected] of addMonthsCases) {
    it(`${from} + ${months} months = ${expected} (date to date, clamped)`, () => {
      assert.equal(addMonths(from, months), expected);
    });
  }

  it("refuses non-integer shifts", () => {
    assert.throws(() => addDays("2026-01-01", 1.5), TypeError);
    assert.throws(() => addMonths("2026-01-01", 0.5), TypeError);
  });

  it("weekday: 2026-01-01 is a Thursday, 2026-04-04 a Saturday", () => {
    assert.equal(weekday("2026-01-01"), 4);
    assert.equal(weekdayFr("2026-01-01"), "jeudi");
    assert.equal(weekday("2026-04-04"), 6);
    assert.equal(weekday("2026-04-05"), 0);
  });
});

describe("French public holidays", () => {
  it("lists the 11 holidays of 2026", () => {
    assert.deepEqual(
      joursFeries(2026).map((h) => `${h.date} ${h.libelle}`),
      [
        "2026-01-01 Jour de l'an",
        "2026-04-06 Lundi de Pâques",
        "2026-05-01 Fête du Travail",
        "2026-05-08 Victoire 1945",
        "2026-05-14 Ascension",
        "2026-05-25 Lundi de Pentecôte",
        "2026-07-14 Fête nationale",
        "2026-08-15 Assomption",
        "2026-11-01 Toussaint",
        "2026-11-11 Armistice 1918",
        "2026-12-25 Noël",
      ],
    );
  });

  const easter: [number, string, string, string, string][] = [
    // year, Easter Sunday, Easter Monday, Ascension, Whit Monday
    [2000, "2000-04-23", "2000-04-24", "2000-06-01", "2000-06-12"],
    [2024, "2024-03-31", "2024-04-01", "2024-05-09", "2024-05-20"],
    [2025, "2025-04-20", "2025-04-21", "2025-05-29", "2025-06-09"],
    [2026, "2026-04-05", "2026-04-06", "2026-05-14", "2026-05-25"],
    [2027, "2027-03-28", "2027-03-29", "2027-05-06", "2027-05-17"],
    [2038, "2038-04-25", "2038-04-26", "2038-06-03", "2038-06-14"],
  ];
  for (const [year, sunday, monday, ascension, whit] of easter) {
    it(`Easter-based holidays of ${year}`, () => {
      assert.equal(easterSunday(year), sunday);
      assert.equal(jourFerie(monday), "Lundi de Pâques");
      assert.equal(jourFerie(ascension), "Ascension");
      assert.equal(jourFerie(whit), "Lundi de Pentecôte");
      assert.equal(jourFerie(sunday), undefined, "Easter Sunday itself is not in the list (it is a Sunday)");
    });
  }

  it("working days exclude weekends and holidays", () => {
    assert.equal(isWorkingDay("2026-04-06"), false); // Easter Monday
    assert.equal(isWorkingDay("2026-04-07"), true);
    assert.equal(isWorkingDay("2026-04-04"), false); // Saturday
    assert.equal(isWorkingDay("2026-05-08"), false); // Friday, Victoire 1945
    assert.equal(nextWorkingDay("2026-05-01"), "2026-05-04");
    assert.equal(nextWorkingDay("2026-04-03"), "2026-04-03");
  });

  it("warns for a Saturday, a Sunday or a holiday, with the next working day", () => {
    assert.deepEqual(avertissementsCalendrier("2026-04-07"), []);
    const saturday = avertissementsCalendrier("2026-04-04");
    assert.equal(saturday[0], "Le 4 avril 2026 est un samedi.");
    assert.match(saturday.at(-1) ?? "", /mardi 7 avril 2026/);
    const holiday = avertissementsCalendrier("2026-11-11");
    assert.ok(holiday.includes("Le 11 novembre 2026 est un jour férié (Armistice 1918)."));
    const sundayHoliday = avertissementsCalendrier("2026-11-01");
    assert.equal(sundayHoliday.length, 3, "Sunday + Toussaint + next working day");
  });
});

describe("French formatting", () => {
  it("formats 1er and plain days", () => {
    assert.equal(formatDateFr("2026-04-01"), "1er avril 2026");
    assert.equal(formatDateFr("2026-01-12"), "12 janvier 2026");
    assert.equal(formatDateLongueFr("2026-08-21"), "vendredi 21 août 2026");
  });
});

describe("phraseJourNonOuvre: one sentence, with the next working day", () => {
  // prettier-ignore
  const rows: [string, string | undefined][] = [
    ["2026-04-07", undefined],
    ["2027-01-16", "le 16 janvier 2027 est un samedi ; premier jour ouvré : lundi 18 janvier 2027"],
    ["2026-04-12", "le 12 avril 2026 est un dimanche ; premier jour ouvré : lundi 13 avril 2026"],
    ["2026-05-01", "le 1er mai 2026 est un jour férié (Fête du Travail) ; premier jour ouvré : lundi 4 mai 2026"],
    ["2026-11-01", "le 1er novembre 2026 est un dimanche et un jour férié (Toussaint) ; premier jour ouvré : lundi 2 novembre 2026"],
    ["2026-05-30", "le 30 mai 2026 est un samedi ; premier jour ouvré : lundi 1er juin 2026"], // "1er" in every date
    ["2026-05-23", "le 23 mai 2026 est un samedi ; premier jour ouvré : mardi 26 mai 2026"], // Whit Monday 25 May
  ];
  for (const [date, expected] of rows) {
    it(`${date} → ${expected ?? "working day"}`, () => assert.equal(phraseJourNonOuvre(date), expected));
  }
});
