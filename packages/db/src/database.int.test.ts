import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { systemActor } from "@achat-public/domain";
import { migrate, selectRows, type Database } from "./client";
import { repositories, systemClock, uuidGenerator } from "./registry";
import { verifyAuditChain } from "./audit/audit.repository";
import { testTargets } from "./testing/index";

const context = { clock: systemClock, ids: uuidGenerator };

function rejectedBy(pattern: RegExp) {
  return (error: Error & { cause?: Error }) => pattern.test(`${error.message} ${error.cause?.message ?? ""}`);
}

for (const target of testTargets()) {
  describe(`base de données (${target.name})`, () => {
    let database: Database;
    let organisationId: string;
    let directionId: string;

    before(async () => {
      database = await target.open();
      organisationId = randomUUID();
      directionId = randomUUID();
      await database.transaction(async (tx) => {
        const repos = repositories(tx, context);
        await repos.organisations.insert({ id: organisationId, nom: "Département test", siret: "22940028800010" });
        await repos.directions.insert({ id: directionId, organisationId, nom: "Direction test", sigle: "DT", version: 1 });
      });
    });
    after(() => database.close());

    it("applies the migrations once: a second run changes nothing", async () => {
      await migrate(database);
      const tables = await selectRows<{ table_name: string }>(
        database.db,
        sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
      );
      const names = tables.map((r) => r.table_name);
      for (const table of [
        "audit_events",
        "directions",
        "login_throttles",
        "organisations",
        "services",
        "sessions",
        "utilisateurs",
        "taux_bce",
      ]) {
        assert.ok(names.includes(table), table);
      }
    });

    it("sorts and searches French text without accents or case on both engines", async () => {
      const [row] = await selectRows<{ v: string }>(database.db, sql`select immutable_unaccent(lower('Élodie À CÔTÉ')) as v`);
      assert.equal(row?.v, "elodie a cote");
    });

    it("refuses invalid rows written directly in SQL (last line of defence)", async () => {
      const insertUser = (role: string, email: string, direction: string | null) =>
        database.db.execute(
          sql`insert into utilisateurs (id, organisation_id, email, nom_affiche, role, direction_id) values (${randomUUID()}, ${organisationId}, ${email}, 'X', ${role}, ${direction})`,
        );
      await assert.rejects(insertUser("pirate", "a@b.fr", null), rejectedBy(/utilisateurs_role_valide/));
      await assert.rejects(insertUser("acheteur", "b@b.fr", null), rejectedBy(/utilisateurs_acheteur_a_une_direction/));
      await assert.rejects(insertUser("entreprise", "e@b.fr", directionId), rejectedBy(/utilisateurs_entreprise_sans_direction/));
      await assert.rejects(insertUser("lecteur", "Majuscule@b.fr", null), rejectedBy(/utilisateurs_email_minuscules/));
      await assert.rejects(insertUser("lecteur", "c@b.fr", randomUUID()), rejectedBy(/foreign key|utilisateurs_direction_id/));
      await assert.rejects(
        database.db.execute(
          sql`insert into directions (id, organisation_id, nom, sigle) values (${randomUUID()}, ${organisationId}, 'X', 'X')`,
        ),
        rejectedBy(/directions_nom_longueur/),
      );
      const [count] = await selectRows<{ n: number }>(database.db, sql`select count(*)::int as n from utilisateurs`);
      assert.equal(count?.n, 0);
    });

    it("lets exactly one of several concurrent writers with the same version win", async () => {
      const writers = Array.from({ length: 12 }, (_, i) =>
        database.transaction((tx) =>
          repositories(tx, context).directions.update(
            { id: directionId, organisationId, nom: `Direction test ${i}`, sigle: "DT", version: 2 },
            1,
          ),
        ),
      );
      const results = await Promise.all(writers);
      assert.equal(results.filter(Boolean).length, 1);
    });

    it("keeps the audit chain linear under concurrent appends", async () => {
      const actor = systemActor("test");
      await Promise.all(
        Array.from({ length: 15 }, (_, i) =>
          database.transaction((tx) =>
            repositories(tx, context).audit.append(actor, {
              type: "test.appended",
              aggregateType: "test",
              aggregateId: String(i),
              organisationId,
              payload: { i, texte: "é à ç", imbrique: { b: [1, 2], a: null } },
            }),
          ),
        ),
      );
      const report = await verifyAuditChain(database.db, 4);
      assert.equal(report.ok, true, JSON.stringify(report.firstBreak));
      assert.equal(report.checked, 15);
    });

    it("rolls back everything when a transaction fails half-way", async () => {
      await assert.rejects(
        database.transaction(async (tx) => {
          const repos = repositories(tx, context);
          await repos.directions.insert({ id: randomUUID(), organisationId, nom: "Direction éphémère", sigle: "DEPH", version: 1 });
          await repos.audit.append(systemActor("test"), {
            type: "direction.created",
            aggregateType: "direction",
            aggregateId: "x",
            payload: {},
          });
          await repos.directions.insert({ id: randomUUID(), organisationId, nom: "Direction éphémère", sigle: "DEPH2", version: 1 });
        }),
        /Une direction porte déjà ce nom/,
      );
      const [rows] = await selectRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from directions where nom = 'Direction éphémère'`,
      );
      assert.equal(rows?.n, 0);
      assert.equal((await verifyAuditChain(database.db)).checked, 15);
    });
  });
}
