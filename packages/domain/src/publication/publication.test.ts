import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AUJOURDHUI_PUBLICATION, fixturesPublication, fixturesPublicationSaines } from "../testing/publication";
import { controlerPublication } from "./controle";
import { decoderCurseur, encoderCurseur } from "./curseur";
import { marcheDecp, versDecp } from "./decp";
import { versOcds } from "./ocds";
import { sourcePublicationEnMemoire } from "./source-memoire";
import type { MarchePourPublication } from "./types";

const OPTIONS = {
  prefixe: "ocds-test94",
  uri: "https://achats.valdemarne.fr/api/donnees-ouvertes/ocds.json",
  publie: "2026-11-30T12:00:00Z",
  editeur: { nom: "Département du Val-de-Marne", siret: "22940028800010" },
};

function parNumero(numero: string): MarchePourPublication {
  const m = fixturesPublication().marches.find((x) => x.numero === numero);
  assert.ok(m, numero);
  return m;
}

describe("publication : contrôle qualité des données essentielles", () => {
  const f = fixturesPublication();
  const resultat = controlerPublication(f.marches, AUJOURDHUI_PUBLICATION);

  it("names every bad record with its DECP field, and only those", () => {
    const vus: Record<string, string[]> = {};
    for (const p of resultat.problemes) {
      vus[p.numero] = [...(vus[p.numero] ?? []), p.champ];
    }
    for (const [numero, champs] of Object.entries(f.mauvais)) {
      for (const champ of champs)
        assert.ok(vus[numero]?.includes(champ), `${numero} : ${champ} attendu, vu ${JSON.stringify(vus[numero])}`);
    }
    assert.deepEqual(Object.keys(vus).sort(), Object.keys(f.mauvais).sort());
    assert.equal(resultat.conforme, false);
    for (const p of resultat.problemes) assert.ok(p.message.length > 10 && /[a-zé]/.test(p.message), p.message);
  });

  it("keeps records below the DECP threshold out of the export, as the engine says (R2196-1)", () => {
    assert.deepEqual(
      resultat.horsPerimetre.map((h) => h.numero),
      f.horsPerimetre,
    );
    assert.match(resultat.horsPerimetre[0]?.motif ?? "", /sous le seuil .*40\s000,00\s€/);
  });

  it("lists what is late to publish, with the engine's deadline, without blocking", () => {
    assert.deepEqual(resultat.aPublierEnRetard.map((r) => r.numero).sort(), f.enRetard.sort());
    // published late: listed with the delay, not blocking
    assert.deepEqual(resultat.publieesEnRetard.map((r) => r.numero).sort(), [...f.publieesEnRetard].sort());
    const x006 = resultat.publieesEnRetard.find((r) => r.numero === "2026-X006");
    assert.deepEqual(
      { evenement: x006?.evenement, datePublication: x006?.datePublication, dateLimite: x006?.dateLimite },
      { evenement: "notification", datePublication: "2026-04-15", dateLimite: "2026-03-12" },
    );
    assert.ok((x006?.joursDeRetard ?? 0) > 30);
    const d010 = resultat.aPublierEnRetard.find((r) => r.numero === "2026-D010");
    assert.equal(d010?.dateLimite, "2026-11-01");
    assert.equal(d010?.joursDeRetard, 29);
    assert.ok(d010?.fondements.some((x) => x.article === "R2196-1"));
    const sain = controlerPublication(fixturesPublicationSaines().marches, AUJOURDHUI_PUBLICATION);
    assert.equal(sain.conforme, true, JSON.stringify(sain.problemes));
    assert.equal(sain.aPublierEnRetard.length, 2);
  });

  const cas: { nom: string; modif: Partial<MarchePourPublication>; champ: string | null }[] = [
    { nom: "bon marché", modif: {}, champ: null },
    { nom: "CPV avec chiffre de contrôle juste", modif: { cpv: "77313000-7" }, champ: null },
    { nom: "CPV avec chiffre de contrôle faux", modif: { cpv: "77313000-1" }, champ: "codeCPV" },
    {
      nom: "sans publicité sous le seuil de dispense (60 000 € au 2026-04-01)",
      modif: {
        procedure: "Marché passé sans publicité ni mise en concurrence préalable",
        montantHtCents: 5_900_000,
        dateNotification: "2026-05-04",
        datePublicationDonnees: "2026-05-05",
      },
      champ: null,
    },
    {
      nom: "sans publicité à 59 000 € avant le 1er avril 2026 (seuil de 40 000 €)",
      modif: {
        procedure: "Marché passé sans publicité ni mise en concurrence préalable",
        montantHtCents: 5_900_000,
        dateNotification: "2026-03-02",
      },
      champ: "procedure",
    },
    { nom: "taux d'avance sans avance", modif: { tauxAvancePointsDeBase: 500 }, champ: "tauxAvance" },
    { nom: "publication avant la notification", modif: { datePublicationDonnees: "2026-03-01" }, champ: "datePublicationDonnees" },
    { nom: "publication le dernier jour", modif: { datePublicationDonnees: "2026-05-02" }, champ: null },
    { nom: "publication un jour trop tard : listée, pas bloquante", modif: { datePublicationDonnees: "2026-05-03" }, champ: null },
    {
      nom: "date hors de la période du moteur",
      modif: { dateNotification: "2019-03-01", datePublicationDonnees: "2019-03-02" },
      champ: "dateNotification",
    },
    { nom: "accord-cadre sans la technique", modif: { accordCadre: true }, champ: "techniques" },
    { nom: "lot sans procédure", modif: { lotNumero: 2 }, champ: "lot" },
    { nom: "aucun titulaire", modif: { titulaires: [] }, champ: "titulaires" },
  ];
  for (const c of cas) {
    it(`cas : ${c.nom}`, () => {
      const m = { ...parNumero("2026-X002"), cpv: "77313000", ...c.modif };
      const r = controlerPublication([m], AUJOURDHUI_PUBLICATION);
      if (c.champ === null) assert.deepEqual(r.problemes, []);
      else
        assert.ok(
          r.problemes.some((p) => p.champ === c.champ),
          JSON.stringify(r.problemes),
        );
    });
  }

  it("checks that modifications are numbered in notification order", () => {
    const base = parNumero("2025-0402");
    const m = { ...base, modifications: base.modifications.map((x, i) => ({ ...x, numero: i === 0 ? 2 : 1 })) };
    const r = controlerPublication([m], AUJOURDHUI_PUBLICATION);
    assert.ok(
      r.problemes.some((p) => p.champ === "modifications[1].modification.dateNotificationModification"),
      JSON.stringify(r.problemes),
    );
  });
});

