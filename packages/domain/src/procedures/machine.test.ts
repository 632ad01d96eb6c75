import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ATTRIBUTION_NOTIFIEE, type AttributionNotifiee } from "../commun/attribution";
import { isDomainError } from "../commun/errors";
import { FakeOutbox } from "../testing/fakes";
import type { PublicationInput } from "../regles/publication";
import {
  assertModifiable,
  champsModifiables,
  cloturerReception,
  notifier,
  publier,
  TRANSITIONS_PROCEDURE,
  transitionProcedure,
  type ActionProcedure,
  type EtatProcedure,
} from "./machine";

const ETATS: EtatProcedure[] = ["brouillon", "publiee", "offres-recues", "analysee", "attribuee", "notifiee", "infructueuse", "abandonnee"];

const consultation: PublicationInput = {
  nature: "services",
  valeurEstimeeHtCents: 30_000_000,
  dateLancement: "2026-09-01",
  procedure: "Appel d'offres ouvert",
  dateLimiteReception: "2026-10-15",
  criteres: [
    { libelle: "Prix", poids: 60, environnemental: false, prix: true },
    { libelle: "Performance environnementale", poids: 40, environnemental: true, prix: false },
  ],
  conditionExecutionEnvironnementale: true,
  conditionExecutionSociale: true,
};

const attribution = (lotNumero: number): AttributionNotifiee => ({
  organisationId: "o",
  directionId: "d",
  procedureId: "p",
  lotNumero,
  numero: `2027-00${lotNumero}`,
  objet: "Nettoyage",
  nature: "services",
  cpv: "90911200-8",
  procedure: "Appel d'offres ouvert",
  titulaires: [{ siret: "73282932000074", nom: "Propreté 94", role: "titulaire", categorie: "pme" }],
  montantHtCents: 10_000_000,
  accordCadre: false,
  montantMinHtCents: null,
  montantMaxHtCents: null,
  dateNotification: "2026-12-01",
  dureeMois: 36,
  nombreOffres: 4,
  clauseSociale: true,
  heuresInsertionPrevues: 350,
  clauseEnvironnementale: true,
  marcheReserve: false,
  achatInnovant: false,
  lignesProgrammeIds: [],
});

describe("procedure state machine", () => {
  it("allows exactly the declared transitions, and names the state when it refuses", () => {
    for (const etat of ETATS) {
      for (const action of Object.keys(TRANSITIONS_PROCEDURE) as ActionProcedure[]) {
        const permis = TRANSITIONS_PROCEDURE[action].depuis.includes(etat);
        if (permis) assert.equal(transitionProcedure(etat, action), TRANSITIONS_PROCEDURE[action].vers);
        else
          assert.throws(
            () => transitionProcedure(etat, action),
            (e: unknown) => isDomainError(e) && e.code === "TRANSITION_REFUSED" && e.details.etat === etat,
          );
      }
    }
    assert.throws(() => transitionProcedure("notifiee", "abandonner"), /Notifiée/);
  });

  it("seals the fields of each state", () => {
    assert.ok(champsModifiables("brouillon").includes("criteres"));
    assert.deepEqual(champsModifiables("publiee"), ["dateLimiteReception", "offres"]);
    assert.deepEqual(champsModifiables("notifiee"), []);
    assert.throws(
      () => assertModifiable("publiee", ["criteres", "dateLimiteReception"]),
      (e: unknown) => isDomainError(e) && e.code === "FIELD_SEALED" && e.issues.length === 1 && e.issues[0]?.path[0] === "criteres",
    );
    assertModifiable("analysee", ["attribution"]);
  });

  it("publishes only what the rule book finds publishable (Climat duties from 2026-08-21, minimum delay)", () => {
    assert.equal(publier("brouillon", consultation).etat, "publiee");
    assert.throws(
      () => publier("brouillon", { ...consultation, conditionExecutionEnvironnementale: false }),
      (e: unknown) => isDomainError(e) && e.code === "PUBLICATION_REFUSED" && /L2112-2/.test(e.message),
    );
    assert.throws(() => publier("brouillon", { ...consultation, dateLimiteReception: "2026-09-20" }), /minimum légal/);
    assert.throws(
      () => publier("publiee", consultation),
      (e: unknown) => isDomainError(e) && e.code === "TRANSITION_REFUSED",
    );
  });

  it("makes a lot without tender unsuccessful, and the procedure when no lot has one", () => {
    assert.deepEqual(cloturerReception("publiee", new Map([[1, 3]]), [1, 2]), { etat: "offres-recues", lotsInfructueux: [2] });
    assert.deepEqual(cloturerReception("publiee", new Map(), [1, 2]), { etat: "infructueuse", lotsInfructueux: [1, 2] });
  });

  it("notifies: one outbox job procedures.attribution-notifiee per lot, nothing when the machine refuses", async () => {
    const outbox = new FakeOutbox();
    assert.equal(await notifier({ outbox }, "attribuee", [attribution(1), attribution(2)]), "notifiee");
    assert.deepEqual(
      outbox.jobs.map((j) => [j.job, j.payload.lotNumero, j.options.singletonKey]),
      [
        [ATTRIBUTION_NOTIFIEE, 1, "p:1"],
        [ATTRIBUTION_NOTIFIEE, 2, "p:2"],
      ],
    );
    const vide = new FakeOutbox();
    await assert.rejects(
      notifier({ outbox: vide }, "analysee", [attribution(1)]),
      (e: unknown) => isDomainError(e) && e.code === "TRANSITION_REFUSED",
    );
    assert.equal(vide.jobs.length, 0);
  });
});
