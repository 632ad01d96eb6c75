import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isDomainError } from "../commun/errors";
import { daysBetween } from "../valeurs/date-legale";
import {
  calculerStandstill,
  construireCalendrier,
  dateLimiteAvisAttribution,
  dateLimitePublicationDecp,
  dateLimiteReceptionAuPlusTot,
  type CalendrierInput,
} from "./delais";
import { ACHETEUR_PAR_DEFAUT, DELAIS_RECEPTION, type VarianteDelaiReception } from "./parametres";

describe("earliest receipt date per variant (R2161-2 and following), notice sent Monday 2 March 2026", () => {
  // Registry: every variant of DELAIS_RECEPTION has a row here (checked below).
  // prettier-ignore
  const rows: [VarianteDelaiReception, number | null, string | null][] = [
    ["aoo-normal", 35, "2026-04-06"], // Easter Monday: warned, not moved
    ["aoo-avis-preinformation", 15, "2026-03-17"],
    ["aoo-electronique", 30, "2026-04-01"],
    ["aoo-urgence", 15, "2026-03-17"],
    ["aor-candidatures", 30, "2026-04-01"],
    ["aor-candidatures-urgence", 15, "2026-03-17"],
    ["aor-offres", 30, "2026-04-01"],
    ["aor-offres-avis-preinformation", 10, "2026-03-12"],
    ["aor-offres-electronique", 25, "2026-03-27"],
    ["aor-offres-urgence", 10, "2026-03-12"],
    ["aor-offres-sous-central", 10, "2026-03-12"],
    ["pn-candidatures", 30, "2026-04-01"],
    ["pn-candidatures-urgence", 15, "2026-03-17"],
    ["pn-offres-initiales", 30, "2026-04-01"],
    ["pn-offres-avis-preinformation", 10, "2026-03-12"],
    ["pn-offres-electronique", 25, "2026-03-27"],
    ["pn-offres-urgence", 10, "2026-03-12"],
    ["pn-offres-sous-central", 10, "2026-03-12"],
    ["dialogue-candidatures", 30, "2026-04-01"],
    ["mapa", null, null],
  ];

  it("every variant of the table has a case", () => {
    assert.deepEqual(
      DELAIS_RECEPTION.map((r) => r.variante).filter((v) => !rows.some(([variant]) => variant === v)),
      [],
    );
  });

  for (const [variante, jours, expected] of rows) {
    it(`${variante}: ${jours ?? "no legal minimum"}`, () => {
      const result = dateLimiteReceptionAuPlusTot({ variante, dateEnvoi: "2026-03-02" });
      assert.equal(result.joursMinimum, jours);
      assert.equal(result.dateAuPlusTot?.date ?? null, expected);
      if (jours !== null && expected !== null) assert.equal(daysBetween("2026-03-02", expected), jours);
    });
  }

  it("warns when the earliest date is a public holiday (35 days → Easter Monday 2026)", () => {
    const result = dateLimiteReceptionAuPlusTot({ variante: "aoo-normal", dateEnvoi: "2026-03-02" });
    assert.ok(result.dateAuPlusTot?.avertissements.some((w) => w.includes("Lundi de Pâques")));
    assert.ok(
      result.explications.some((e) => e.includes("30 jours")),
      "mentions the practical 30-day minimum",
    );
  });

  it("counts clear days when asked (one more day)", () => {
    const result = dateLimiteReceptionAuPlusTot({ variante: "aoo-electronique", dateEnvoi: "2026-03-02", comptage: "jours-francs" });
    assert.equal(result.dateAuPlusTot?.date, "2026-04-02");
  });

  it("sub-central buyer: the agreed date wins; without agreement at least 10 days", () => {
    const agreed = dateLimiteReceptionAuPlusTot({
      variante: "aor-offres-sous-central",
      dateEnvoi: "2026-03-02",
      dateConvenue: "2026-03-06",
    });
    assert.equal(agreed.dateAuPlusTot?.date, "2026-03-06");
    assert.equal(agreed.dateConvenue, true);
    const state = { ...ACHETEUR_PAR_DEFAUT, sousCentral: false };
    assert.throws(
      () => dateLimiteReceptionAuPlusTot({ variante: "pn-offres-sous-central", dateEnvoi: "2026-03-02" }, state),
      (e: unknown) => isDomainError(e) && e.code === "VARIANT_NOT_APPLICABLE",
    );
  });

  it("MAPA says there is no legal minimum", () => {
    const result = dateLimiteReceptionAuPlusTot({ variante: "mapa", dateEnvoi: "2026-03-02" });
    assert.equal(result.dateAuPlusTot, null);
    assert.match(result.explications[0] ?? "", /aucun délai minimal légal/);
  });

  it("refuses an agreed date for a variant without agreement, and bad input", () => {
    assert.throws(
      () => dateLimiteReceptionAuPlusTot({ variante: "aoo-normal", dateEnvoi: "2026-03-02", dateConvenue: "2026-03-10" }),
      (e: unknown) => isDomainError(e) && e.issues.some((i) => i.path[0] === "dateConvenue"),
    );
    assert.throws(
      () => dateLimiteReceptionAuPlusTot({ variante: "aoo-rapide" as VarianteDelaiReception, dateEnvoi: "2026-02-30" }),
      (e: unknown) => isDomainError(e) && e.issues.length === 2,
    );
    assert.throws(
      () => dateLimiteReceptionAuPlusTot({ variante: "aoo-normal", dateEnvoi: "2028-01-03" }),
      (e: unknown) => isDomainError(e) && e.code === "RULES_PERIOD_UNKNOWN",
    );
  });
});