describe("publication : DECP v2.0.3", () => {
  it("writes the exact nested shape of the schema", () => {
    const m = parNumero("2025-0102");
    const d = marcheDecp(m, "2026-11-30");
    assert.deepEqual(d.titulaires, [
      { titulaire: { typeIdentifiant: "SIRET", id: "90854228500014" } },
      { titulaire: { typeIdentifiant: "SIRET", id: "81881473300015" } },
    ]);
    assert.deepEqual(d.considerationsSociales, { considerationSociale: ["Clause sociale"] });
    assert.deepEqual(d.considerationsEnvironnementales, { considerationEnvironnementale: ["Critère environnemental"] });
    assert.deepEqual(d.techniques, { technique: ["Accord-cadre"] });
    assert.equal(d.montant, 400000);
    assert.equal(d.typeGroupementOperateurs, "Conjoint");
    assert.equal(d.ccag, "Fournitures courantes et services");
    assert.equal(d.datePublicationDonnees, "2026-01-10");
  });

  it("appends modifications with their new totals and dates the unpublished ones with the export date", () => {
    const d = marcheDecp(parNumero("2025-0402"), "2026-11-30");
    assert.deepEqual(d.modifications, [
      {
        modification: {
          id: 1,
          dateNotificationModification: "2026-02-02",
          datePublicationDonneesModification: "2026-02-20",
          montant: 891000,
        },
      },
      {
        modification: {
          id: 2,
          dateNotificationModification: "2026-10-05",
          datePublicationDonneesModification: "2026-11-30",
          dureeMois: 42,
          montant: 935000,
        },
      },
    ]);
    assert.equal(d.montant, 860000, "the initial amount is never overwritten");
  });

  it("writes the advance rate as a share, 0 meaning an advance of unknown rate", () => {
    assert.equal(marcheDecp(parNumero("2026-0211"), "2026-11-30").tauxAvance, 0.2);
    assert.equal(marcheDecp(parNumero("2026-D008"), "2026-11-30").tauxAvance, 0);
    assert.equal("tauxAvance" in marcheDecp(parNumero("2026-D006"), "2026-11-30"), false);
  });

  it("wraps the contracts in the envelope", () => {
    const doc = versDecp([parNumero("2026-D006")], "2026-11-30");
    assert.equal(doc.marches.marche.length, 1);
    assert.deepEqual(doc.marches.marche[0]?.considerationsSociales, { considerationSociale: ["Clause sociale", "Marché réservé"] });
  });
});

