import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { selectRows, sql } from "@achat-public/db";
import { testTargets } from "@achat-public/db/testing";
import { unitOfWork } from "../../context";
import { apiTest, type ApiTest, type TestClient } from "../../testing/harness";
import { TestSmtpServer } from "../../testing/smtp";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

for (const target of testTargets()) {
  describe(`courriels : boîte d'envoi transactionnelle et serveur SMTP (${target.name})`, () => {
    let smtp: TestSmtpServer;
    let kit: ApiTest;
    let admin: TestClient;

    before(async () => {
      smtp = new TestSmtpServer();
      const smtpUrl = await smtp.start();
      kit = await apiTest(target, {
        mail: { smtpUrl, from: "achat-public <test@achat-public.local>" },
        jobs: { workers: true, pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1, retryDelaySeconds: 1 },
      });
      admin = await kit.as("admin");
    });
    after(async () => {
      await kit.close();
      await smtp.stop();
    });

    it("never sends a mail queued in a transaction that rolls back", async () => {
      await assert.rejects(
        unitOfWork(kit.ctx, async (uow) => {
          await uow.courriels.envoyer({
            organisationId: kit.organisationId,
            destinataires: ["annule@exemple.fr"],
            sujet: "Annulé",
            texte: "x",
            categorie: "test",
          });
          throw new Error("la transaction échoue après la mise en file");
        }),
      );
      await sleep(2500);
      assert.equal(smtp.received.filter((m) => m.subject === "Annulé").length, 0);
      const [row] = await selectRows<{ n: number }>(kit.database.db, sql`select count(*)::int as n from courriels where sujet = 'Annulé'`);
      assert.equal(row?.n, 0);
    });

    it("sends a mail of a committed transaction through the SMTP server, and marks it sent", async () => {
      const queued = await admin.request("POST", "/api/courriels/essai", { destinataire: "Destinataire@Exemple.fr" });
      assert.equal(queued.status, 202);
      await smtp.waitFor((mails) => mails.some((m) => m.to.includes("destinataire@exemple.fr")));
      const mail = smtp.received.find((m) => m.to.includes("destinataire@exemple.fr"));
      assert.match(mail?.subject ?? "", /Courriel d'essai/);
      assert.ok(mail?.messageId?.includes(queued.body.id), "stable Message-ID: a duplicate can be recognised");
      for (let i = 0; i < 40; i++) {
        const detail = await admin.request("GET", `/api/courriels/${queued.body.id}`);
        if (detail.body.statut === "envoye") return;
        await sleep(100);
      }
      assert.fail("courriel jamais marqué envoyé");
    });

    it("retries while the SMTP server refuses, and sends once it accepts again (nothing lost)", async () => {
      smtp.failNext = 2;
      const queued = await admin.request("POST", "/api/courriels/essai", { destinataire: "patient@exemple.fr" });
      await smtp.waitFor((mails) => mails.some((m) => m.to.includes("patient@exemple.fr")), 30_000);
      assert.equal(smtp.failNext, 0);
      // the job marks the mail sent after the SMTP server has accepted it: wait for that commit
      let row: { tentatives: number; statut: string } | undefined;
      for (let i = 0; i < 100 && row?.statut !== "envoye"; i++) {
        if (i > 0) await sleep(100);
        [row] = await selectRows<{ tentatives: number; statut: string }>(
          kit.database.db,
          sql`select tentatives, statut from courriels where id = ${queued.body.id}`,
        );
      }
      assert.equal(row?.statut, "envoye");
      assert.ok((row?.tentatives ?? 0) >= 3, `tentatives : ${row?.tentatives}`);
    });
  });
}
