import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { selectRows, sql, type Database } from "@achat-public/db";
import { openPgliteTestDatabase } from "@achat-public/db/testing";
import { DEMO, loggedIn, testApp } from "../testing/harness";

describe("salons de démonstration : acheteurs, demandes sur la programmation, rendez-vous", () => {
  let database: Database;
  let app: FastifyInstance;

  before(async () => {
    database = await openPgliteTestDatabase();
    ({ app } = await testApp(database));
  });
  after(async () => {
    await app.close();
    await database.close();
  });

  it("holds last year's meetings (confirmed, no one twice at once) and next year's requests and proposed schedule", async () => {
    const rows = await selectRows<{
      statut: string;
      acheteurs: number;
      demandes: number;
      rdv: number;
      confirmes: number;
      servies: number;
      demandeuses: number;
    }>(
      database.db,
      sql`select s.statut,
            (select count(*)::int from salon_acheteurs a where a.salon_id = s.id) as acheteurs,
            (select count(*)::int from salon_demandes d where d.salon_id = s.id) as demandes,
            (select count(*)::int from salon_rendez_vous r where r.salon_id = s.id) as rdv,
            (select count(*)::int from salon_rendez_vous r where r.salon_id = s.id and r.confirme) as confirmes,
            (select count(distinct entreprise_id)::int from salon_rendez_vous r where r.salon_id = s.id) as servies,
            (select count(distinct entreprise_id)::int from salon_demandes d where d.salon_id = s.id) as demandeuses
          from salons s order by s.date`,
    );
    assert.deepEqual(
      rows.map((r) => r.statut),
      ["tenu", "ouvert"],
    );
    const [passe, prochain] = rows as [(typeof rows)[0], (typeof rows)[0]];
    assert.ok(passe.acheteurs >= 5 && passe.demandes >= 60, JSON.stringify(passe));
    assert.equal(passe.confirmes, passe.rdv);
    assert.equal(passe.servies, passe.demandeuses, "chaque entreprise demandeuse a au moins un rendez-vous");
    assert.ok(prochain.rdv > 0 && prochain.confirmes === 0, JSON.stringify(prochain));
    // every meeting is about published lines of the programme
    const [horsProgramme] = await selectRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from salon_demandes d, jsonb_array_elements_text(d.lignes) l(id)
          where not exists (select 1 from lignes_programme p where p.id = l.id::uuid and p.statut = 'publiee')`,
    );
    assert.equal(horsProgramme?.n, 0);
  });

  it("shows what came of last year's fair: some companies met then bid on the lines they discussed", async () => {
    const lecteur = await loggedIn(app, DEMO.lecteur);
    const entonnoir = await lecteur.request("GET", "/api/salons/entonnoir");
    assert.equal(entonnoir.status, 200);
    const [passe] = entonnoir.body.salons;
    assert.ok(
      passe.total.tenus > 50 && passe.total.suivisDOffre > 5 && passe.total.suivisDOffre < passe.total.tenus,
      JSON.stringify(passe.total),
    );
    // the contracts of those lots count the added tenders: procedures and contracts agree
    const [ecarts] = await selectRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from marches m
          where m.procedure_id is not null
            and m.nombre_offres <> (select count(*) from offres o where o.procedure_id = m.procedure_id and o.lot_numero = m.lot_numero)`,
    );
    assert.equal(ecarts?.n, 0);
  });

  it("lets the demo buyer see its table and agenda at next year's fair", async () => {
    const acheteur = await loggedIn(app, DEMO.acheteur);
    const salons = (await acheteur.request("GET", "/api/salons")).body.salons as { id: string; statut: string }[];
    const prochain = salons.find((s) => s.statut === "ouvert") as { id: string };
    const presents = await acheteur.request("GET", `/api/salons/${prochain.id}/acheteurs`);
    const moi = await acheteur.request("GET", "/api/auth/session");
    assert.ok(presents.body.acheteurs.some((a: { utilisateurId: string }) => a.utilisateurId === moi.body.utilisateur.id));
    const agenda = await acheteur.request("GET", `/api/salons/${prochain.id}/mon-agenda`);
    assert.equal(agenda.status, 200);
    assert.ok(agenda.body.rendezVous.length > 0);
  });
});