describe("publication : OCDS 1.1.5", () => {
  const f = fixturesPublicationSaines();
  const pkg = versOcds(f.procedures, f.marches, OPTIONS) as { releases: Record<string, unknown>[] };

  it("gives one release per procedure (drafts left out) and one per contract entered without procedure", () => {
    const ocids = pkg.releases.map((r) => r.ocid as string);
    assert.equal(new Set(ocids).size, ocids.length);
    assert.ok(ocids.includes(`ocds-test94-${f.procedures[0]?.id}`));
    assert.ok(!ocids.includes(`ocds-test94-${f.procedures[5]?.id}`), "draft procedure");
    const sansProcedure = f.marches.filter((m) => m.procedureId === null).length;
    assert.equal(pkg.releases.length, 6 + sansProcedure);
  });

  it("maps planning, tender, awards, contracts, amendments and transactions", () => {
    const r = pkg.releases.find((x) => x.ocid === `ocds-test94-${f.procedures[0]?.id}`) as Record<string, any>;
    assert.deepEqual(r.tag, ["planning", "tender", "award", "contract", "implementation", "contractAmendment"]);
    assert.equal(r.planning.budget.amount.amount, 1200000);
    assert.equal(r.tender.procurementMethod, "open");
    assert.equal(r.tender.items.length, 3);
    assert.equal(r.tender.numberOfTenderers, 4);
    assert.equal(r.awards.length, 3);
    assert.equal(r.contracts[0].amendments[0].id, "modification-1");
    assert.equal(r.contracts[0].value.amount, 430000);
    assert.equal(r.contracts[0].implementation.transactions.length, 2);
    assert.equal(r.date, "2026-06-05T00:00:00Z", "the latest date of the content, not the export's");
    const partiesAvecRole = (role: string) => r.parties.filter((p: any) => p.roles.includes(role)).length;
    assert.equal(partiesAvecRole("buyer"), 1);
    assert.equal(partiesAvecRole("supplier"), 4);
  });

  it("keeps release ids stable for the same content and changes them when the content changes", () => {
    const again = versOcds(f.procedures, f.marches, { ...OPTIONS, publie: "2027-01-01T00:00:00Z" }) as {
      releases: Record<string, unknown>[];
    };
    assert.deepEqual(
      again.releases.map((r) => r.id),
      pkg.releases.map((r) => r.id),
    );
    const changed = f.marches.map((m) => (m.numero === "2026-0304" ? { ...m, montantHtCents: m.montantHtCents + 100 } : m));
    const other = versOcds(f.procedures, changed, OPTIONS) as { releases: Record<string, unknown>[] };
    const differ = other.releases.filter((r, i) => r.id !== pkg.releases[i]?.id);
    assert.equal(differ.length, 1);
    assert.equal(differ[0]?.ocid, `ocds-test94-${f.procedures[2]?.id}`);
  });
});

describe("publication : fil des changements", () => {
  it("pages through every public object once, in order, with an opaque cursor", async () => {
    const f = fixturesPublication();
    const source = sourcePublicationEnMemoire(f);
    const vus: string[] = [];
    let depuis: string | null = null;
    for (let page = 0; page < 50; page++) {
      const p = await source.changements(f.organisationId, depuis, 7);
      vus.push(...p.changements.map((c) => `${c.type}:${c.id}`));
      if (p.changements.length === 0) break;
      depuis = p.suivant;
    }
    assert.equal(vus.length, f.marches.length + f.procedures.length - 1);
    assert.equal(new Set(vus).size, vus.length);
    const end = await source.changements(f.organisationId, depuis, 7);
    assert.deepEqual(end, { changements: [], suivant: depuis });
    assert.deepEqual((await source.changements("autre", null, 5)).changements, []);
  });

  it("refuses a forged cursor on the « depuis » field", () => {
    assert.throws(
      () => decoderCurseur("zz"),
      (e: any) => e.code === "CURSOR_INVALID" && e.issues[0].path[0] === "depuis",
    );
    assert.throws(() => decoderCurseur(encoderCurseur({ misAJourLe: "hier", type: "marche", id: "x" })), /curseur/);
    const p = { misAJourLe: "2026-11-30T10:00:00Z", type: "procedure" as const, id: "abc" };
    assert.deepEqual(decoderCurseur(encoderCurseur(p)), p);
  });
});
