import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ATTRIBUTION_NOTIFIEE } from "../commun/attribution";
import { isDomainError } from "../commun/errors";
import type { LigneProgramme } from "../programme/programme";
import { actorFor, buildUtilisateur, testId, validSiret } from "../testing/factories";
import { FakeAuditLog, FakeClock, FakeOutbox, fakeIds } from "../testing/fakes";
import { FakeProcedures } from "../testing/procedures";
import { FakeProgramme } from "../testing/programme";
import { heuresInsertion } from "./clausier";
import {
  attribuerProcedure,
  calendrier,
  cloturerReceptionOffres,
  consultationsOuvertes,
  createClause,
  creerProcedure,
  modifierProcedure,
  notifierProcedure,
  publierProcedure,
  saisirOffre,
  terminerAnalyse,
  type CreationProcedure,
  type ProceduresDeps,
} from "./procedures.use-cases";

const organisationId = testId();
const dirA = testId();
const dirB = testId();
const central = actorFor(buildUtilisateur({ organisationId, role: "acheteur-central" }));
const acheteurA = actorFor(buildUtilisateur({ organisationId, role: "acheteur", directionId: dirA }));
const lecteur = actorFor(buildUtilisateur({ organisationId, role: "lecteur" }));

const code = (e: unknown) => (isDomainError(e) ? e.code : String(e));
const champs = (e: unknown) => (isDomainError(e) ? e.issues.map((i) => i.path.join(".")) : []);

function kit(now = "2026-09-01T08:00:00Z") {
  const programme = new FakeProgramme();
  const familleId = testId();
  programme.familles.set(familleId, {
    id: familleId,
    organisationId,
    code: "F-NET",
    libelle: "Nettoyage",
    nature: "services",
    prefixesCpv: ["909"],
    actif: true,
    version: 1,
  });
  const ligne = (overrides: Partial<LigneProgramme> = {}): LigneProgramme => {
    const l: LigneProgramme = {
      id: testId(),
      organisationId,
      annee: 2026,
      directionId: dirA,
      serviceId: null,
      objet: "Nettoyage des collèges",
      nature: "services",
      cpv: "90911200-8",
      familleId,
      operation: null,
      valeurEstimeeHtCents: 15_000_000,
      trimestre: 3,
      dureeMois: 36,
      renouvellement: true,
      clauseSociale: true,
      lotReserve: false,
      critereEnvironnemental: true,
      innovation: false,
      statut: "validee",
      commentaire: null,
      numeroVersion: 1,
      familleProcedure: null,
      version: 1,
      ...overrides,
    };
    programme.lignes.set(l.id, l);
    return l;
  };
  const deps: ProceduresDeps & { audit: FakeAuditLog; outbox: FakeOutbox; procedures: FakeProcedures } = {
    procedures: new FakeProcedures(),
    programme,
    audit: new FakeAuditLog(),
    ids: fakeIds,
    clock: new FakeClock(new Date(now)),
    outbox: new FakeOutbox(),
  };
  return { deps, ligne };
}

const creation = (overrides: Partial<CreationProcedure> = {}): CreationProcedure => ({
  annee: 2026,
  directionId: dirA,
  lignesProgrammeIds: [],
  motifHorsProgramme: null,
  clauseIds: [],
  objet: "Nettoyage des collèges",
  nature: "services",
  procedure: "Appel d'offres ouvert",
  justificationProcedure: null,
  publicite: null,
  criteres: [
    { libelle: "Prix", poids: 60, environnemental: false, prix: true },
    { libelle: "Performance environnementale", poids: 40, environnemental: true, prix: false },
  ],
  conditionExecutionSociale: true,
  conditionExecutionEnvironnementale: true,
  innovant: false,
  urlProfilAcheteur: "https://marches.example.fr/consultation/42",
  dureeMois: 36,
  dateLimiteReception: "2026-10-15",
  lots: [
    { objet: "Collèges du nord", cpv: "90911200-8", valeurEstimeeHtCents: 15_000_000, reserve: false, accordCadre: false },
    { objet: "Collèges du sud", cpv: "90911200-8", valeurEstimeeHtCents: 15_000_000, reserve: true, accordCadre: false },
  ],
  ...overrides,
});

