import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isDomainError, type Issue } from "../commun/errors";
import type { Membre } from "../entreprises/entreprise";
import type { MembreRepository } from "../entreprises/ports";
import { fourchetteValeur } from "../programme/programme";
import { actorFor, buildUtilisateur } from "../testing/factories";
import { FakeAuditLog, FakeClock, fakeIds } from "../testing/fakes";
import type { ConsultationOuverte, RechercheRepository, Signataire } from "./ports";
import {
  composerSynthese,
  creerRecherche,
  desabonner,
  jetonDesabonnement,
  jetonFlux,
  listerRecherches,
  rechercheDuFlux,
  renouvelerFlux,
  supprimerRecherche,
  type SourcesVeille,
} from "./recherches.use-cases";
import { correspond, validerCriteres, type CriteresVeille, type ElementVeille, type RechercheEnregistree } from "./veille";

class FakeRecherches implements RechercheRepository {
  readonly rows = new Map<string, RechercheEnregistree>();
  readonly sent = new Set<string>();
  comptes = new Map<string, { email: string; actif: boolean; organisationId: string }>();
  async insert(r: RechercheEnregistree) {
    this.rows.set(r.id, { ...r });
  }
  async get(id: string) {
    const r = this.rows.get(id);
    return r ? { ...r } : null;
  }
  getForUpdate = this.get;
  async deEntreprise(entrepriseId: string) {
    return [...this.rows.values()].filter((r) => r.entrepriseId === entrepriseId);
  }
  async update(r: RechercheEnregistree, expected: number) {
    if (this.rows.get(r.id)?.version !== expected) return false;
    this.rows.set(r.id, { ...r });
    return true;
  }
  async delete(id: string) {
    this.rows.delete(id);
  }
  async alertesActives() {
    return [...this.rows.values()].filter((r) => r.alertesActives).map((r) => r.id);
  }
  async destinataire(id: string) {
    return this.comptes.get(id) ?? null;
  }
  async envoyes(rechercheId: string) {
    return new Set([...this.sent].filter((k) => k.startsWith(`${rechercheId}|`)).map((k) => k.split("|")[1] ?? ""));
  }
  async marquerEnvoyes(rechercheId: string, cles: string[]) {
    const inserted = cles.filter((c) => !this.sent.has(`${rechercheId}|${c}`));
    for (const c of inserted) this.sent.add(`${rechercheId}|${c}`);
    return inserted;
  }
}

class FakeMembres implements MembreRepository {
  constructor(private readonly membres: Membre[]) {}
  async deUtilisateur(id: string) {
    return this.membres.find((m) => m.utilisateurId === id) ?? null;
  }
  async ajouter() {}
  async lister() {
    return [];
  }
}

const signataire: Signataire = { signer: async (m) => `sig(${m})`.replace(/[^a-z0-9]/gi, "_") };

function ligne(id: string, over: Partial<ElementVeille> = {}): ElementVeille {
  return {
    type: "ligne",
    id,
    titre: "Entretien des espaces verts des collèges",
    description: "Direction des bâtiments",
    cpv: ["77310000-6"],
    fourchette: fourchetteValeur(12_000_000),
    departement: "94",
    publieLe: new Date("2026-05-01T00:00:00Z"),
    dateLimite: null,
    lien: `/programme-public/${id}`,
    ...over,
  };
}

const TOUT: CriteresVeille = { prefixesCpv: [], motsCles: [], departement: null, montantMinHtCents: null, montantMaxHtCents: null };

describe("portail : correspondance d'un élément et d'une recherche", () => {
  const cas: [string, Partial<CriteresVeille>, Partial<ElementVeille>, boolean][] = [
    ["no criterion", {}, {}, true],
    ["CPV prefix matches", { prefixesCpv: ["7731"] }, {}, true],
    ["CPV prefix of another division", { prefixesCpv: ["45"] }, {}, false],
    ["CPV of a lot matches", { prefixesCpv: ["45"] }, { cpv: ["77310000-6", "45210000-2"] }, true],
    ["keyword, accents and case ignored", { motsCles: ["COLLEGES", "entretien"] }, {}, true],
    ["every keyword required", { motsCles: ["colleges", "piscine"] }, {}, false],
    ["département of the item", { departement: "93" }, {}, false],
    ["same département", { departement: "94" }, {}, true],
    ["range below the minimum", { montantMinHtCents: 25_000_000 }, {}, false],
    ["range above the maximum", { montantMaxHtCents: 8_000_000 }, {}, false],
    ["range overlaps (never the exact value)", { montantMinHtCents: 20_000_000, montantMaxHtCents: 21_000_000 }, {}, true],
    ["unknown amount kept", { montantMaxHtCents: 1 }, { fourchette: null }, true],
  ];
  for (const [nom, criteres, element, attendu] of cas) {
    it(nom, () => assert.equal(correspond(ligne("l", element), { ...TOUT, ...criteres }), attendu));
  }

  it("names every bad criterion by its field", () => {
    try {
      const issues: Issue[] = [];
      validerCriteres({ prefixesCpv: ["7", "45a"], departement: "99", montantMinHtCents: 5, montantMaxHtCents: 2 }, issues);
      assert.deepEqual(
        issues.map((i) => i.path.join(".")),
        ["prefixesCpv.0", "prefixesCpv.1", "departement", "montantMaxHtCents"],
      );
    } catch (e) {
      assert.fail(String(e));
    }
  });
});

