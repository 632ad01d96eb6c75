import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isDomainError } from "../commun/errors";
import type { Role, UserActor } from "../acces/roles";
import { FakeAuditLog } from "../testing/fakes";
import { agregatsVides, type Cible } from "./indicateurs";
import { filtreDe, fixerCible, lireIndicateurs } from "./pilotage.use-cases";
import type { FiltreIndicateurs, PilotageRepository } from "./ports";

const actor = (role: Role, directionId: string | null = null): UserActor => ({
  kind: "user",
  userId: "u",
  organisationId: "org",
  role,
  directionId,
  label: "x@demo.fr",
});

/** An in-memory repository that records the filter it was asked and returns fixed counts. */
function fakePilotage() {
  const demandes: FiltreIndicateurs[] = [];
  const cibles: (Cible & { organisationId: string })[] = [];
  const repo: PilotageRepository = {
    async agreger(_org, filtre) {
      demandes.push(filtre);
      return { ...agregatsVides(), nombreMarchesNotifies: 10, nombreMarchesPme: 6, nombreConsiderationSociale: 2 };
    },
    async repartir() {
      return [];
    },
    async marchesDerriere() {
      return { total: 0, marches: [] };
    },
    async cibles(org, annee) {
      return cibles.filter((c) => c.organisationId === org && c.annee === annee);
    },
    async fixerCible(org, cible) {
      const i = cibles.findIndex((c) => c.organisationId === org && c.annee === cible.annee && c.indicateur === cible.indicateur);
      if (i >= 0) cibles.splice(i, 1);
      cibles.push({ ...cible, organisationId: org });
    },
  };
  return { repo, demandes, cibles };
}

const code = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    if (isDomainError(e)) return e.code;
    throw e;
  }
  return undefined;
};

describe("filtreDe: the population within the actor's scope", () => {
  it("turns a year into its dates, all directions by default, no minimum amount", () => {
    assert.deepEqual(filtreDe(actor("lecteur"), { annee: 2026 }), {
      du: "2026-01-01",
      au: "2026-12-31",
      directionId: null,
      montantMinHtCents: 0,
      divisionCpv: null,
    });
  });
  it("gives a direction buyer its own direction, and refuses another one", () => {
    assert.equal(filtreDe(actor("acheteur", "d1"), { annee: 2026 }).directionId, "d1");
    assert.equal(filtreDe(actor("acheteur", "d1"), { annee: 2026, directionId: "d1" }).directionId, "d1");
    assert.equal(
      code(() => filtreDe(actor("acheteur", "d1"), { annee: 2026, directionId: "d2" })),
      "FORBIDDEN",
    );
  });
  it("refuses a company account and a period that ends before it starts", () => {
    assert.equal(
      code(() => filtreDe(actor("entreprise"), { annee: 2026 })),
      "FORBIDDEN",
    );
    assert.equal(
      code(() => filtreDe(actor("admin"), { du: "2026-05-01", au: "2026-04-30" })),
      "INVALID_INPUT",
    );
    assert.equal(
      code(() => filtreDe(actor("admin"), {})),
      "INVALID_INPUT",
    );
  });
});

describe("lireIndicateurs", () => {
  it("computes the shares and sets each one against the target of the year", async () => {
    const { repo } = fakePilotage();
    const audit = new FakeAuditLog();
    await fixerCible({ pilotage: repo, audit }, actor("acheteur-central"), "org", {
      indicateur: "partPmeNombre",
      annee: 2026,
      valeur: 0.5,
    });
    await fixerCible({ pilotage: repo, audit }, actor("admin"), "org", {
      indicateur: "partConsiderationSociale",
      annee: 2026,
      valeur: 0.3,
    });
    const t = await lireIndicateurs({ pilotage: repo }, actor("lecteur"), "org", { annee: 2026 });
    assert.equal(t.indicateurs.partPmeNombre.valeur, 0.6);
    assert.equal(t.indicateurs.partPmeNombre.etatCible, "atteinte");
    assert.equal(t.indicateurs.partConsiderationSociale.valeur, 0.2);
    assert.equal(t.indicateurs.partConsiderationSociale.etatCible, "non-atteinte");
    assert.equal(t.indicateurs.tauxOffreUnique.cible, null);
    assert.deepEqual(audit.types(), ["pilotage.cible-fixee", "pilotage.cible-fixee"]);
    const autreAnnee = await lireIndicateurs({ pilotage: repo }, actor("lecteur"), "org", { annee: 2025 });
    assert.equal(autreAnnee.indicateurs.partPmeNombre.cible, null);
  });

  it("asks the repository for the buyer's direction only", async () => {
    const { repo, demandes } = fakePilotage();
    await lireIndicateurs({ pilotage: repo }, actor("acheteur", "d7"), "org", { annee: 2026, montantMinHtCents: 4_000_000 });
    assert.deepEqual(demandes, [
      { du: "2026-01-01", au: "2026-12-31", directionId: "d7", montantMinHtCents: 4_000_000, divisionCpv: null },
    ]);
  });
});

describe("fixerCible", () => {
  it("is refused to a direction buyer and to a reader", async () => {
    const { repo } = fakePilotage();
    for (const role of ["acheteur", "lecteur", "entreprise"] as const) {
      await assert.rejects(
        fixerCible({ pilotage: repo, audit: new FakeAuditLog() }, actor(role, "d1"), "org", {
          indicateur: "partPmeNombre",
          annee: 2026,
          valeur: 0.5,
        }),
        (e) => isDomainError(e) && e.code === "FORBIDDEN",
      );
    }
  });
  it("refuses a share outside [0, 1] and a negative delay, naming the field", async () => {
    const { repo, cibles } = fakePilotage();
    const deps = { pilotage: repo, audit: new FakeAuditLog() };
    for (const input of [
      { indicateur: "partPmeNombre" as const, annee: 2026, valeur: 30 },
      { indicateur: "delaiMoyenPaiementJours" as const, annee: 2026, valeur: -1 },
    ]) {
      await assert.rejects(fixerCible(deps, actor("admin"), "org", input), (e) => isDomainError(e) && e.issues[0]?.path[0] === "valeur");
    }
    assert.equal(cibles.length, 0);
    assert.equal(deps.audit.events.length, 0);
  });
  it("replaces the target of the same indicator and year", async () => {
    const { repo, cibles } = fakePilotage();
    const deps = { pilotage: repo, audit: new FakeAuditLog() };
    await fixerCible(deps, actor("admin"), "org", { indicateur: "delaiMoyenPaiementJours", annee: 2026, valeur: 30 });
    await fixerCible(deps, actor("admin"), "org", { indicateur: "delaiMoyenPaiementJours", annee: 2026, valeur: 25 });
    assert.deepEqual(
      cibles.map((c) => c.valeur),
      [25],
    );
  });
});