describe("procedures: creation from the programme, or directly with a reason", () => {
  const cas: [string, (k: ReturnType<typeof kit>) => Partial<CreationProcedure>, string | null, string[]][] = [
    [
      "two validated lines of one family",
      (k) => ({ lignesProgrammeIds: [k.ligne().id, k.ligne({ directionId: dirA, statut: "publiee" }).id] }),
      null,
      [],
    ],
    ["a draft line", (k) => ({ lignesProgrammeIds: [k.ligne({ statut: "brouillon" }).id] }), "INVALID_INPUT", ["lignesProgrammeIds.0"]],
    [
      "lines of two families",
      (k) => ({ lignesProgrammeIds: [k.ligne().id, k.ligne({ familleId: null, cpv: "30213100-6", nature: "fournitures" }).id] }),
      "INVALID_INPUT",
      ["lignesProgrammeIds"],
    ],
    ["no line and no reason", () => ({}), "INVALID_INPUT", ["motifHorsProgramme"]],
    [
      "no line, with a reason",
      () => ({ motifHorsProgramme: "Besoin apparu après la clôture du programme (fermeture d'un site)." }),
      null,
      [],
    ],
    [
      "a stricter procedure than the value needs, without justification",
      () => ({
        motifHorsProgramme: "Besoin urgent non programmé cette année.",
        lots: [{ objet: "Lot unique", cpv: "90911200-8", valeurEstimeeHtCents: 5_000_000, reserve: false, accordCadre: false }],
      }),
      "INVALID_INPUT",
      ["justificationProcedure"],
    ],
    [
      "a MAPA above the EU threshold",
      () => ({ motifHorsProgramme: "Besoin urgent non programmé cette année.", procedure: "Procédure adaptée" }),
      "INVALID_INPUT",
      ["procedure"],
    ],
    [
      "bad lots and weights, all reported",
      () => ({
        motifHorsProgramme: "Besoin urgent non programmé cette année.",
        criteres: [{ libelle: "Prix", poids: 70, environnemental: false, prix: true }],
        lots: [{ objet: "x", cpv: "1234", valeurEstimeeHtCents: 0, reserve: false, accordCadre: false }],
        urlProfilAcheteur: "pas une adresse",
      }),
      "INVALID_INPUT",
      ["urlProfilAcheteur", "criteres", "lots.0.objet", "lots.0.cpv", "lots.0.valeurEstimeeHt"],
    ],
  ];
  for (const [nom, entree, attendu, chemins] of cas) {
    it(nom, async () => {
      const k = kit();
      const input = creation(entree(k));
      if (attendu === null) {
        const p = await creerProcedure(k.deps, acheteurA, organisationId, input);
        assert.equal(p.etat, "brouillon");
        assert.equal(p.publicite, "boamp-et-joue");
        assert.deepEqual(k.deps.audit.types(), ["procedure.created"]);
      } else {
        await assert.rejects(creerProcedure(k.deps, acheteurA, organisationId, input), (e: unknown) => {
          assert.equal(code(e), attendu);
          assert.deepEqual(champs(e), chemins);
          return true;
        });
      }
    });
  }

  it("refuses a line already engaged, another direction, and a reader", async () => {
    const k = kit();
    const l = k.ligne();
    await creerProcedure(k.deps, acheteurA, organisationId, creation({ lignesProgrammeIds: [l.id] }));
    await assert.rejects(creerProcedure(k.deps, central, organisationId, creation({ lignesProgrammeIds: [l.id] })), /déjà engagée/);
    await assert.rejects(
      creerProcedure(
        k.deps,
        acheteurA,
        organisationId,
        creation({ directionId: dirB, motifHorsProgramme: "Besoin non programmé du tout." }),
      ),
      (e: unknown) => code(e) === "FORBIDDEN",
    );
    await assert.rejects(creerProcedure(k.deps, lecteur, organisationId, creation()), (e: unknown) => code(e) === "FORBIDDEN");
  });
});

