import { emailProblem, invalidInput, normaliseEmail, type Actor } from "@achat-public/domain";
import type { AppContext, UnitOfWork } from "../context";

/**
 * A test mail to one address (checks the SMTP configuration end to end), audited. The organisation is the
 * actor's, or the first one for the CLI.
 */
export async function sendTestMail(ctx: AppContext, uow: UnitOfWork, actor: Actor, destinataire: string): Promise<string> {
  const problem = emailProblem(destinataire);
  if (problem) throw invalidInput([{ path: ["destinataire"], message: problem }]);
  const organisationId = actor.kind === "user" ? actor.organisationId : ((await uow.organisations.first())?.id ?? null);
  const to = normaliseEmail(destinataire);
  const id = await uow.courriels.envoyer({
    organisationId,
    destinataires: [to],
    sujet: `Courriel d'essai — achat-public — ${ctx.config.organisation.name}`,
    texte:
      `Bonjour,\n\nCe courriel d'essai a été demandé par ${actor.label} pour vérifier l'envoi des courriels de la plateforme ` +
      `achat-public (${ctx.config.publicUrl}).\n\nIl n'appelle aucune réponse.\n`,
    categorie: "plateforme.essai",
  });
  await uow.audit.append(actor, {
    type: "mail.test-queued",
    aggregateType: "courriel",
    aggregateId: id,
    organisationId,
    payload: { destinataire: to },
  });
  return id;
}
