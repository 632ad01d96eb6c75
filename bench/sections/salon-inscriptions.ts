import { randomBytes, randomUUID } from "node:crypto";
import { isDatabaseUnavailable, sql } from "@achat-public/db";
import { openPgliteTestDatabase, openPostgresTestDatabase } from "@achat-public/db/testing";
import { apiTest, TestClient } from "../../apps/server/src/testing/harness";
import type { SectionBanc } from "./section";

const ENTREPRISES = Number(process.env.BENCH_INSCRIPTIONS ?? 500);
const PLACES = Number(process.env.BENCH_PLACES ?? 100);

const p95 = (durees: number[]) => [...durees].sort((a, b) => a - b)[Math.min(durees.length - 1, Math.floor(0.95 * durees.length))] ?? 0;

/**
 * The registration race of the fair: 500 companies register at the same instant for 100 places, through the HTTP
 * routes (in process, sessions already open), on PostgreSQL when BENCH_DATABASE_URL or TEST_DATABASE_URL is set
 * (PGlite otherwise). Reports accepted, waiting and lost (503: a request that waited too long for a pooled
 * connection; its client tries again), the seconds of the race and the p95 of a registration, beside the same
 * race run with the bare SQL of the critical section (row lock, count, insert) in the same run.
 */
async function run(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const target = url
    ? { name: "postgresql" as const, open: () => openPostgresTestDatabase(url) }
    : { name: "pglite" as const, open: openPgliteTestDatabase };
  const kit = await apiTest(target);
  try {
    const central = await kit.as("acheteur-central");
    const salon = await central.request("POST", "/api/salons", {
      nom: "Course aux places",
      date: "2027-06-10",
      lieu: "Créteil",
      heureOuverture: "09:00",
      heureFermeture: "17:00",
      dureeCreneauMinutes: 20,
      pauses: [],
      tables: 40,
      capaciteEntreprises: PLACES,
      personnesParEntreprise: 2,
      statut: "ouvert",
    });
    if (salon.status !== 201) throw new Error(JSON.stringify(salon.body));
    // companies, accounts, memberships and open sessions, in bulk
    const clients: TestClient[] = [];
    const lignes = Array.from({ length: ENTREPRISES }, (_, i) => ({
      i,
      e: randomUUID(),
      u: randomUUID(),
      jeton: randomBytes(24).toString("hex"),
      csrf: randomBytes(24).toString("hex"),
    }));
    for (let d = 0; d < lignes.length; d += 100) {
      const paquet = lignes.slice(d, d + 100);
      await kit.database.db.execute(
        sql`insert into entreprises (id, siret, raison_sociale) values ${sql.join(
          paquet.map((l) => sql`(${l.e}, ${`8${String(l.i).padStart(13, "0")}`}, ${`Entreprise ${l.i}`})`),
          sql`, `,
        )}`,
      );
      await kit.database.db.execute(
        sql`insert into utilisateurs (id, organisation_id, email, nom_affiche, role) values ${sql.join(
          paquet.map((l) => sql`(${l.u}, ${kit.organisationId}, ${`banc.${l.i}@exemple.fr`}, ${`Banc ${l.i}`}, 'entreprise')`),
          sql`, `,
        )}`,
      );
      await kit.database.db.execute(
        sql`insert into entreprise_membres (utilisateur_id, entreprise_id, administrateur) values ${sql.join(
          paquet.map((l) => sql`(${l.u}, ${l.e}, true)`),
          sql`, `,
        )}`,
      );
      await kit.database.db.execute(
        sql`insert into sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at) values ${sql.join(
          paquet.map((l) => sql`(${kit.ctx.tokens.fingerprint(l.jeton)}, ${l.u}, ${l.csrf}, now(), now(), now() + interval '1 hour')`),
          sql`, `,
        )}`,
      );
    }
    for (const l of lignes) {
      const client = new TestClient(kit.app);
      client.setCookie("achat_session", l.jeton);
      client.csrfToken = l.csrf;
      clients.push(client);
    }
    const durees: number[] = [];
    const debut = performance.now();
    const reponses = await Promise.all(
      clients.map(async (c) => {
        const t = performance.now();
        const r = await c.request("POST", `/api/salons/${salon.body.id}/mon-inscription`, { personnes: 1 });
        durees.push(performance.now() - t);
        return r;
      }),
    );
    const secondes = (performance.now() - debut) / 1000;
    const acceptees = reponses.filter((r) => r.status === 201 && r.body.inscription.statut === "acceptee").length;
    const attente = reponses.filter((r) => r.status === 201 && r.body.inscription.statut === "attente").length;
    const perdues = reponses.length - acceptees - attente;
    const autres = reponses.filter((r) => r.status !== 201 && r.status !== 503).map((r) => r.status);
    const [compte] = (
      (await kit.database.db.execute(
        sql`select count(*) filter (where statut = 'acceptee')::int as a from salon_inscriptions where salon_id = ${salon.body.id}`,
      )) as unknown as { rows: { a: number }[] }
    ).rows;

    // the bare SQL of the critical section, same concurrency, same pool
    const nu = randomUUID();
    await kit.database.db.execute(
      sql`insert into salons (id, organisation_id, nom, date, lieu, heure_ouverture, heure_fermeture, duree_creneau_minutes, pauses, tables, capacite_entreprises, personnes_par_entreprise, statut)
          values (${nu}, ${kit.organisationId}, 'Nu', '2027-06-10', 'Créteil', '09:00', '17:00', 20, '[]'::jsonb, 40, ${PLACES}, 2, 'ouvert')`,
    );
    const dureesNues: number[] = [];
    let perduesNues = 0;
    const debutNu = performance.now();
    await Promise.all(
      lignes.map(async (l) => {
        const t = performance.now();
        try {
          await kit.database.transaction(async (tx) => {
            await tx.execute(sql`select id from salons where id = ${nu} for update`);
            const r = (await tx.execute(
              sql`select count(*)::int as n from salon_inscriptions where salon_id = ${nu} and statut = 'acceptee'`,
            )) as unknown as { rows: { n: number }[] };
            const statut = (r.rows[0]?.n ?? 0) < PLACES ? "acceptee" : "attente";
            await tx.execute(
              sql`insert into salon_inscriptions (id, salon_id, entreprise_id, statut, personnes, inscrit_le) values (${randomUUID()}, ${nu}, ${l.e}, ${statut}, 1, now())`,
            );
          });
        } catch (error) {
          if (!isDatabaseUnavailable(error)) throw error;
          perduesNues++;
        }
        dureesNues.push(performance.now() - t);
      }),
    );
    const secondesNues = (performance.now() - debutNu) / 1000;
    const f = (n: number) => n.toLocaleString("fr-FR", { maximumFractionDigits: 1 });
    console.log(
      `   ${target.name}, ${ENTREPRISES} inscriptions simultanées pour ${PLACES} places : ${acceptees} acceptées, ${attente} en attente, ${perdues} perdues (503, à refaire)` +
        `${autres.length ? `, autres statuts ${autres.join(",")}` : ""} ; en base ${compte?.a} acceptées ; ${f(secondes)} s ; p95 ${f(p95(durees))} ms`,
    );
    console.log(
      `   même section critique en SQL nu (verrou, comptage, insertion) : ${f(secondesNues)} s, p95 ${f(p95(dureesNues))} ms, ${perduesNues} perdues ; ` +
        `rapport p95 route / SQL nu : ${f(p95(durees) / Math.max(0.001, p95(dureesNues)))}`,
    );
  } finally {
    await kit.close();
  }
}

export const salonInscriptions: SectionBanc = {
  nom: "salon-inscriptions",
  titre: "Salon : course aux inscriptions (500 simultanées pour 100 places, sans surréservation)",
  run,
};
