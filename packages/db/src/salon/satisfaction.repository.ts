import { and, count, eq } from "drizzle-orm";
import type { CoteSatisfaction, ReponseSatisfactionEnregistree, SatisfactionSalonRepository } from "@achat-public/domain/salon";
import type { Executor } from "../client";
import { uniqueGuard } from "../organisation/organisation.repository";
import { salonAcheteurs, salonInscriptions, salonSatisfaction } from "./salon.schema";

const DEJA = "Une réponse au questionnaire vient d'être enregistrée pour vous : rechargez la page pour la modifier.";

export function satisfactionSalonRepository(db: Executor): SatisfactionSalonRepository {
  return {
    async reponseDe(salonId, auteur) {
      const [row] = await db
        .select()
        .from(salonSatisfaction)
        .where(
          and(
            eq(salonSatisfaction.salonId, salonId),
            "entrepriseId" in auteur
              ? and(eq(salonSatisfaction.cote, "entreprise"), eq(salonSatisfaction.entrepriseId, auteur.entrepriseId))
              : and(eq(salonSatisfaction.cote, "acheteur"), eq(salonSatisfaction.utilisateurId, auteur.utilisateurId)),
          ),
        );
      return row ? ({ ...row, cote: row.cote as CoteSatisfaction } satisfies ReponseSatisfactionEnregistree) : null;
    },
    async inserer(r) {
      await uniqueGuard(() => db.insert(salonSatisfaction).values(r), {
        salon_satisfaction_entreprise_unique: ["ALREADY_ANSWERED", "salonId", DEJA],
        salon_satisfaction_acheteur_unique: ["ALREADY_ANSWERED", "salonId", DEJA],
      });
    },
    async modifier(id, r, modifieLe) {
      await db
        .update(salonSatisfaction)
        .set({ satisfaction: r.satisfaction, utilite: r.utilite, reviendrait: r.reviendrait, commentaire: r.commentaire, modifieLe })
        .where(eq(salonSatisfaction.id, id));
    },
    async reponses(salonId) {
      // no author column is read
      const rows = await db
        .select({
          cote: salonSatisfaction.cote,
          satisfaction: salonSatisfaction.satisfaction,
          utilite: salonSatisfaction.utilite,
          reviendrait: salonSatisfaction.reviendrait,
          commentaire: salonSatisfaction.commentaire,
        })
        .from(salonSatisfaction)
        .where(eq(salonSatisfaction.salonId, salonId));
      return rows.map((r) => ({ ...r, cote: r.cote as CoteSatisfaction }));
    },
    async participants(salonId) {
      const [entreprises] = await db
        .select({ n: count() })
        .from(salonInscriptions)
        .where(
          and(eq(salonInscriptions.salonId, salonId), eq(salonInscriptions.statut, "acceptee"), eq(salonInscriptions.presence, "present")),
        );
      const [acheteurs] = await db.select({ n: count() }).from(salonAcheteurs).where(eq(salonAcheteurs.salonId, salonId));
      return { entreprise: Number(entreprises?.n ?? 0), acheteur: Number(acheteurs?.n ?? 0) };
    },
  };
}
