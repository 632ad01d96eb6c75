import { z } from "zod";
import { ATTRIBUTION_NOTIFIEE, systemActor, type AttributionNotifiee } from "@achat-public/domain";
import { compterVeille, enregistrerAttribution, veillePortefeuille, type Veille } from "@achat-public/domain/marches";
import { PROCEDURES_DECP, NATURES } from "@achat-public/domain/regles";
import { unitOfWork, type AppContext } from "../context";
import { defineJob } from "../platform/jobs/jobs";
import { aujourdhuiParis } from "./aujourdhui";

const AttributionSchema: z.ZodType<AttributionNotifiee> = z.object({
  organisationId: z.string(),
  directionId: z.string(),
  procedureId: z.string(),
  lotNumero: z.number().int(),
  numero: z.string(),
  objet: z.string(),
  nature: z.enum(NATURES as [AttributionNotifiee["nature"], ...AttributionNotifiee["nature"][]]),
  cpv: z.string(),
  procedure: z.enum(PROCEDURES_DECP as [AttributionNotifiee["procedure"], ...AttributionNotifiee["procedure"][]]),
  titulaires: z.array(
    z.object({
      siret: z.string(),
      nom: z.string(),
      role: z.enum(["titulaire", "cotraitant", "mandataire"]),
      categorie: z.enum(["micro", "pme", "eti", "ge"]).nullable(),
    }),
  ),
  montantHtCents: z.number().int().nullable(),
  accordCadre: z.boolean(),
  montantMinHtCents: z.number().int().nullable(),
  montantMaxHtCents: z.number().int().nullable(),
  dateNotification: z.string(),
  dureeMois: z.number().int(),
  nombreOffres: z.number().int(),
  clauseSociale: z.boolean(),
  heuresInsertionPrevues: z.number().int().nullable(),
  clauseEnvironnementale: z.boolean(),
  marcheReserve: z.boolean(),
  achatInnovant: z.boolean(),
  lignesProgrammeIds: z.array(z.string()),
});

/** `procedures.attribution-notifiee`: the notified lot becomes a contract record (idempotent on procedure + lot). */
export const attributionNotifieeJob = defineJob({
  name: ATTRIBUTION_NOTIFIEE,
  payload: AttributionSchema,
  handler: async (payload, { ctx }) => {
    const { marche, cree } = await unitOfWork(ctx, async (uow) => {
      const r = await enregistrerAttribution(uow, systemActor("tâche : attribution notifiée"), payload);
      // the competition indicator of the lot, kept beside the record (steering, DECP `offresRecues`)
      if (r.cree) await uow.executeSql("UPDATE marches SET nombre_offres = $1 WHERE id = $2", [payload.nombreOffres, r.marche.id]);
      return r;
    });
    if (cree) ctx.log.info({ marcheId: marche.id, numero: marche.numero }, "marché créé depuis l'attribution notifiée");
  },
});

export const PREPARER_SYNTHESES = "marches.preparer-syntheses";
export const ENVOYER_SYNTHESE = "marches.envoyer-synthese";

/** The daily run: one digest job per direction that has something to watch (one per direction and day). */
export const preparerSynthesesJob = defineJob({
  name: PREPARER_SYNTHESES,
  payload: z.object({}),
  handler: async (_payload, { ctx }) => {
    await preparerSyntheses(ctx);
  },
});

export async function preparerSyntheses(ctx: AppContext): Promise<number> {
  const jour = aujourdhuiParis(ctx.clock.now());
  return unitOfWork(ctx, async (uow) => {
    const organisation = await uow.organisations.first();
    if (!organisation) return 0;
    const veille = await veillePortefeuille(uow, systemActor("tâche : synthèse de la veille"), organisation.id, jour);
    const directions = new Set(lignesDe(veille).map((l) => l.directionId));
    for (const directionId of directions) {
      await uow.outbox.enqueue(
        ENVOYER_SYNTHESE,
        { organisationId: organisation.id, directionId, jour },
        { singletonKey: `${ENVOYER_SYNTHESE}:${directionId}:${jour}` },
      );
    }
    return directions.size;
  });
}

function lignesDe(v: Veille) {
  return [...v.finSansSuccesseur, ...v.reconductionsADecider, ...v.accordsCadresConsommes, ...v.derivesAvenants, ...v.retardsPaiement];
}