describe("portail : recherches enregistrées, synthèses, jetons", () => {
  function monde() {
    const alpha = buildUtilisateur({ role: "entreprise" });
    const beta = buildUtilisateur({ role: "entreprise" });
    const recherches = new FakeRecherches();
    recherches.comptes.set(alpha.id, { email: alpha.email, actif: true, organisationId: alpha.organisationId });
    const deps = {
      recherches,
      membres: new FakeMembres([
        { utilisateurId: alpha.id, entrepriseId: "ent-alpha", administrateur: true },
        { utilisateurId: beta.id, entrepriseId: "ent-beta", administrateur: true },
      ]),
      audit: new FakeAuditLog(),
      clock: new FakeClock(),
      ids: fakeIds,
    };
    let lignes = [ligne("l1"), ligne("l2", { cpv: ["45210000-2"] })];
    const consultations: ConsultationOuverte[] = [
      {
        id: "c1",
        objet: "Entretien des parcs départementaux",
        lots: [{ numero: 1, objet: "Tonte", cpv: "77311000-3" }],
        cpv: "77310000-6",
        procedure: "appel d'offres ouvert",
        dateLimiteReception: "2026-06-20T12:00:00Z",
        direction: "DEJ",
        urlProfilAcheteur: "https://profil.exemple.fr/c1",
      },
    ];
    const sources: SourcesVeille = {
      lignes: { lignesPubliees: async () => lignes },
      consultations: { lister: async () => consultations },
      departement: "94",
    };
    return { alpha: actorFor(alpha), beta: actorFor(beta), deps, sources, ajouter: (l: ElementVeille) => (lignes = [...lignes, l]) };
  }

  it("sends each matching item once per search, then only the new ones", async () => {
    const { alpha, deps, sources, ajouter } = monde();
    const r = await creerRecherche(deps, alpha, { nom: "Espaces verts", frequence: "quotidienne", prefixesCpv: ["773"] });
    const premiere = await composerSynthese(deps, sources, r.id);
    assert.deepEqual(premiere?.elements.map((e) => e.id).sort(), ["c1", "l1"]);
    assert.equal(await composerSynthese(deps, sources, r.id), null, "nothing new: no mail");
    ajouter(ligne("l3", { publieLe: new Date("2026-05-20T00:00:00Z") }));
    assert.deepEqual(
      (await composerSynthese(deps, sources, r.id))?.elements.map((e) => e.id),
      ["l3"],
    );
  });

  it("hides a company's searches from another company, and refuses changes to them", async () => {
    const { alpha, beta, deps } = monde();
    const r = await creerRecherche(deps, alpha, { nom: "Travaux", frequence: "hebdomadaire", motsCles: "toiture" });
    assert.deepEqual(await listerRecherches(deps, beta), []);
    await assert.rejects(supprimerRecherche(deps, beta, r.id), (e) => isDomainError(e) && e.kind === "not-found");
    await assert.rejects(renouvelerFlux(deps, beta, r.id, true), (e) => isDomainError(e) && e.kind === "not-found");
    assert.equal((await listerRecherches(deps, alpha)).length, 1);
  });

  it("revokes the previous feed address when renewed, and every address when revoked", async () => {
    const { alpha, deps } = monde();
    const r = await creerRecherche(deps, alpha, { nom: "Travaux", frequence: "quotidienne" });
    const ancien = await jetonFlux(signataire, r);
    assert.equal((await rechercheDuFlux({ ...deps, signataire }, ancien)).id, r.id);
    const renouvelee = await renouvelerFlux(deps, alpha, r.id, true);
    await assert.rejects(rechercheDuFlux({ ...deps, signataire }, ancien), (e) => isDomainError(e) && e.code === "LINK_INVALID");
    const nouveau = await jetonFlux(signataire, renouvelee);
    assert.equal((await rechercheDuFlux({ ...deps, signataire }, nouveau)).id, r.id);
    await renouvelerFlux(deps, alpha, r.id, false);
    await assert.rejects(rechercheDuFlux({ ...deps, signataire }, nouveau));
    await assert.rejects(rechercheDuFlux({ ...deps, signataire }, `${r.id}.faux`));
  });

  it("unsubscribes with the signed link only; no more digest after it", async () => {
    const { alpha, deps, sources } = monde();
    const r = await creerRecherche(deps, alpha, { nom: "Espaces verts", frequence: "quotidienne" });
    await assert.rejects(desabonner({ ...deps, signataire }, `${r.id}.falsifie`), (e) => isDomainError(e) && e.code === "LINK_INVALID");
    const jeton = await jetonDesabonnement(signataire, r.id);
    assert.deepEqual(await desabonner({ ...deps, signataire }, jeton), { nom: "Espaces verts" });
    assert.deepEqual(await desabonner({ ...deps, signataire }, jeton), { nom: "Espaces verts" }, "idempotent");
    assert.equal(await composerSynthese(deps, sources, r.id), null);
    assert.equal(deps.audit.types().filter((t) => t === "recherche.unsubscribed").length, 1);
  });
});
