import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isDomainError } from "../commun/errors";
import { actorFor, buildUtilisateur, testId } from "../testing/factories";
import { FakeAuditLog, FakeClock, fakeIds } from "../testing/fakes";
import { FakeProgramme } from "../testing/programme";
import { fourchetteValeur, type LigneInput } from "./programme";
import { agregationProgramme, createFamille, createLigne, transitionLigne, updateLigne } from "./programme.use-cases";

const organisationId = testId();
const dirA = testId();
const dirB = testId();
const admin = actorFor(buildUtilisateur({ organisationId, role: "admin" }));
const central = actorFor(buildUtilisateur({ organisationId, role: "acheteur-central" }));
const acheteurA = actorFor(buildUtilisateur({ organisationId, role: "acheteur", directionId: dirA }));
const lecteur = actorFor(buildUtilisateur({ organisationId, role: "lecteur" }));

async function kit() {
  const deps = { programme: new FakeProgramme(), audit: new FakeAuditLog(), ids: fakeIds, clock: new FakeClock() };
  const famille = await createFamille(deps, admin, organisationId, {
    code: "f-info",
    libelle: "Matériel informatique",
    nature: "fournitures",
    prefixesCpv: ["302", "4800"],
    actif: true,
  });
  return { deps, famille };
}

const besoin = (overrides: Partial<LigneInput> = {}): LigneInput => ({
  annee: 2027,
  directionId: dirA,
  objet: "Ordinateurs portables des collèges",
  nature: "fournitures",
  cpv: "30213100-6",
  valeurEstimeeHtCents: 5_000_000,
  trimestre: 2,
  dureeMois: 12,
  renouvellement: false,
  ...overrides,
});

describe("programme: lines and workflow", () => {
  it("deduces the family from the CPV code and audits the creation", async () => {
    const { deps, famille } = await kit();
    const ligne = await createLigne(deps, acheteurA, organisationId, besoin());
    assert.equal(ligne.familleId, famille.id);
    assert.equal(ligne.statut, "brouillon");
    assert.deepEqual(deps.audit.types(), ["famille-achat.created", "ligne-programme.created"]);
  });

  it("reports every bad field at once", async () => {
    const { deps } = await kit();
    await assert.rejects(
      createLigne(
        deps,
        acheteurA,
        organisationId,
        besoin({ objet: "x", cpv: "45000000-7", trimestre: 5, dureeMois: 0, valeurEstimeeHtCents: 0 }),
      ),
      (e: unknown) =>
        isDomainError(e) &&
        ["objet", "cpv", "trimestre", "dureeMois", "valeurEstimeeHtCents"].every((f) => e.issues.some((i) => i.path[0] === f)),
    );
    await assert.rejects(
      createLigne(deps, acheteurA, organisationId, besoin({ nature: "travaux", cpv: "45214200-2" })),
      (e: unknown) => isDomainError(e) && e.issues.some((i) => i.path[0] === "operation"),
    );
  });

  it("keeps a direction buyer in its direction", async () => {
    const { deps } = await kit();
    await assert.rejects(
      createLigne(deps, acheteurA, organisationId, besoin({ directionId: dirB })),
      (e: unknown) => isDomainError(e) && e.code === "FORBIDDEN",
    );
    await assert.rejects(createLigne(deps, lecteur, organisationId, besoin()), (e: unknown) => isDomainError(e) && e.code === "FORBIDDEN");
  });

  it("goes draft → submitted → sent back → submitted → validated → published; refused transitions name the state", async () => {
    const { deps } = await kit();
    let l = await createLigne(deps, acheteurA, organisationId, besoin());
    await assert.rejects(
      transitionLigne(deps, central, organisationId, l.id, "valider", { version: l.version }),
      (e: unknown) => isDomainError(e) && e.code === "TRANSITION_REFUSED" && /Brouillon/.test(e.message),
    );
    l = await transitionLigne(deps, acheteurA, organisationId, l.id, "soumettre", { version: l.version });
    await assert.rejects(
      transitionLigne(deps, acheteurA, organisationId, l.id, "valider", { version: l.version }),
      (e: unknown) => isDomainError(e) && e.code === "FORBIDDEN",
    );
    await assert.rejects(
      transitionLigne(deps, central, organisationId, l.id, "renvoyer", { version: l.version }),
      (e: unknown) => isDomainError(e) && e.issues.some((i) => i.path[0] === "commentaire"),
    );
    l = await transitionLigne(deps, central, organisationId, l.id, "renvoyer", { version: l.version, commentaire: "Préciser la quantité" });
    assert.equal(l.commentaire, "Préciser la quantité");
    l = await updateLigne(deps, acheteurA, organisationId, l.id, {
      ...besoin({ objet: "Ordinateurs portables (120)" }),
      version: l.version,
    });
    l = await transitionLigne(deps, acheteurA, organisationId, l.id, "soumettre", { version: l.version });
    l = await transitionLigne(deps, central, organisationId, l.id, "valider", { version: l.version });
    await assert.rejects(
      updateLigne(deps, acheteurA, organisationId, l.id, { ...besoin(), version: l.version }),
      (e: unknown) => isDomainError(e) && e.code === "LINE_SEALED",
    );
    l = await transitionLigne(deps, central, organisationId, l.id, "publier", { version: l.version });
    assert.equal(l.statut, "publiee");
    assert.equal(l.familleProcedure, "sans-publicite-ni-mise-en-concurrence"); // 50 000 € < 60 000 € in 2027
    assert.deepEqual(deps.audit.types().slice(1), [
      "ligne-programme.created",
      "ligne-programme.submitted",
      "ligne-programme.sent-back",
      "ligne-programme.updated",
      "ligne-programme.submitted",
      "ligne-programme.validated",
      "ligne-programme.published",
    ]);
  });

  it("revises a validated line through a new version and keeps the history", async () => {
    const { deps } = await kit();
    let l = await createLigne(deps, acheteurA, organisationId, besoin());
    l = await transitionLigne(deps, acheteurA, organisationId, l.id, "soumettre", { version: l.version });
    l = await transitionLigne(deps, central, organisationId, l.id, "valider", { version: l.version });
    l = await transitionLigne(deps, acheteurA, organisationId, l.id, "reviser", { version: l.version });
    assert.equal(l.statut, "brouillon");
    assert.equal(l.numeroVersion, 2);
    assert.equal(deps.programme.versions.length, 1);
    assert.equal(deps.programme.versions[0]?.statut, "validee");
    assert.equal(deps.programme.versions[0]?.contenu.objet, "Ordinateurs portables des collèges");
  });

  it("refuses a stale version (conflict) and writes nothing", async () => {
    const { deps } = await kit();
    const l = await createLigne(deps, acheteurA, organisationId, besoin());
    await updateLigne(deps, acheteurA, organisationId, l.id, { ...besoin({ objet: "Premier" }), version: l.version });
    await assert.rejects(
      updateLigne(deps, acheteurA, organisationId, l.id, { ...besoin({ objet: "Second" }), version: l.version }),
      (e: unknown) => isDomainError(e) && e.code === "STALE_VERSION",
    );
    assert.equal(deps.programme.lignes.get(l.id)?.objet, "Premier");
  });
});

