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
    // some companies met signalled their interest on a line they discussed, after the fair
    assert.ok(passe.total.suivisDInteret > 10 && passe.total.suivisDInteret < passe.total.tenus, JSON.stringify(passe.total));
    const [signaux] = await selectRows<{ avant: number; sansAudit: number }>(
      database.db,
      sql`select count(*) filter (where si.cree_le::date < s.date::date)::int as avant,
            count(*) filter (where not exists (select 1 from audit_events a
              where a.type = 'signal-interet.created' and a.aggregate_id = si.id::text))::int as "sansAudit"
          from signaux_interet si join salon_inscriptions i on i.entreprise_id = si.entreprise_id
          join salons s on s.id = i.salon_id and s.statut = 'tenu'`,
    );
    assert.deepEqual(signaux, { avant: 0, sansAudit: 0 }, "signaux datés d'après le salon, chacun audité");
    // some of those tenders won their lot: the award decision names the company met
    assert.ok(passe.total.suivisDAttribution > 0 && passe.total.suivisDAttribution < passe.total.suivisDOffre, JSON.stringify(passe.total));
    const [gagnes] = await selectRows<{ n: number; meilleurs: number }>(
      database.db,
      sql`select count(*)::int as n,
            count(*) filter (where o.prix_ht_cents = (select min(x.prix_ht_cents) from offres x
              where x.procedure_id = o.procedure_id and x.lot_numero = o.lot_numero))::int as meilleurs
          from attributions a join offres o on o.id = a.offre_id
          join entreprises e on e.siret = o.siret
          join salon_rendez_vous r on r.entreprise_id = e.id`,
    );
    assert.ok((gagnes?.n ?? 0) > 0 && gagnes?.meilleurs === gagnes?.n, JSON.stringify(gagnes));
    // the contracts of those lots count the added tenders: procedures and contracts agree
    const [ecarts] = await selectRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from marches m
          where m.procedure_id is not null
            and m.nombre_offres <> (select count(*) from offres o where o.procedure_id = m.procedure_id and o.lot_numero = m.lot_numero)`,
    );
    assert.equal(ecarts?.n, 0);
  });

  it("holds last year's satisfaction survey: a realistic share of companies and buyers answered", async () => {
    const central = await loggedIn(app, DEMO.central);
    const salons = (await central.request("GET", "/api/salons")).body.salons as { id: string; statut: string }[];
    const passe = salons.find((s) => s.statut === "tenu") as { id: string };
    const bilan = await central.request("GET", `/api/salons/${passe.id}/satisfaction`);
    assert.equal(bilan.status, 200, JSON.stringify(bilan.body));
    const [entreprises, acheteurs] = bilan.body.cotes;
    assert.ok(
      entreprises.participants > 50 && entreprises.tauxReponse > 0.4 && entreprises.tauxReponse < 0.85,
      JSON.stringify(entreprises),
    );
    assert.ok(acheteurs.reponses >= 3 && acheteurs.reponses <= acheteurs.participants, JSON.stringify(acheteurs));
    assert.equal(bilan.body.total.reponses, entreprises.reponses + acheteurs.reponses);
    assert.ok(entreprises.moyenneSatisfaction > 3 && entreprises.moyenneSatisfaction < 4.8);
    assert.equal(bilan.body.etat, "clos");
    assert.ok(bilan.body.commentaires.length > 0);
    // the demo company answered and reads its (closed) answer
    const entreprise = await loggedIn(app, DEMO.entreprise);
    const mienne = await entreprise.request("GET", `/api/salons/${passe.id}/ma-satisfaction`);
    assert.equal(mienne.status, 200);
    assert.equal(mienne.body.peutRepondre, false);
    assert.ok(mienne.body.reponse);
    // next year's buyers carry their purchase families; a few companies come only in the morning
    const prochain = salons.find((s) => s.statut === "ouvert") as { id: string };
    const presents = (await entreprise.request("GET", `/api/salons/${prochain.id}/acheteurs`)).body.acheteurs;
    assert.ok(presents.filter((a: { familles: unknown[] }) => a.familles.length > 0).length >= 3, JSON.stringify(presents[0]));
    const [matin] = await selectRows<{ n: number; hors: number }>(
      database.db,
      sql`select count(*)::int as n,
            (select count(*)::int from salon_rendez_vous r join salon_inscriptions j on j.salon_id = r.salon_id and j.entreprise_id = r.entreprise_id
              where j.disponibilites is not null and not (j.disponibilites ? r.creneau)) as hors
          from salon_inscriptions i where i.disponibilites is not null`,
    );
    assert.ok((matin?.n ?? 0) > 0 && matin?.hors === 0, JSON.stringify(matin));
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
