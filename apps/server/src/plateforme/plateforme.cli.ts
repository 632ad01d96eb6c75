import { unitOfWork } from "../context";
import { requiredOption, UsageError } from "../platform/cli/args";
import { defineCommands } from "../platform/cli/commands";
import { print } from "../platform/cli/output";

export const plateformeCommands = defineCommands([
  {
    name: "courriel essai",
    usage: "--a <adresse> [--json]",
    summary: "Envoie un courriel d'essai (vérifie SMTP_URL) ; sans serveur d'envoi, il est conservé et visible sur la page « Courriels ».",
    async run({ args, out, context, actor }) {
      const ctx = await context();
      const { sendTestMail } = await import("./plateforme.courriels");
      const id = await unitOfWork(ctx, (uow) => sendTestMail(ctx, uow, actor, requiredOption(args, "a")));
      print(
        out,
        `Courriel d'essai mis en file (${id}) : ${ctx.config.mail.smtpUrl ? "il part par le serveur SMTP configuré" : "aucun serveur d'envoi, il est conservé dans la base"}.`,
        { id },
      );
      return 0;
    },
  },
  {
    name: "demo charger",
    usage: "[--json]",
    summary: "Charge les données de démonstration dans une base vide.",
    async run({ out, context }) {
      const ctx = await context();
      const { loadDemo } = await import("../bootstrap");
      const summary = await unitOfWork(ctx, async (uow) => {
        if (await uow.organisations.first()) {
          throw new UsageError(
            "La base contient déjà une organisation : les données de démonstration ne se chargent que dans une base vide.",
          );
        }
        return loadDemo(ctx, uow);
      });
      print(
        out,
        `Données de démonstration chargées : ${Object.entries(summary)
          .map(([k, n]) => `${n} ${k}`)
          .join(", ")}.`,
        summary,
      );
      return 0;
    },
  },
]);
