import { asc, eq, sql } from "drizzle-orm";
import type { EcbRateRepository } from "@achat-public/domain";
import type { LigneTauxBce } from "@achat-public/domain/regles";
import type { Executor } from "../client";
import { ecbRates } from "../schema";

const toRow = (r: typeof ecbRates.$inferSelect): LigneTauxBce => ({
  debutSemestre: r.semesterStart,
  tauxBcePointsDeBase: r.rateBasisPoints,
  source: r.source,
  statut: r.confirmed ? "confirme" : "a-confirmer",
});

export function ecbRateRepository(db: Executor): EcbRateRepository {
  return {
    async list() {
      return (await db.select().from(ecbRates).orderBy(asc(ecbRates.semesterStart))).map(toRow);
    },
    async get(debutSemestre) {
      const [row] = await db.select().from(ecbRates).where(eq(ecbRates.semesterStart, debutSemestre));
      return row ? toRow(row) : null;
    },
    async upsert(row) {
      const values = {
        rateBasisPoints: row.tauxBcePointsDeBase,
        source: row.source,
        confirmed: row.statut === "confirme",
      };
      await db
        .insert(ecbRates)
        .values({ semesterStart: row.debutSemestre, ...values })
        .onConflictDoUpdate({
          target: ecbRates.semesterStart,
          set: { ...values, updatedAt: sql`now()`, version: sql`${ecbRates.version} + 1` },
        });
    },
  };
}
