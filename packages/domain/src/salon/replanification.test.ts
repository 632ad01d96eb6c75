import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isDomainError } from "../commun/errors";
import { genererInstance } from "./generateur";
import { construireModele, rendezVousDe, violations } from "./modele";
import { planifier } from "./planificateur";
import { replanifier, type RendezVousPrecedent } from "./replanification";
import type { InstanceSalon, RendezVous } from "./types";
import { validerInstance } from "./validation";

const cle = (r: { entreprise: string; acheteur: string }) => `${r.entreprise}/${r.acheteur}`;

/** A fresh plan of a generated fair, every other meeting confirmed. */
function salonPlanifie(graine: number): { instance: InstanceSalon; plan: RendezVousPrecedent[] } {
  const instance = genererInstance({ entreprises: 60, graine });
  const modele = construireModele(validerInstance(instance).instance);
  const plan = rendezVousDe(modele, planifier(modele, { iterations: 100 }).creneauDe).map((r, i) => ({ ...r, confirme: i % 2 === 0 }));
  return { instance, plan };
}

/** Every previous meeting is accounted for exactly once: unchanged, moved or removed. */
function verifierBilan(plan: RendezVousPrecedent[], resultat: ReturnType<typeof replanifier>): void {
  const apres = new Map(resultat.rendezVous.map((r) => [cle(r), r.creneau]));
  const deplaces = new Map(resultat.deplaces.map((d) => [cle(d), d]));
  const retires = new Set(resultat.retires.map(cle));
  let inchanges = 0;
  for (const rdv of plan) {
    const k = cle(rdv);
    const comptes = [apres.get(k) === rdv.creneau, deplaces.has(k), retires.has(k)].filter(Boolean).length;
    assert.equal(comptes, 1, `${k} : ${comptes}`);
    if (apres.get(k) === rdv.creneau) inchanges++;
    if (deplaces.has(k)) assert.equal(deplaces.get(k)?.vers, apres.get(k));
  }
  assert.equal(resultat.inchanges, inchanges);
  const avant = new Set(plan.map(cle));
  assert.deepEqual(
    resultat.ajoutes.map(cle).sort(),
    resultat.rendezVous
      .filter((r) => !avant.has(cle(r)))
      .map(cle)
      .sort(),
  );
  const modele = construireModele(resultat.instance);
  const creneauDe = new Int32Array(modele.R).fill(-1);
  for (const r of resultat.rendezVous) {
    creneauDe[modele.indexDemande.get(`${r.entreprise}\u0000${r.acheteur}`) as number] = modele.indexCreneau.get(r.creneau) as number;
  }
  assert.deepEqual(violations(modele, creneauDe), []);
}