describe("standstill (R2182-1), counted date to date with the dispatch day as day 1", () => {
  it("DAJ example: sent 28 December by post, 16 days, ends on the evening of 12 January, signature from 13 January", () => {
    const result = calculerStandstill({ dateEnvoiNotification: "2025-12-28", transmissionElectronique: false });
    assert.equal(result.applicable, true);
    assert.equal(result.dureeJours, 16);
    assert.equal(result.finDelai?.date, "2026-01-12");
    assert.equal(result.signatureAuPlusTot?.date, "2026-01-13");
    assert.ok(result.fondements.some((f) => f.texte === "CE"));
  });

  // prettier-ignore
  const rows: [string, boolean, string, string][] = [
    ["2025-12-28", true, "2026-01-07", "2026-01-08"],
    ["2026-03-02", true, "2026-03-12", "2026-03-13"],
    ["2026-03-02", false, "2026-03-17", "2026-03-18"],
    ["2026-02-20", true, "2026-03-02", "2026-03-03"], // across the end of February
  ];
  for (const [sent, electronic, end, signature] of rows) {
    it(`sent ${sent} ${electronic ? "electronically" : "by post"} → ends ${end}, signature from ${signature}`, () => {
      const result = calculerStandstill({ dateEnvoiNotification: sent, transmissionElectronique: electronic });
      assert.equal(result.finDelai?.date, end);
      assert.equal(result.signatureAuPlusTot?.date, signature);
      assert.equal(daysBetween(sent, signature), electronic ? 11 : 16, "at least 11 (16) days between dispatch and signature");
    });
  }

  it("warns when the earliest signature falls on a public holiday", () => {
    const result = calculerStandstill({ dateEnvoiNotification: "2026-04-20", transmissionElectronique: true });
    assert.equal(result.signatureAuPlusTot?.date, "2026-05-01");
    assert.ok(result.signatureAuPlusTot?.avertissements.some((w) => w.includes("Fête du Travail")));
    assert.deepEqual(result.finDelai?.avertissements, []);
  });

  const exempt: [Parameters<typeof calculerStandstill>[0], RegExp][] = [
    [{ dateEnvoiNotification: "2026-03-02", transmissionElectronique: true, procedure: "procedure-adaptee" }, /procédure adaptée/],
    [
      { dateEnvoiNotification: "2026-03-02", transmissionElectronique: true, procedure: "sans-publicite-ni-mise-en-concurrence" },
      /sans publicité/,
    ],
    [{ dateEnvoiNotification: "2026-03-02", transmissionElectronique: true, exemption: "marche-subsequent" }, /marché subséquent/],
    [{ dateEnvoiNotification: "2026-03-02", transmissionElectronique: true, exemption: "marche-specifique-sad" }, /acquisition dynamique/],
    [
      { dateEnvoiNotification: "2026-03-02", transmissionElectronique: true, exemption: "soumissionnaire-unique" },
      /un seul soumissionnaire/,
    ],
  ];
  for (const [input, motif] of exempt) {
    it(`not applicable: ${motif.source}`, () => {
      const result = calculerStandstill(input);
      assert.equal(result.applicable, false);
      assert.equal(result.signatureAuPlusTot, null);
      assert.match(result.motifNonApplicable ?? "", motif);
    });
  }
});

