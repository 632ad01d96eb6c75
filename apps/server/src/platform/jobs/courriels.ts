/**
 * Outgoing mail: `courriels.envoyer(…)` writes the mail and its sending job in the caller's transaction; the
 * job sends it through nodemailer to the SMTP server of SMTP_URL, or, without one, keeps it in the database
 * (page « Courriels » of the administrator, which is how the embedded demo shows its mails).
 */
import nodemailer, { type Transporter } from "nodemailer";
import { z } from "zod";
import type { Courriels, NouveauCourriel, Outbox } from "@achat-public/domain";
import { courrielRepository, repositories } from "@achat-public/db";
import type { AppContext } from "../../context";
import { defineJob } from "./jobs";

export const SEND_MAIL_JOB = "courriel.envoyer";

/** The mail service of one transaction. */
export function courrielsOf(table: ReturnType<typeof courrielRepository>, outbox: Outbox): Courriels {
  return {
    async envoyer(courriel: NouveauCourriel) {
      const id = await table.insert(courriel);
      await outbox.enqueue(SEND_MAIL_JOB, { courrielId: id });
      return id;
    },
  };
}

const transports = new Map<string, Transporter>();

function transportFor(url: string): Transporter {
  let transport = transports.get(url);
  if (!transport) {
    transport = nodemailer.createTransport(url, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
    transports.set(url, transport);
  }
  return transport;
}

/**
 * Sends one mail. Idempotent: a mail already sent (or kept) is not sent again. A runner killed after the SMTP
 * server accepted the mail but before it was marked sent will send it a second time (at least once, never lost);
 * the stable Message-ID lets the recipient's server recognise the duplicate.
 */
export const sendMailJob = defineJob({
  name: SEND_MAIL_JOB,
  payload: z.object({ courrielId: z.uuid() }),
  retryLimit: 5,
  retryDelaySeconds: 60,
  expireInSeconds: 120,
  async handler({ courrielId }, { ctx, lastAttempt }) {
    const db = ctx.database.db;
    const table = courrielRepository(db, { clock: ctx.clock, ids: ctx.ids });
    const courriel = await table.get(courrielId);
    if (!courriel || courriel.statut === "envoye" || courriel.statut === "conserve") return;
    const smtp = ctx.config.mail.smtpUrl;
    if (!smtp) {
      await table.markAttempt(courrielId, "conserve", null);
      return;
    }
    try {
      await transportFor(smtp).sendMail({
        from: ctx.config.mail.from,
        to: courriel.destinataires,
        subject: courriel.sujet,
        text: courriel.texte,
        ...(courriel.html ? { html: courriel.html } : {}),
        messageId: `<${courriel.id}@${new URL(ctx.config.publicUrl).hostname}>`,
        headers: { "Auto-Submitted": "auto-generated" },
      });
    } catch (error) {
      await table.markAttempt(
        courrielId,
        lastAttempt ? "echec" : "en-attente",
        error instanceof Error ? error.message.slice(0, 500) : String(error),
      );
      throw error;
    }
    await table.markAttempt(courrielId, "envoye", null);
  },
});

/** For tests and scripts: the mail repository on the pool. */
export const courrielTable = (ctx: AppContext) => repositories(ctx.database.db, { clock: ctx.clock, ids: ctx.ids }).courrielsTable;
