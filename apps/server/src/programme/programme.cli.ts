import { agregationProgramme } from "@achat-public/domain/programme";
import { presentAgregation } from "@achat-public/contracts";
import { formatEuros } from "@achat-public/domain/valeurs";
import { readOnly } from "../context";
import { requiredOption, UsageError } from "../platform/cli/args";
import { defineCommands } from "../platform/cli/commands";
import { print } from "../platform/cli/output";

export const programmeCommands = defineCommands([
  {
    name: "programme alertes",
    usage: "--annee <AAAA> [--json]",
    summary:
      "Liste les alertes de fractionnement de la programmation d'une année : familles homogènes (ou opérations de travaux) dont les lignes\n" +
      "sont chacune sous un seuil que leur somme atteint (R2121-1, R2121-5, R2121-6), avec les lignes, la valeur agrégée et le seuil.",
    async run({ args, out, context, actor }) {
      const brut = requiredOption(args, "annee");
      if (!/^\d{4}$/.test(brut)) throw new UsageError("--annee attend une année sur quatre chiffres (AAAA).");
      const ctx = await context();
      const uow = readOnly(ctx);
      const organisation = await uow.organisations.first();
      if (!organisation) throw new UsageError("La base ne contient encore aucune organisation.");
      const agregation = presentAgregation(await agregationProgramme(uow, actor, organisation.id, Number(brut)));
      const alertes = agregation.alertes;
      const humain =
        alertes.length === 0
          ? `Aucune alerte de fractionnement en ${brut}.`
          : [
              `${alertes.length} alerte${alertes.length > 1 ? "s" : ""} de fractionnement en ${brut} :`,
              ...alertes.map(
                (a) =>
                  `- ${a.famille} : ${a.lignes.length} lignes, ${formatEuros(Math.round(a.valeurAgregeeHt * 100))} HT ≥ ${a.seuil.libelle} (${formatEuros(Math.round(a.seuil.valeurHt * 100))} HT)`,
              ),
            ].join("\n");
      print(out, humain, { annee: agregation.annee, dateReference: agregation.dateReference, alertes });
      return 0;
    },
  },
]);