describe("closing deadlines", () => {
  it("award notice: signature + 30 days (R2183-1)", () => {
    assert.equal(dateLimiteAvisAttribution("2026-03-10").date.date, "2026-04-09");
    assert.equal(dateLimiteAvisAttribution("2026-01-30").date.date, "2026-03-01");
    assert.ok(dateLimiteAvisAttribution("2026-01-30").date.avertissements.some((w) => w.includes("dimanche")));
  });

  const decp: [string, string][] = [
    ["2026-01-15", "2026-03-15"],
    ["2025-12-31", "2026-02-28"],
    ["2027-12-31", "2028-02-29"],
    ["2026-06-30", "2026-08-30"],
  ];
  for (const [notified, deadline] of decp) {
    it(`DECP: notified ${notified} → publish by ${deadline} (2 months, date to date)`, () => {
      assert.equal(dateLimitePublicationDecp(notified).date.date, deadline);
    });
  }
  it("DECP of a modification says so", () => {
    assert.match(dateLimitePublicationDecp("2026-05-04", "modification").explication, /de la modification/);
  });
});

describe("timeline of legal dates", () => {
  const full: CalendrierInput = {
    procedure: "procedure-formalisee",
    dateEnvoiAvis: "2026-03-02",
    dateEnvoiNotificationRejet: "2026-04-20",
    dateSignature: "2026-05-04",
    dateNotification: "2026-05-06",
    datesNotificationModifications: ["2026-11-16"],
  };

  it("orders known and computed steps by date", () => {
    const result = construireCalendrier(full);
    assert.deepEqual(
      result.etapes.map((e) => [e.id, e.date, e.origine]),
      [
        ["envoi-avis", "2026-03-02", "connue"],
        ["reception-offres-au-plus-tot", "2026-04-01", "calculee"],
        ["envoi-notification-rejet", "2026-04-20", "connue"],
        ["fin-standstill", "2026-04-30", "calculee"],
        ["signature-au-plus-tot", "2026-05-01", "calculee"],
        ["signature", "2026-05-04", "connue"],
        ["notification", "2026-05-06", "connue"],
        ["avis-attribution-au-plus-tard", "2026-06-03", "calculee"],
        ["publication-decp-au-plus-tard", "2026-07-06", "calculee"],
        ["notification-modification-1", "2026-11-16", "connue"],
        ["publication-decp-modification-1", "2027-01-16", "calculee"],
      ],
    );
    assert.equal(result.dateReference, "2026-03-02");
    assert.ok(result.pointsDeVigilance.some((p) => p.startsWith("Signature possible à partir de") && p.includes("Fête du Travail")));
    assert.ok(result.pointsDeVigilance.some((p) => p.includes("16 janvier 2027 est un samedi")));
  });

  it("flags a signature before the end of the standstill", () => {
    const result = construireCalendrier({ ...full, dateSignature: "2026-04-30", dateNotification: "2026-05-04" });
    assert.ok(result.pointsDeVigilance.some((p) => p.includes("précède la fin du délai de suspension")));
  });

  it("MAPA: no receipt minimum, no standstill, no award notice", () => {
    const result = construireCalendrier({ ...full, procedure: "procedure-adaptee" });
    const ids = result.etapes.map((e) => e.id);
    assert.ok(!ids.includes("reception-offres-au-plus-tot"));
    assert.ok(!ids.includes("fin-standstill"));
    assert.ok(!ids.includes("avis-attribution-au-plus-tard"));
    assert.ok(ids.includes("publication-decp-au-plus-tard"));
  });

  it("works from a partial set of dates", () => {
    const result = construireCalendrier({ dateNotification: "2025-12-31", decpObligatoire: true });
    assert.deepEqual(
      result.etapes.map((e) => [e.id, e.date]),
      [
        ["notification", "2025-12-31"],
        ["publication-decp-au-plus-tard", "2026-02-28"],
      ],
    );
  });

  it("refuses dates out of order or missing, with paths", () => {
    assert.throws(
      () =>
        construireCalendrier({
          dateSignature: "2026-05-04",
          dateNotification: "2026-05-01",
          datesNotificationModifications: ["2026-04-01", "2026-02-30"],
        }),
      (e: unknown) => {
        if (!isDomainError(e) || e.kind !== "invalid-input") return false;
        const paths = e.issues.map((i) => i.path.join("."));
        return paths.includes("datesNotificationModifications.1");
      },
    );
    assert.throws(
      () => construireCalendrier({ dateSignature: "2026-05-04", dateNotification: "2026-05-01" }),
      (e: unknown) => isDomainError(e) && e.issues.some((i) => i.path[0] === "dateNotification"),
    );
    assert.throws(
      () => construireCalendrier({}),
      (e: unknown) => isDomainError(e) && e.code === "INVALID_INPUT",
    );
  });

  it("refuses a procedure launched outside the engine's coverage", () => {
    assert.throws(
      () => construireCalendrier({ dateEnvoiAvis: "2021-12-31" }),
      (e: unknown) => isDomainError(e) && e.code === "RULES_PERIOD_UNKNOWN",
    );
  });
});

