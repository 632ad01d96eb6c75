import { asc, eq, sql } from "drizzle-orm";
import type { EcbRateRepository, LigneTauxBce } from "@achat-public/domain/regles";
import type { Executor } from "../client";
import { tauxBce } from "./regles.schema";

const toLigne = (r: typeof tauxBce.$inferSelect): LigneTauxBce => ({
  debutSemestre: r.debutSemestre,
  tauxBcePointsDeBase: r.tauxBcePointsDeBase,
  source: r.source,
  statut: r.statut as LigneTauxBce["statut"],
});

export function ecbRateRepository(db: Executor): EcbRateRepository {
  return {
    async list() {
      return (await db.select().from(tauxBce).orderBy(asc(tauxBce.debutSemestre))).map(toLigne);
    },
    async get(debutSemestre) {
      const [row] = await db.select().from(tauxBce).where(eq(tauxBce.debutSemestre, debutSemestre));
      return row ? toLigne(row) : null;
    },
    async upsert(ligne) {
      const values = { tauxBcePointsDeBase: ligne.tauxBcePointsDeBase, source: ligne.source, statut: ligne.statut };
      await db
        .insert(tauxBce)
        .values({ debutSemestre: ligne.debutSemestre, ...values })
        .onConflictDoUpdate({
          target: tauxBce.debutSemestre,
          set: { ...values, updatedAt: sql`now()`, version: sql`${tauxBce.version} + 1` },
        });
    },
  };
}
