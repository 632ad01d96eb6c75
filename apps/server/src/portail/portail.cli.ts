import { FREQUENCES, type Frequence } from "@achat-public/domain/portail";
import { readOnly } from "../context";
import { aujourdhuiParis } from "../marches/aujourdhui";
import { option, UsageError } from "../platform/cli/args";
import { defineCommands } from "../platform/cli/commands";
import { print } from "../platform/cli/output";
import { envoyerSynthesePortail, frequencesDuJour } from "./portail.jobs";

export const portailCommands = defineCommands([
  {
    name: "portail syntheses",
    usage: "[--frequence quotidienne|hebdomadaire] [--json]",
    summary:
      'Envoie maintenant les synthèses des recherches enregistrées des entreprises (rattrapage après une panne) : celles du jour par défaut (quotidiennes, et hebdomadaires le lundi), jamais deux fois le même élément. Avec --json : {"jour", "frequences", "recherches", "envoyees"}.',
    async run({ args, out, context }) {
      const frequence = option(args, "frequence");
      if (frequence !== undefined && !FREQUENCES.includes(frequence as Frequence))
        throw new UsageError(`--frequence : ${FREQUENCES.join(" ou ")}.`);
      const ctx = await context();
      const jour = aujourdhuiParis(ctx.clock.now());
      const frequences = frequence ? [frequence as Frequence] : frequencesDuJour(jour);
      const recherches = await readOnly(ctx).recherches.alertesActives(frequences);
      let envoyees = 0;
      // one transaction per search, as the scheduled job does: a failure leaves the others sent
      for (const id of recherches) if (await envoyerSynthesePortail(ctx, id)) envoyees++;
      print(
        out,
        `${envoyees} synthèse${envoyees > 1 ? "s" : ""} envoyée${envoyees > 1 ? "s" : ""} sur ${recherches.length} recherche${recherches.length > 1 ? "s" : ""} en alerte (${frequences.join(", ")}) le ${jour}.`,
        { jour, frequences, recherches: recherches.length, envoyees },
      );
      return 0;
    },
  },
]);
