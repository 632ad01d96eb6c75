import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import pg from "pg";
import { testTargets } from "@achat-public/db/testing";
import { apiTest, type ApiTest } from "../testing/harness";

const postgres = testTargets().find((t) => t.name === "postgresql");

/**
 * A failover or a restart of the database (here: `pg_terminate_backend` on the busy connections of the
 * application while requests run) costs only the requests in flight, answered 503 with Retry-After in
 * problem+json; never the process.
 */
describe("connexions coupées par le serveur PostgreSQL", { skip: postgres ? false : "TEST_DATABASE_URL absent" }, () => {
  let kit: ApiTest;

  before(async () => {
    kit = await apiTest(postgres as NonNullable<typeof postgres>);
  });
  after(() => kit.close());

  it("answers 503 for the requests in flight and keeps serving afterwards", async () => {
    const admin = await kit.as("admin");
    const url = new URL(process.env.TEST_DATABASE_URL as string);
    const killer = new pg.Client({ connectionString: url.toString() });
    await killer.connect();
    const database = (await kit.database.executeSql("select current_database() as d")).rows[0] as { d: string };
    let stop = false;
    const statuses: number[] = [];
    const problems: string[] = [];
    const load = (async () => {
      let i = 0;
      while (!stop) {
        const r =
          i++ % 2 === 0
            ? await admin.request("GET", "/api/organisation")
            : await admin.request("POST", "/api/directions", { nom: `Direction en panne ${i}`, sigle: `DP${i}` });
        statuses.push(r.status);
        if (r.status >= 500) {
          if (r.status !== 503 || r.body.code !== "DATABASE_UNAVAILABLE" || !r.headers["retry-after"])
            problems.push(`${r.status} ${JSON.stringify(r.body)}`);
        }
      }
    })();
    for (let round = 0; round < 6; round++) {
      await new Promise((r) => setTimeout(r, 150));
      await killer.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()", [
        database.d,
      ]);
    }
    await new Promise((r) => setTimeout(r, 300));
    stop = true;
    await load;
    await killer.end();
    assert.deepEqual(problems, []);
    assert.ok(
      statuses.some((s) => s === 503),
      `some requests were cut: ${statuses.length} requests`,
    );
    const after = await admin.request("GET", "/api/organisation");
    assert.equal(after.status, 200, "the process kept running and serves again");
  });
});
