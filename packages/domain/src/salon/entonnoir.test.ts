import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { entonnoirs, type RendezVousSuivi } from "./entonnoir";

const rdv = (o: Partial<RendezVousSuivi>): RendezVousSuivi => ({
  salonId: "S1",
  salon: "Salon 2025",
  date: "2025-06-11",
  entrepriseId: "E1",
  categorie: "pme",
  locale: true,
  famille: "Nettoyage",
  tenu: true,
  interet: false,
  offre: false,
  attribution: false,
  ...o,
});

describe("entonnoir du salon : rendez-vous tenus → offres → attributions", () => {
  it("counts meetings and distinct companies at each stage, only among meetings held", () => {
    const [e] = entonnoirs([
      rdv({ entrepriseId: "E1", interet: true, offre: true, attribution: true }),
      rdv({ entrepriseId: "E1", offre: true }),
      rdv({ entrepriseId: "E2" }),
      rdv({ entrepriseId: "E3", tenu: false, offre: true, attribution: true }), // a no-show does not count, even if it bid
    ]);
    assert.deepEqual(e?.total, {
      planifies: 4,
      tenus: 3,
      suivisDInteret: 1,
      suivisDOffre: 2,
      suivisDAttribution: 1,
      entreprisesRencontrees: 2,
      entreprisesInteressees: 1,
      entreprisesAyantRepondu: 1,
      entreprisesAttributaires: 1,
      tauxInteret: 0.3333,
      tauxOffre: 0.6667,
      tauxAttribution: 0.3333,
    });
  });

  it("splits by size, locality and family, and orders the fairs year after year", () => {
    const resultat = entonnoirs([
      rdv({ salonId: "S2", salon: "Salon 2026", date: "2026-06-10", categorie: "micro", locale: false, famille: null, offre: true }),
      rdv({ categorie: null }),
      rdv({ categorie: "pme", famille: "Espaces verts" }),
    ]);
    assert.deepEqual(
      resultat.map((e) => e.salon),
      ["Salon 2025", "Salon 2026"],
    );
    const [s1, s2] = resultat as [(typeof resultat)[0], (typeof resultat)[0]];
    assert.deepEqual(
      s1.parTaille.map((t) => [t.cle, t.etapes.tenus]),
      [
        ["PME", 1],
        ["Taille inconnue", 1],
      ],
    );
    assert.deepEqual(
      s1.parFamille.map((f) => f.cle),
      ["Espaces verts", "Nettoyage"],
    );
    assert.deepEqual(
      s2.parLocalite.map((l) => [l.cle, l.etapes.tauxOffre]),
      [["Hors Val-de-Marne", 1]],
    );
    assert.deepEqual(
      s2.parFamille.map((f) => f.cle),
      ["Sans famille"],
    );
  });

  it("gives no rate when nothing was held", () => {
    const [e] = entonnoirs([rdv({ tenu: false })]);
    assert.equal(e?.total.tauxOffre, null);
    assert.equal(e?.total.tauxInteret, null);
    assert.equal(e?.total.tauxAttribution, null);
  });
});