describe("re-planning after late changes", () => {
  it("keeps every confirmed meeting in its slot, reports cancellations, and places the new requests (5 seeds)", () => {
    for (let graine = 1; graine <= 5; graine++) {
      const { instance, plan } = salonPlanifie(graine);
      const annulee = plan[1]?.entreprise as string; // a company whose first meeting was not confirmed
      const nouvelle = instance.entreprises.at(-1)?.id as string;
      const dejaDemandes = new Set(instance.demandes.filter((d) => d.entreprise === nouvelle).map((d) => d.acheteur));
      const ajouts = instance.acheteurs
        .filter((a) => !dejaDemandes.has(a.id))
        .slice(0, 2)
        .map((a) => ({ entreprise: nouvelle, acheteur: a.id, priorite: 1 as const }));
      const retrait = instance.demandes.find((d) => d.entreprise !== annulee && plan.some((r) => cle(r) === cle(d)));
      const resultat = replanifier({
        instance,
        plan,
        changements: {
          annulerEntreprises: [annulee],
          annulerDemandes: retrait ? [{ entreprise: retrait.entreprise, acheteur: retrait.acheteur }] : [],
          ajouterDemandes: ajouts,
        },
      });
      verifierBilan(plan, resultat);
      const apres = new Map(resultat.rendezVous.map((r) => [cle(r), r.creneau]));
      for (const rdv of plan.filter((r) => r.confirme && r.entreprise !== annulee && cle(r) !== (retrait && cle(retrait)))) {
        assert.equal(apres.get(cle(rdv)), rdv.creneau, `confirmé ${cle(rdv)} (graine ${graine})`);
      }
      assert.ok(resultat.deplaces.every((d) => !d.confirme));
      for (const r of resultat.retires) {
        const annulation = r.entreprise === annulee || (retrait !== undefined && cle(r) === cle(retrait));
        assert.equal(r.motif, annulation ? "annulation" : "replanification", cle(r));
        if (!annulation) assert.equal(r.confirme, false);
      }
      assert.ok(!resultat.rendezVous.some((r) => r.entreprise === annulee));
    }
  });

  it("moves a confirmed meeting only when the organiser allows it, to serve a new company", () => {
    // A has two slots; E1 (confirmed) sits at 09h00, the only slot where the newcomer E2 is present.
    const instance: InstanceSalon = {
      creneaux: ["09h00", "09h20"],
      entreprises: [
        { id: "E1", disponibilites: ["09h00", "09h20"] },
        { id: "E2", disponibilites: ["09h00"] },
      ],
      acheteurs: [{ id: "A", disponibilites: ["09h00", "09h20"] }],
      demandes: [{ entreprise: "E1", acheteur: "A", priorite: 1 }],
    };
    const plan: RendezVousPrecedent[] = [{ entreprise: "E1", acheteur: "A", creneau: "09h00", confirme: true }];
    const changements = { ajouterDemandes: [{ entreprise: "E2", acheteur: "A", priorite: 2 as const }] };

    const fige = replanifier({ instance, plan, changements });
    assert.deepEqual(fige.rendezVous, [{ entreprise: "E1", acheteur: "A", creneau: "09h00" }]);
    assert.equal(fige.entreprisesServies, 1);

    const souple = replanifier({ instance, plan, changements, autoriserDeplacements: true });
    const parCle = (rs: RendezVous[]) => Object.fromEntries(rs.map((r) => [cle(r), r.creneau]));
    assert.deepEqual(parCle(souple.rendezVous), { "E1/A": "09h20", "E2/A": "09h00" });
    assert.deepEqual(souple.deplaces, [{ entreprise: "E1", acheteur: "A", de: "09h00", vers: "09h20", confirme: true }]);
    assert.deepEqual(souple.ajoutes, [{ entreprise: "E2", acheteur: "A", creneau: "09h00" }]);
    assert.equal(souple.inchanges, 0);
  });

  it("keeps confirmed meetings in the plan even when moves are allowed", () => {
    const { instance, plan } = salonPlanifie(9);
    const resultat = replanifier({
      instance,
      plan,
      changements: { annulerAcheteurs: [instance.acheteurs[0]?.id as string] },
      autoriserDeplacements: true,
    });
    verifierBilan(plan, resultat);
    const apres = new Set(resultat.rendezVous.map(cle));
    const annule = instance.acheteurs[0]?.id;
    for (const rdv of plan.filter((r) => r.confirme && r.acheteur !== annule)) assert.ok(apres.has(cle(rdv)), cle(rdv));
  });

  it("does not move meetings for a change that concerns nobody else", () => {
    const { instance, plan } = salonPlanifie(4);
    const resultat = replanifier({ instance, plan, changements: {} });
    assert.equal(resultat.deplaces.length, 0);
    assert.equal(resultat.retires.length, 0);
    assert.equal(resultat.inchanges, plan.length);
  });

  it("names every problem of the previous plan and of the changes", () => {
    const { instance, plan } = salonPlanifie(2);
    const premier = plan[0] as RendezVousPrecedent;
    try {
      replanifier({
        instance,
        plan: [...plan, { ...premier }, { entreprise: "E9999", acheteur: "A001", creneau: "09h00" }],
        changements: {
          annulerEntreprises: ["inconnue"],
          annulerDemandes: [{ entreprise: "E0001", acheteur: "A999" }],
          ajouterDemandes: [
            { entreprise: premier.entreprise, acheteur: premier.acheteur, priorite: 1 },
            { entreprise: "E0002", acheteur: "Z", priorite: 1 },
          ],
        },
      });
      assert.fail("refus attendu");
    } catch (error) {
      assert.ok(isDomainError(error));
      assert.deepEqual(
        error.issues.map((i) => i.path.join(".")),
        [
          `plan.${plan.length}`,
          `plan.${plan.length}`,
          `plan.${plan.length}`,
          `plan.${plan.length + 1}`,
          "changements.annulerEntreprises.0",
          "changements.annulerDemandes.0",
          "changements.ajouterDemandes.0",
          "changements.ajouterDemandes.1.acheteur",
        ],
      );
    }
    assert.throws(
      () => replanifier({ instance: { ...instance, creneaux: [] }, plan: [], changements: {} }),
      (e: unknown) => isDomainError(e) && e.issues[0]?.path.join(".") === "instance.creneaux",
    );
  });
});
