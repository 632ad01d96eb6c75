import assert from "node:assert/strict";
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { hashOf, selectRows, sql, tables } from "@achat-public/db";
import { testTargets } from "@achat-public/db/testing";
import { asc, eq } from "drizzle-orm";
import { apiTest, type ApiTest } from "../testing/harness";
import { verifyAudit, writeCheckpoint } from "./checkpoints";

/** What someone who owns the audit table can do: disable the trigger and change rows, then put it back. */
async function asTableOwner(kit: ApiTest, statements: ReturnType<typeof sql>[]): Promise<void> {
  await kit.database.db.execute(sql`alter table audit_events disable trigger audit_events_append_only`);
  for (const statement of statements) await kit.database.db.execute(statement);
  await kit.database.db.execute(sql`alter table audit_events enable trigger audit_events_append_only`);
}

/** Rewrites the payload of event `seq` and recomputes every later hash, so that the chain alone looks intact. */
async function rewriteHistory(kit: ApiTest, seq: number): Promise<void> {
  const rows = await kit.database.db.select().from(tables.auditEvents).orderBy(asc(tables.auditEvents.seq));
  let previous: string | null = null;
  const updates: ReturnType<typeof sql>[] = [];
  for (const row of rows) {
    if (row.seq < seq) {
      previous = row.hash;
      continue;
    }
    const changed = { ...row, payload: row.seq === seq ? { nom: "Direction réécrite" } : row.payload, prevHash: previous ?? row.prevHash };
    const hash = hashOf(changed);
    updates.push(
      sql`update audit_events set payload = ${JSON.stringify(changed.payload)}::jsonb, prev_hash = ${changed.prevHash}, hash = ${hash} where seq = ${row.seq}`,
    );
    previous = hash;
  }
  await asTableOwner(kit, updates);
}

for (const target of testTargets()) {
  describe(`points d'ancrage signés du journal d'audit (${target.name})`, () => {
    let kit: ApiTest;

    before(async () => {
      kit = await apiTest(target);
      const admin = await kit.as("admin");
      for (let i = 0; i < 6; i++) await admin.request("POST", "/api/directions", { nom: `Direction ancrée ${i}`, sigle: `DANC${i}` });
    });
    after(() => kit.close());

    it("signs the head of the chain and writes it outside the database, then verifies against it", async () => {
      const checkpoint = await writeCheckpoint(kit.ctx);
      const [head] = await selectRows<{ seq: number }>(kit.database.db, sql`select max(seq)::int as seq from audit_events`);
      assert.equal(checkpoint.seq, head?.seq);
      const file = readFileSync(join(kit.ctx.config.audit.checkpointDir, "points-d-ancrage.jsonl"), "utf8");
      assert.match(file, new RegExp(checkpoint.hash));
      const report = await verifyAudit(kit.ctx);
      assert.equal(report.problem, null);
      assert.equal(report.checkpoint?.verified, true);
    });

    it("detects a rewritten history whose later hashes were all recomputed (the chain alone looks intact)", async () => {
      const checkpoint = await writeCheckpoint(kit.ctx);
      await rewriteHistory(kit, checkpoint.seq - 3);
      const report = await verifyAudit(kit.ctx);
      assert.equal(report.chain.ok, true, "the chain alone does not see it");
      assert.equal(report.problem?.reason, "checkpoint-mismatch");
      assert.equal(report.problem?.seq, checkpoint.seq);
    });

    it("detects a truncated tail (the last events deleted)", async () => {
      const checkpoint = await writeCheckpoint(kit.ctx);
      await asTableOwner(kit, [sql`delete from audit_events where seq > ${checkpoint.seq - 2}`]);
      const report = await verifyAudit(kit.ctx);
      assert.equal(report.chain.ok, true);
      assert.equal(report.problem?.reason, "tail-truncated");
    });

    it("refuses a checkpoint file that was edited (its signature no longer matches)", async () => {
      const path = join(kit.ctx.config.audit.checkpointDir, "points-d-ancrage.jsonl");
      const last = JSON.parse(readFileSync(path, "utf8").trim().split("\n").at(-1) as string);
      appendFileSync(path, `${JSON.stringify({ ...last, seq: 1, hash: "0".repeat(64) })}\n`);
      const report = await verifyAudit(kit.ctx);
      assert.equal(report.problem?.reason, "checkpoint-signature");
      writeFileSync(path, "");
    });

    it("answers the verification through the API for the administrator", async () => {
      await writeCheckpoint(kit.ctx);
      const admin = await kit.as("admin");
      const [row] = await kit.database.db.select().from(tables.auditEvents).where(eq(tables.auditEvents.seq, 1));
      assert.ok(row);
      const verification = await admin.request("GET", "/api/audit/verification");
      assert.equal(verification.status, 200);
      assert.equal(typeof verification.body.ok, "boolean");
      assert.ok(verification.body.dernierAncrage);
    });
  });
}
