import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { z } from "zod";
import { testTargets } from "@achat-public/db/testing";
import { unitOfWork, type AppContext } from "../../context";
import { testApp } from "../../testing/harness";
import { defineJob, JobRunner } from "./jobs";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

for (const target of testTargets()) {
  describe(`file des tâches : tentatives, lettres mortes, relance (${target.name})`, () => {
    let ctx: AppContext;
    let runner: JobRunner;
    let close: () => Promise<void>;
    const attempts: string[] = [];
    let healthy = false;

    before(async () => {
      const database = await target.open();
      const app = await testApp(database, { demoMode: false });
      ctx = app.ctx;
      runner = new JobRunner(
        database,
        { workers: true, pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1, retryDelaySeconds: 1 },
        () => {},
      );
      const flaky = defineJob({
        name: "test.tache-fragile",
        payload: z.object({ n: z.number() }),
        retryLimit: 1,
        async handler({ n }, { attempt, lastAttempt }) {
          attempts.push(`${n}:${attempt}:${lastAttempt}`);
          if (!healthy) throw new Error(`panne simulée (essai ${attempt})`);
        },
      });
      await runner.start({ ...ctx, jobs: runner }, [flaky], []);
      close = async () => {
        await runner.stop();
        await app.app.close();
        await database.close();
      };
    });
    after(() => close());

    it("retries a failing job, then puts it in the dead-letter list with its error; a retry runs it again", async () => {
      await unitOfWork({ ...ctx, jobs: runner }, (uow) => uow.outbox.enqueue("test.tache-fragile", { n: 7 }));
      let failed = await runner.failed(10, 0);
      for (let i = 0; i < 100 && failed.total === 0; i++) {
        await sleep(200);
        failed = await runner.failed(10, 0);
      }
      assert.deepEqual(attempts, ["7:1:false", "7:2:true"]);
      assert.equal(failed.total, 1);
      assert.equal(failed.taches[0]?.job, "test.tache-fragile");
      assert.deepEqual(failed.taches[0]?.payload, { n: 7 });
      assert.match(failed.taches[0]?.erreur ?? "", /panne simulée/);

      healthy = true;
      assert.deepEqual(await runner.retryFailed(failed.taches[0]?.id ?? ""), { job: "test.tache-fragile" });
      for (let i = 0; i < 50 && attempts.length < 3; i++) await sleep(200);
      assert.equal(attempts.length, 3);
      assert.equal((await runner.failed(10, 0)).total, 0);
      assert.equal(await runner.retryFailed(failed.taches[0]?.id ?? ""), null, "already retried");
    });

    it("refuses an unknown job type or a payload that does not match its schema", async () => {
      await assert.rejects(
        unitOfWork({ ...ctx, jobs: runner }, (uow) => uow.outbox.enqueue("test.inconnue", {})),
        /inconnu/,
      );
      await assert.rejects(unitOfWork({ ...ctx, jobs: runner }, (uow) => uow.outbox.enqueue("test.tache-fragile", { n: "sept" })));
    });
  });
}