describe("procedures: from publication to notification", () => {
  async function publiee(k = kit()) {
    const p = await creerProcedure(k.deps, acheteurA, organisationId, creation({ lignesProgrammeIds: [k.ligne().id] }));
    const { procedure } = await publierProcedure(k.deps, acheteurA, organisationId, p.id, { version: p.version });
    return { k, p: procedure };
  }

  const refus: [string, Partial<CreationProcedure>, RegExp][] = [
    ["no environmental consideration after 2026-08-21 (Climat)", { conditionExecutionEnvironnementale: false }, /L2112-2/],
    [
      "no environmental criterion",
      {
        criteres: [
          { libelle: "Prix", poids: 60, environnemental: false, prix: true },
          { libelle: "Valeur technique", poids: 40, environnemental: false, prix: false },
        ],
      },
      /L2152-7/,
    ],
    ["a tender deadline below the legal minimum", { dateLimiteReception: "2026-09-20" }, /minimum légal/],
  ];
  for (const [nom, entree, motif] of refus) {
    it(`refuses to publish with ${nom}`, async () => {
      const k = kit();
      const p = await creerProcedure(
        k.deps,
        acheteurA,
        organisationId,
        creation({ motifHorsProgramme: "Besoin non programmé du tout.", ...entree }),
      );
      await assert.rejects(publierProcedure(k.deps, acheteurA, organisationId, p.id, { version: p.version }), (e: unknown) => {
        assert.match(isDomainError(e) ? e.message : "", motif);
        return code(e) === "PUBLICATION_REFUSED";
      });
      assert.equal((await k.deps.procedures.get(p.id, organisationId, { kind: "all" }))?.etat, "brouillon");
    });
  }

  it("seals the fields of a published consultation, lets the deadline move, refuses a stale version", async () => {
    const { k, p } = await publiee();
    assert.equal(p.etat, "publiee");
    assert.equal(p.datePublication, "2026-09-01");
    const contenu = { ...creation(), clauseIds: [], version: p.version };
    await assert.rejects(
      modifierProcedure(k.deps, acheteurA, organisationId, p.id, {
        ...contenu,
        criteres: [{ libelle: "Prix", poids: 100, environnemental: false, prix: true }],
      }),
      (e: unknown) => code(e) === "FIELD_SEALED" && /Publiée/.test((e as Error).message),
    );
    const reportee = await modifierProcedure(k.deps, acheteurA, organisationId, p.id, { ...contenu, dateLimiteReception: "2026-10-20" });
    assert.equal(reportee.dateLimiteReception, "2026-10-20");
    await assert.rejects(
      modifierProcedure(k.deps, acheteurA, organisationId, p.id, { ...contenu, dateLimiteReception: "2026-10-22" }),
      (e: unknown) => code(e) === "STALE_VERSION",
    );
    assert.equal((await consultationsOuvertes(k.deps)).length, 1);
  });

  it("takes tenders (SIRET checked), makes a lot without tender unsuccessful, awards with the CAO, notifies one job per lot", async () => {
    const { k, p } = await publiee();
    await assert.rejects(
      saisirOffre(k.deps, acheteurA, organisationId, p.id, 1, {
        siret: "12345678901234",
        nom: "X",
        categorie: "pme",
        localisation: null,
        membres: [],
        prixHtCents: 1,
        version: p.version,
      }),
      (e: unknown) => code(e) === "INVALID_INPUT" && champs(e).includes("siret"),
    );
    let v = await saisirOffre(k.deps, acheteurA, organisationId, p.id, 1, {
      siret: validSiret(73282932),
      nom: "Propreté 94",
      categorie: "pme",
      localisation: "Créteil",
      membres: [{ siret: validSiret(4411), nom: "Insertion Services" }],
      prixHtCents: 14_000_000,
      version: p.version,
    });
    v = await saisirOffre(k.deps, acheteurA, organisationId, p.id, 1, {
      siret: validSiret(5522),
      nom: "Net Pro",
      categorie: "ge",
      localisation: "Paris",
      membres: [],
      prixHtCents: 13_000_000,
      version: v.version,
    });
    v = await cloturerReceptionOffres(k.deps, acheteurA, organisationId, p.id, { version: v.version });
    assert.equal(v.etat, "offres-recues");
    assert.deepEqual(
      v.lots.map((l) => l.infructueux),
      [false, true],
    );
    v = await terminerAnalyse(k.deps, acheteurA, organisationId, p.id, { version: v.version });
    const retenue = v.lots[0]?.offres[0]?.id ?? "";
    const autre = v.lots[0]?.offres[1]?.id ?? "";
    const attribution = {
      version: v.version,
      dateAttribution: "2026-11-02",
      dateSeanceCao: "2026-10-28",
      lots: [{ numero: 1, offreIds: [retenue] }],
    };
    await assert.rejects(
      attribuerProcedure(k.deps, acheteurA, organisationId, p.id, { ...attribution, dateSeanceCao: null }),
      (e: unknown) => champs(e).includes("dateSeanceCao"),
    );
    await assert.rejects(
      attribuerProcedure(k.deps, acheteurA, organisationId, p.id, { ...attribution, lots: [{ numero: 1, offreIds: [retenue, autre] }] }),
      (e: unknown) => isDomainError(e) && /accord-cadre/.test(e.issues[0]?.message ?? ""),
    );
    v = await attribuerProcedure(k.deps, acheteurA, organisationId, p.id, attribution);
    assert.equal(v.etat, "attribuee");
    await assert.rejects(
      notifierProcedure(k.deps, acheteurA, organisationId, p.id, {
        version: v.version,
        dateSignature: "2026-11-05",
        dateNotification: "2026-11-06",
      }),
      (e: unknown) => code(e) === "DATES_REFUSED" && champs(e).includes("dateSignature"),
    );
    assert.equal(k.deps.outbox.jobs.length, 0);
    v = await notifierProcedure(k.deps, acheteurA, organisationId, p.id, {
      version: v.version,
      dateSignature: "2026-11-20",
      dateNotification: "2026-11-23",
    });
    assert.equal(v.etat, "notifiee");
    assert.deepEqual(
      k.deps.outbox.jobs.map((j) => [
        j.job,
        j.payload.lotNumero,
        j.payload.nombreOffres,
        (j.payload.titulaires as { role: string }[]).map((t) => t.role),
      ]),
      [[ATTRIBUTION_NOTIFIEE, 1, 2, ["mandataire", "cotraitant"]]],
    );
    const etapes = calendrier(v).etapes.map((e) => e.id);
    for (const id of [
      "envoi-avis",
      "date-limite-reception",
      "seance-cao",
      "fin-standstill",
      "signature",
      "notification",
      "avis-attribution-au-plus-tard",
    ])
      assert.ok(etapes.includes(id), id);
    await assert.rejects(
      notifierProcedure(k.deps, acheteurA, organisationId, p.id, {
        version: v.version,
        dateSignature: "2026-11-20",
        dateNotification: "2026-11-23",
      }),
      (e: unknown) => code(e) === "TRANSITION_REFUSED",
    );
    assert.deepEqual(k.deps.audit.types().slice(-2), ["procedure.awarded", "procedure.notified"]);
  });

  it("makes the procedure unsuccessful when no lot has a tender", async () => {
    const { k, p } = await publiee();
    const v = await cloturerReceptionOffres(k.deps, acheteurA, organisationId, p.id, { version: p.version });
    assert.equal(v.etat, "infructueuse");
    assert.equal(k.deps.audit.types().at(-1), "procedure.unsuccessful");
  });
});

