import { rename, writeFile } from "node:fs/promises";
import { isAbsolute, resolve } from "node:path";
import { requiredOption } from "../platform/cli/args";
import { defineCommands } from "../platform/cli/commands";
import { exporterDecp, exporterOcds, marquerPublies } from "./publication.service";

/** Writes the file whole or not at all (temporary file renamed). */
async function ecrire(chemin: string, document: unknown): Promise<void> {
  const temporaire = `${chemin}.${process.pid}.tmp`;
  await writeFile(temporaire, `${JSON.stringify(document, null, 2)}\n`, "utf8");
  await rename(temporaire, chemin);
}

export const publicationCommands = defineCommands([
  {
    name: "decp exporter",
    usage: "--sortie <fichier.json> [--json]",
    summary:
      "Écrit les données essentielles des marchés du département (DECP 2.0.3) après le contrôle qualité : au moindre problème, " +
      "rien n'est écrit, chaque marché en faute est listé avec son champ (code de sortie 2).",
    async run({ args, out, context, cwd, actor }) {
      const sortie = requiredOption(args, "sortie");
      const chemin = isAbsolute(sortie) ? sortie : resolve(cwd, sortie);
      const ctx = await context();
      const resultat = await exporterDecp(ctx);
      const { controle } = resultat;
      const rapport = {
        ok: resultat.problemes.length === 0,
        fichier: resultat.problemes.length === 0 ? chemin : null,
        date: resultat.aujourdhui,
        marchesExamines: controle.total,
        marchesExportes: resultat.problemes.length === 0 ? resultat.document.marches.marche.length : 0,
        horsPerimetre: controle.horsPerimetre.map(({ numero, motif }) => ({ numero, motif })),
        aPublierEnRetard: controle.aPublierEnRetard.map(({ fondements: _f, ...r }) => r),
        publieesEnRetard: controle.publieesEnRetard,
        problemes: resultat.problemes,
      };
      if (resultat.problemes.length) {
        if (out.json) out.stdout(`${JSON.stringify(rapport, null, 2)}\n`);
        const marches = new Set(resultat.problemes.map((p) => p.numero));
        out.stderr(`Export refusé : ${resultat.problemes.length} problème(s) sur ${marches.size} marché(s) ; aucun fichier écrit.\n`);
        for (const p of resultat.problemes) out.stderr(`  - ${p.numero} · ${p.champ} : ${p.message}\n`);
        return 2;
      }
      await ecrire(chemin, resultat.document);
      // what was published today is recorded as such (first publication date)
      const marques = await marquerPublies(ctx, actor, resultat, resultat.publies);
      if (out.json) out.stdout(`${JSON.stringify({ ...rapport, premieresPublications: marques }, null, 2)}\n`);
      else {
        out.stdout(`${rapport.marchesExportes} marché(s) écrit(s) dans ${chemin} (DECP 2.0.3, schéma officiel vérifié).\n`);
        if (marques.marches + marques.modifications)
          out.stdout(
            `Première publication enregistrée au ${resultat.aujourdhui} : ${marques.marches} marché(s), ${marques.modifications} modification(s).\n`,
          );
        if (rapport.horsPerimetre.length)
          out.stdout(`${rapport.horsPerimetre.length} marché(s) sous le seuil des données essentielles, non exporté(s).\n`);
        for (const r of rapport.aPublierEnRetard)
          out.stdout(
            `En retard : ${r.numero} (${r.evenement} du ${r.dateEvenement}, à publier au plus tard le ${r.dateLimite}, ${r.joursDeRetard} j de retard).\n`,
          );
      }
      return 0;
    },
  },
  {
    name: "ocds exporter",
    usage: "--sortie <fichier.json> [--json]",
    summary:
      "Écrit le paquet de publications OCDS 1.1.5 du département (une procédure, un ocid stable), vérifié contre le schéma officiel.",
    async run({ args, out, context, cwd }) {
      const sortie = requiredOption(args, "sortie");
      const chemin = isAbsolute(sortie) ? sortie : resolve(cwd, sortie);
      const ctx = await context();
      const resultat = await exporterOcds(ctx);
      const releases = (resultat.document.releases as unknown[]).length;
      const rapport = {
        ok: resultat.erreursSchema.length === 0,
        fichier: resultat.erreursSchema.length === 0 ? chemin : null,
        publications: releases,
        marchesExclusParLeControle: resultat.controle.enErreur,
        erreursSchema: resultat.erreursSchema,
      };
      if (resultat.erreursSchema.length) {
        if (out.json) out.stdout(`${JSON.stringify(rapport, null, 2)}\n`);
        out.stderr(`Export refusé : le paquet ne respecte pas le schéma OCDS 1.1.5 ; aucun fichier écrit.\n`);
        for (const e of resultat.erreursSchema) out.stderr(`  - ${e.chemin} : ${e.message}\n`);
        return 2;
      }
      await ecrire(chemin, resultat.document);
      if (out.json) out.stdout(`${JSON.stringify(rapport, null, 2)}\n`);
      else {
        out.stdout(`${releases} publication(s) OCDS écrite(s) dans ${chemin} (schéma officiel 1.1.5 vérifié).\n`);
        if (rapport.marchesExclusParLeControle.length)
          out.stdout(
            `${rapport.marchesExclusParLeControle.length} marché(s) en faute au contrôle qualité laissé(s) de côté (voir « decp exporter »).\n`,
          );
      }
      return 0;
    },
  },
]);
