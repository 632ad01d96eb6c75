import { unitOfWork } from "../context";
import { UsageError } from "../platform/cli/args";
import { defineCommands } from "../platform/cli/commands";
import { print } from "../platform/cli/output";

export const plateformeCommands = defineCommands([
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