describe("ranked alerts of the timeline (issue #7)", () => {
  const base: CalendrierInput = {
    procedure: "procedure-formalisee",
    dateEnvoiAvis: "2026-03-02",
    dateEnvoiNotificationRejet: "2026-04-20",
    dateSignature: "2026-05-04",
    dateNotification: "2026-05-06",
  };

  it("blocking first (early signature, deadline below the legal minimum), then information (non-working days)", () => {
    const result = construireCalendrier({
      ...base,
      dateLimiteReception: "2026-03-31",
      dateSignature: "2026-04-30",
      dateNotification: "2026-05-04",
    });
    assert.deepEqual(
      result.alertes.map((a) => a.niveau),
      ["bloquant", "bloquant", ...result.alertes.slice(2).map(() => "information")],
    );
    assert.match(
      result.pointsDeVigilance[0] ?? "",
      /^La date limite de réception du 31 mars 2026 est antérieure au minimum légal : .*30 jours au moins ; elle ne peut pas être fixée avant le 1er avril 2026 \(R2161-3 2°\)\.$/,
    );
    assert.match(result.pointsDeVigilance[1] ?? "", /^La signature du 30 avril 2026 précède la fin du délai de suspension/);
    assert.deepEqual(
      result.pointsDeVigilance,
      result.alertes.map((a) => a.message),
    );
    assert.ok(result.etapes.some((e) => e.type === "date-limite-reception" && e.origine === "connue"));
  });

  it("a deadline on the legal minimum or later is not flagged", () => {
    for (const date of ["2026-04-01", "2026-04-15"]) {
      const result = construireCalendrier({ ...base, dateLimiteReception: date });
      assert.ok(!result.alertes.some((a) => a.niveau === "bloquant"), date);
    }
  });

  it("says a non-working day once, with the next working day", () => {
    const result = construireCalendrier(base);
    const holiday = result.pointsDeVigilance.filter((p) => p.includes("Fête du Travail"));
    assert.deepEqual(holiday, [
      "Signature possible à partir de : le 1er mai 2026 est un jour férié (Fête du Travail) ; premier jour ouvré : lundi 4 mai 2026.",
    ]);
    for (const etape of result.etapes) assert.ok(etape.avertissements.length <= 1, etape.id);
    assert.deepEqual(result.etapes.find((e) => e.id === "signature-au-plus-tot")?.avertissements, [
      "Le 1er mai 2026 est un jour férié (Fête du Travail) ; premier jour ouvré : lundi 4 mai 2026.",
    ]);
  });

  it("refuses a deadline without the dispatch date, or before it, on its field", () => {
    assert.throws(
      () => construireCalendrier({ dateLimiteReception: "2026-04-01" }),
      (e: unknown) => isDomainError(e) && e.issues.some((i) => i.path[0] === "dateLimiteReception"),
    );
    assert.throws(
      () => construireCalendrier({ dateEnvoiAvis: "2026-03-02", dateLimiteReception: "2026-03-01" }),
      (e: unknown) => isDomainError(e) && e.issues.some((i) => i.path[0] === "dateLimiteReception" && /précéder/.test(i.message)),
    );
  });
});
