import { systemActor } from "@achat-public/domain";
import { departementDeCommune, type CategorieEntreprise, type Fournisseur, type StatutInclusif } from "@achat-public/domain/fournisseurs";
import { genererPortefeuille } from "@achat-public/domain/marches";
import { COMMUNES_94 } from "@achat-public/domain/valeurs";
import type { Organisation } from "@achat-public/domain";
import { demoState, prng, type DemoStep } from "../platform/demo";
import { aujourdhuiParis } from "./aujourdhui";
import sourcesDecp from "./donnees/fournisseurs-decp.json" with { type: "json" };

/** Directions that mostly buy works, and the weight of each direction in the portfolio. */
const POIDS: Record<string, [number, boolean]> = {
  DB: [14, true],
  DTVD: [12, true],
  DSEA: [8, true],
  DEC: [10, false],
  DCRE: [6, false],
  DA: [5, false],
  DSI: [8, false],
  DRH: [3, false],
  DEVP: [6, false],
  DLOG: [9, false],
  DC: [3, false],
  DASO: [6, false],
  DCP: [2, false],
};

/**
 * Demo portfolio: about 650 live contracts (212 notified a year over four years), more than 300 M€ paid a
 * year, suppliers whose identities (SIRET, name, département) come from real DECP records (donnees/README.md).
 * Seeded; the reference day is the first day of the current month, so the portfolio watch shows cases
 * (contracts ending within 3/6/12 months, frameworks nearly consumed, amendments, late payments).
 * Written in bulk (thousands of rows) with one audit event, like an import; figures come from the engine.
 */
export const marchesDemo: DemoStep = {
  name: "marches",
  async load({ ctx, uow, state }) {
    const organisation = demoState<Organisation>(state, "organisation");
    const directions = demoState<Map<string, string>>(state, "directions");
    const hasard = prng(94_2026);
    const aujourdhui = `${aujourdhuiParis(ctx.clock.now()).slice(0, 8)}01`;
    let n = 0;
    const ids = () => {
      n++;
      return `00000000-0000-4000-a000-${String(n).padStart(12, "0")}`;
    };
    const categories: CategorieEntreprise[] = ["micro", "pme", "pme", "pme", "eti", "ge"];
    const fournisseurs: Fournisseur[] = (sourcesDecp as [string, string, string, string, string][]).map(([siret, nom, departement]) => {
      const local = departement === "94" || (departement === "" && hasard() < 0.35);
      const codeCommune = local ? (COMMUNES_94[Math.floor(hasard() * COMMUNES_94.length)]?.codeInsee ?? null) : null;
      const r = hasard();
      const statutInclusif: StatutInclusif | null = r < 0.04 ? "siae" : r < 0.05 ? "ea" : r < 0.06 ? "esat" : null;
      return {
        id: ids(),
        organisationId: organisation.id,
        siret,
        siren: siret.slice(0, 9),
        nom: nom.slice(0, 200),
        adresse: null,
        codeCommune,
        departement: codeCommune ? departementDeCommune(codeCommune) : departement || null,
        categorie: categories[Math.floor(hasard() * categories.length)] ?? null,
        statutInclusif,
        version: 1,
      };
    });
    await uow.fournisseurs.insertMany(fournisseurs);
    const portefeuille = genererPortefeuille({
      organisationId: organisation.id,
      directions: [...directions].map(([sigle, id]) => ({ id, poids: POIDS[sigle]?.[0] ?? 3, travaux: POIDS[sigle]?.[1] ?? false })),
      fournisseurs: fournisseurs.map((f, i) => {
        const [, , , cpv, objet] = (sourcesDecp as string[][])[i] as string[];
        return { id: f.id, cpv: cpv ?? "", objet: objet ?? "", travaux: (cpv ?? "").startsWith("45") };
      }),
      aujourdhui,
      hasard,
      ids,
    });
    await uow.marches.importerPortefeuille(portefeuille);
    // Tenders received (deterministic from the number; one for a contract without competition) and the first
    // publication of the essential data: most within two months, a few late, a few never (late to publish), the last
    // three weeks not yet.
    await uow.executeSql(
      `UPDATE marches SET
         nombre_offres = CASE WHEN procedure = 'Marché passé sans publicité ni mise en concurrence préalable' THEN 1
                              ELSE 1 + abs(hashtext(numero)) % 6 END,
         date_publication_donnees = CASE
           WHEN date_notification > $2::date - 21 THEN NULL
           WHEN abs(hashtext(numero || 'p')) % 40 = 1 THEN NULL
           WHEN abs(hashtext(numero || 'p')) % 25 = 0 THEN date_notification + 75
           ELSE date_notification + 5 + abs(hashtext(numero || 'p')) % 45 END
       WHERE organisation_id = $1`,
      [organisation.id, aujourdhui],
    );
    await uow.executeSql(
      `UPDATE marche_modifications mm SET date_publication_donnees = mm.date_signature + 10
         FROM marches m WHERE m.id = mm.marche_id AND m.organisation_id = $1 AND mm.date_signature < $2::date - 21`,
      [organisation.id, aujourdhui],
    );
    const vivants = portefeuille.marches.filter((m) => !m.clos && m.dateFin >= aujourdhui).length;
    const compte = {
      fournisseurs: fournisseurs.length,
      marches: portefeuille.marches.length,
      marchesVivants: vivants,
      modifications: portefeuille.modifications.length,
      factures: portefeuille.factures.length,
    };
    await uow.audit.append(systemActor("données de démonstration"), {
      organisationId: organisation.id,
      type: "marches.imported",
      aggregateType: "organisation",
      aggregateId: organisation.id,
      payload: compte,
    });
    return compte;
  },
};