/** French text of a direction's digest. */
export function texteSynthese(veille: Veille, sigle: string, urlPublique: string): { sujet: string; texte: string } {
  const n = compterVeille(veille);
  const section = (titre: string, lignes: Veille["finSansSuccesseur"], detail: (l: Veille["finSansSuccesseur"][number]) => string) =>
    lignes.length
      ? [
          `${titre} (${lignes.length})`,
          ...lignes.slice(0, 20).map((l) => `  - ${l.numero} — ${l.objet} : ${detail(l)}`),
          ...(lignes.length > 20 ? [`  … et ${lignes.length - 20} autres`] : []),
          "",
        ]
      : [];
  const texte = [
    `Veille du portefeuille de marchés de la direction ${sigle} au ${veille.aujourdhui.split("-").reverse().join("/")}.`,
    "",
    ...section(
      "Marchés finissant sans successeur au programme",
      veille.finSansSuccesseur,
      (l) => `fin le ${l.dateFin} (moins de ${l.horizonMois} mois)`,
    ),
    ...section(
      "Reconductions à décider",
      veille.reconductionsADecider,
      (l) => `fin de période le ${l.dateFin}, ${l.reconductionsRestantes} reconduction(s) possible(s)`,
    ),
    ...section(
      "Accords-cadres presque consommés",
      veille.accordsCadresConsommes,
      (l) => `${((l.tauxConsommationPointsDeBase ?? 0) / 100).toFixed(0)} % du maximum`,
    ),
    ...section(
      "Dérives d'avenants",
      veille.derivesAvenants,
      (l) =>
        `cumul ${(l.pourcentageCumulePointsDeBase / 100).toFixed(2)} % du montant initial${l.modificationsHorsMoteur ? `, ${l.modificationsHorsMoteur} avenant(s) hors moteur` : ""}`,
    ),
    ...section(
      "Retards de paiement",
      veille.retardsPaiement,
      (l) => `${l.facturesImpayeesEchues} facture(s) échue(s) impayée(s), ${l.facturesEnRetard} payée(s) en retard sur 12 mois`,
    ),
    `Voir la veille : ${urlPublique}/marches/veille`,
  ].join("\n");
  const total = Object.values(n).reduce((a, b) => a + b, 0);
  return { sujet: `Veille des marchés ${sigle} : ${total} point${total > 1 ? "s" : ""} d'attention`, texte };
}

/** One direction's digest, sent to its buyers; recorded per direction and day so it is never sent twice. */
export const envoyerSyntheseJob = defineJob({
  name: ENVOYER_SYNTHESE,
  payload: z.object({ organisationId: z.string(), directionId: z.string(), jour: z.string() }),
  handler: async (payload, { ctx }) => {
    await envoyerSynthese(ctx, payload);
  },
});

export async function envoyerSynthese(ctx: AppContext, p: { organisationId: string; directionId: string; jour: string }): Promise<boolean> {
  const actor = systemActor("tâche : synthèse de la veille");
  return unitOfWork(ctx, async (uow) => {
    const direction = await uow.directions.get(p.directionId, p.organisationId);
    if (!direction) return false;
    if (!(await uow.marches.marquerSynthese(p.directionId, p.jour))) return false;
    const veille = await veillePortefeuille(uow, actor, p.organisationId, p.jour, p.directionId);
    const { utilisateurs } = await uow.utilisateurs.list({
      organisationId: p.organisationId,
      scope: { kind: "direction", directionId: p.directionId },
      page: 1,
      parPage: 200,
    });
    const destinataires = utilisateurs
      .filter((u) => u.actif && (u.role === "acheteur" || u.role === "acheteur-central"))
      .map((u) => u.email);
    if (destinataires.length === 0 || lignesDe(veille).length === 0) return false;
    const { sujet, texte } = texteSynthese(veille, direction.sigle, ctx.config.publicUrl);
    await uow.courriels.envoyer({ organisationId: p.organisationId, destinataires, sujet, texte, categorie: "marches.synthese" });
    await uow.audit.append(actor, {
      organisationId: p.organisationId,
      type: "marches.digest-sent",
      aggregateType: "direction",
      aggregateId: p.directionId,
      payload: { jour: p.jour, destinataires: destinataires.length, ...compterVeille(veille) },
    });
    return true;
  });
}
