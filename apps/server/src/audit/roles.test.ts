import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, it } from "node:test";
import pg from "pg";
import { loadConfig } from "../config";
import { createContext, openConfiguredDatabase, prepareData } from "../bootstrap";
import type { AppContext } from "../context";

const url = process.env.TEST_DATABASE_URL;

/**
 * With MIGRATION_DATABASE_URL, the migrations run as an owner role and the application as a lesser runtime
 * role, which can read and append the audit trail but neither change it nor switch its protections off.
 */
describe("rôle d'exécution sans droit de réécrire le journal d'audit (PostgreSQL)", {
  skip: url ? false : "TEST_DATABASE_URL absent",
}, () => {
  const suffix = randomBytes(4).toString("hex");
  const owner = `achat_proprietaire_${suffix}`;
  const runtime = `achat_application_${suffix}`;
  const database = `achat_roles_${suffix}`;
  let admin: pg.Client;
  let ctx: AppContext;
  let runtimeClient: pg.Client;

  const urlFor = (user: string) => {
    const u = new URL(url as string);
    u.username = user;
    u.pathname = `/${database}`;
    return u.toString();
  };

  before(async () => {
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create role ${owner} login`);
    await admin.query(`create role ${runtime} login`);
    await admin.query(`create database ${database} owner ${owner}`);
    const config = loadConfig({
      DATABASE_URL: urlFor(runtime),
      MIGRATION_DATABASE_URL: urlFor(owner),
      DEMO_MODE: "true",
      JOBS_WORKERS: "false",
      DATA_DIR: `/tmp/achat-roles-${suffix}`,
    });
    const db = await openConfiguredDatabase(config);
    ctx = await createContext(config, db, { workers: false });
    await prepareData(ctx);
    runtimeClient = new pg.Client({ connectionString: urlFor(runtime) });
    await runtimeClient.connect();
  });

  after(async () => {
    await runtimeClient?.end();
    await ctx?.jobs.stop();
    await ctx?.database.close();
    await admin.query(`drop database if exists ${database} with (force)`);
    await admin.query(`drop role if exists ${runtime}`);
    await admin.query(`drop role if exists ${owner}`);
    await admin.end();
  });

  it("lets the application append and read the trail (the demo was loaded through it)", async () => {
    const { rows } = await runtimeClient.query("select count(*)::int as n from audit_events");
    assert.ok(rows[0].n > 50);
  });

  it("refuses the runtime role every way of rewriting the trail", async () => {
    for (const statement of [
      "update audit_events set actor_label = 'x' where seq = 1",
      "delete from audit_events where seq = 1",
      "truncate audit_events",
      "alter table audit_events disable trigger audit_events_append_only",
      "set session_replication_role = replica",
      "drop table audit_events",
    ]) {
      await assert.rejects(
        runtimeClient.query(statement),
        /permission denied|must be owner|droit refusé|doit être le propriétaire/i,
        statement,
      );
    }
  });
});