describe("procedures: clause library", () => {
  it("is kept by the procurement directorate; a pick is recorded and sets the duties and insertion hours", async () => {
    const k = kit();
    const formule = { partMainOeuvrePct: 40, tauxInsertionPct: 5, coutHoraireCents: 3_500 };
    await assert.rejects(
      createClause(k.deps, acheteurA, organisationId, {
        type: "sociale",
        usage: "condition-execution",
        titre: "Insertion",
        texte: "Clause d'insertion par l'activité économique.",
        formuleHeures: formule,
        actif: true,
      }),
      (e: unknown) => code(e) === "FORBIDDEN",
    );
    const sociale = await createClause(k.deps, central, organisationId, {
      type: "sociale",
      usage: "condition-execution",
      titre: "Insertion par l'activité économique",
      texte: "Le titulaire réserve des heures de travail à des personnes en insertion.",
      formuleHeures: formule,
      actif: true,
    });
    const env = await createClause(k.deps, central, organisationId, {
      type: "environnementale",
      usage: "condition-execution",
      titre: "Produits écolabellisés",
      texte: "Les produits d'entretien portent l'écolabel européen.",
      formuleHeures: null,
      actif: true,
    });
    const p = await creerProcedure(
      k.deps,
      acheteurA,
      organisationId,
      creation({
        motifHorsProgramme: "Besoin non programmé du tout.",
        conditionExecutionEnvironnementale: false,
        conditionExecutionSociale: false,
        clauseIds: [sociale.id, env.id],
      }),
    );
    assert.equal(p.conditionExecutionEnvironnementale, true);
    assert.equal(p.heuresInsertionPrevues, heuresInsertion(30_000_000, formule));
    assert.equal(p.heuresInsertionPrevues, 171); // 300 000 € × 40 % × 5 % ÷ 35 €
    assert.deepEqual(
      p.clauses.map((c) => [c.clauseId, c.choisiePar]),
      [
        [sociale.id, acheteurA.label],
        [env.id, acheteurA.label],
      ],
    );
    assert.deepEqual(k.deps.audit.types().slice(-2), ["procedure.created", "procedure.clauses-choisies"]);
  });
});
