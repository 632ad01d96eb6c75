import { z } from "zod";
import {
  composerSynthese,
  envoyerSynthese,
  jetonDesabonnement,
  jetonFlux,
  texteSynthese,
  type Frequence,
  type SourcesVeille,
} from "@achat-public/domain/portail";
import { unitOfWork, type AppContext } from "../context";
import { aujourdhuiParis } from "../marches/aujourdhui";
import { defineJob } from "../platform/jobs/jobs";
import { signataire, sourcesVeille, urlPublique } from "./portail.service";

export const PREPARER_SYNTHESES_PORTAIL = "portail.preparer-syntheses";
export const ENVOYER_SYNTHESE_PORTAIL = "portail.envoyer-synthese";

/** The frequencies whose digests go out on a Paris day: daily searches every day, weekly ones on Mondays. */
export function frequencesDuJour(jour: string): Frequence[] {
  const lundi = new Date(`${jour}T12:00:00Z`).getUTCDay() === 1;
  return lundi ? ["quotidienne", "hebdomadaire"] : ["quotidienne"];
}

/** One digest job per search due today (a singleton key per search and day: never two digests the same day). */
export async function preparerSynthesesPortail(ctx: AppContext): Promise<number> {
  const jour = aujourdhuiParis(ctx.clock.now());
  const frequences = frequencesDuJour(jour);
  return unitOfWork(ctx, async (uow) => {
    const ids = await uow.recherches.alertesActives(frequences);
    for (const rechercheId of ids)
      await uow.outbox.enqueue(
        ENVOYER_SYNTHESE_PORTAIL,
        { rechercheId, jour },
        { singletonKey: `${ENVOYER_SYNTHESE_PORTAIL}:${rechercheId}:${jour}` },
      );
    return ids.length;
  });
}

export const preparerSynthesesPortailJob = defineJob({
  name: PREPARER_SYNTHESES_PORTAIL,
  payload: z.object({}),
  handler: async (_p, { ctx }) => {
    await preparerSynthesesPortail(ctx);
  },
});

/**
 * One search's digest: the items are read first (outside the transaction), then, in one transaction, the search
 * is locked, the new items recorded as sent (unique key) and the mail queued — all or nothing, never twice.
 */
export async function envoyerSynthesePortail(ctx: AppContext, rechercheId: string): Promise<boolean> {
  const sources = sourcesVeille(ctx, ctx.database.db);
  const [lignes, consultations] = await Promise.all([sources.lignes.lignesPubliees(1000), sources.consultations.lister()]);
  const lues: SourcesVeille = {
    departement: sources.departement,
    lignes: { lignesPubliees: async () => lignes },
    consultations: { lister: async () => consultations },
  };
  return unitOfWork(ctx, async (uow) => {
    const synthese = await composerSynthese(uow, lues, rechercheId);
    if (!synthese) return false;
    const signe = signataire(ctx, uow.executeSql);
    const base = urlPublique(ctx);
    const contenu = texteSynthese(synthese, {
      publicUrl: base,
      desabonnement: `${base}/entreprises/desabonnement?jeton=${encodeURIComponent(await jetonDesabonnement(signe, synthese.recherche.id))}`,
      flux: synthese.recherche.fluxActif
        ? `${base}/api/public/recherches/${encodeURIComponent(await jetonFlux(signe, synthese.recherche))}/flux.rss`
        : null,
    });
    await envoyerSynthese(uow, synthese, contenu);
    return true;
  });
}

export const envoyerSynthesePortailJob = defineJob({
  name: ENVOYER_SYNTHESE_PORTAIL,
  payload: z.object({ rechercheId: z.string(), jour: z.string() }),
  handler: async (p, { ctx }) => {
    await envoyerSynthesePortail(ctx, p.rechercheId);
  },
});