describe("programme: aggregation across directions", () => {
  it("raises the split-purchase alert on lines of one family each under the dispense threshold", async () => {
    const { deps } = await kit();
    const acheteurB = actorFor(buildUtilisateur({ organisationId, role: "acheteur", directionId: dirB }));
    await createLigne(deps, acheteurA, organisationId, besoin({ valeurEstimeeHtCents: 3_500_000 }));
    await createLigne(
      deps,
      acheteurB,
      organisationId,
      besoin({ directionId: dirB, objet: "Écrans", cpv: "30231300-0", valeurEstimeeHtCents: 3_500_000 }),
    );
    const agregation = await agregationProgramme(deps, central, organisationId, 2027);
    assert.equal(agregation.groupes.length, 1);
    assert.equal(agregation.alertes.length, 1);
    assert.equal(agregation.alertes[0]?.seuilFranchi?.cle, "DISPENSE_SUPPLIES_SERVICES");
    assert.equal(agregation.alertes[0]?.valeurAgregeeHtCents, 7_000_000);
    await assert.rejects(
      agregationProgramme(deps, acheteurA, organisationId, 2027),
      (e: unknown) => isDomainError(e) && e.code === "FORBIDDEN",
    );
  });
});

describe("fourchetteValeur", () => {
  const cas: [number, string][] = [
    [1, "moins de 40 000 € HT"],
    [3_999_999, "moins de 40 000 € HT"],
    [4_000_000, "de 40 000 à 90 000 € HT"],
    [9_000_000, "de 90 000 à 250 000 € HT"],
    [99_999_999, "de 250 000 € à 1 M€ HT"],
    [500_000_000, "5 M€ HT et plus"],
  ];
  for (const [cents, libelle] of cas) it(`${cents} → ${libelle}`, () => assert.equal(fourchetteValeur(cents).libelle, libelle));
});
