import { and, asc, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type {
  CategorieEntreprise,
  Entreprise,
  EntrepriseRepository,
  JetonEntreprise,
  JetonRepository,
  MembreRepository,
  StatutInclusif,
  TypeJeton,
} from "@achat-public/domain/entreprises";
import type { Executor } from "../client";
import { ordreFrancais } from "../commun/colonnes";
import { uniqueGuard } from "../organisation/organisation.repository";
import { utilisateurs } from "../organisation/organisation.schema";
import { entrepriseJetons, entrepriseMembres, entreprises } from "./entreprises.schema";

const SIRET_PRIS = "Cette entreprise (SIRET) a déjà un compte : demandez une invitation à son administrateur.";

const versEntreprise = (row: typeof entreprises.$inferSelect): Entreprise => ({
  id: row.id,
  siret: row.siret,
  raisonSociale: row.raisonSociale,
  activites: row.activites,
  territoires: row.territoires,
  categorie: row.categorie as CategorieEntreprise | null,
  statutInclusif: row.statutInclusif as StatutInclusif | null,
  certifications: row.certifications,
  profilPublic: row.profilPublic,
  version: row.version,
});

export function entrepriseRepository(db: Executor): EntrepriseRepository {
  return {
    async insert(e) {
      await uniqueGuard(() => db.insert(entreprises).values(e), {
        entreprises_siret_unique: ["ENTREPRISE_SIRET_TAKEN", "siret", SIRET_PRIS],
      });
    },
    async get(id) {
      const [row] = await db.select().from(entreprises).where(eq(entreprises.id, id));
      return row ? versEntreprise(row) : null;
    },
    async update(e, expectedVersion) {
      const updated = await db
        .update(entreprises)
        .set({
          raisonSociale: e.raisonSociale,
          activites: e.activites,
          territoires: e.territoires,
          categorie: e.categorie,
          statutInclusif: e.statutInclusif,
          certifications: e.certifications,
          profilPublic: e.profilPublic,
          version: e.version,
          updatedAt: sql`now()`,
        })
        .where(and(eq(entreprises.id, e.id), eq(entreprises.version, expectedVersion)))
        .returning({ id: entreprises.id });
      return updated.length === 1;
    },
  };
}

export function membreRepository(db: Executor): MembreRepository {
  return {
    async deUtilisateur(utilisateurId) {
      const [row] = await db.select().from(entrepriseMembres).where(eq(entrepriseMembres.utilisateurId, utilisateurId));
      return row ? { utilisateurId: row.utilisateurId, entrepriseId: row.entrepriseId, administrateur: row.administrateur } : null;
    },
    async ajouter(m) {
      await db.insert(entrepriseMembres).values(m);
    },
    async lister(entrepriseId) {
      return db
        .select({
          utilisateurId: utilisateurs.id,
          email: utilisateurs.email,
          nomAffiche: utilisateurs.nomAffiche,
          administrateur: entrepriseMembres.administrateur,
          actif: utilisateurs.actif,
        })
        .from(entrepriseMembres)
        .innerJoin(utilisateurs, eq(utilisateurs.id, entrepriseMembres.utilisateurId))
        .where(eq(entrepriseMembres.entrepriseId, entrepriseId))
        .orderBy(desc(entrepriseMembres.administrateur), ordreFrancais(utilisateurs.nomAffiche), asc(utilisateurs.email));
    },
  };
}

const versJeton = (row: typeof entrepriseJetons.$inferSelect): JetonEntreprise => ({
  jetonHash: row.jetonHash,
  type: row.type as TypeJeton,
  entrepriseId: row.entrepriseId,
  utilisateurId: row.utilisateurId,
  email: row.email,
  nomAffiche: row.nomAffiche,
  expireLe: row.expireLe,
  utiliseLe: row.utiliseLe,
  creePar: row.creePar,
});

export function jetonRepository(db: Executor): JetonRepository {
  return {
    async insert(j) {
      await db.insert(entrepriseJetons).values(j);
    },
    async getForUpdate(jetonHash) {
      const [row] = await db.select().from(entrepriseJetons).where(eq(entrepriseJetons.jetonHash, jetonHash)).for("update");
      return row ? versJeton(row) : null;
    },
    async marquerUtilise(jetonHash, at) {
      await db.update(entrepriseJetons).set({ utiliseLe: at }).where(eq(entrepriseJetons.jetonHash, jetonHash));
    },
    async invitationsEnCours(entrepriseId, now) {
      const rows = await db
        .select()
        .from(entrepriseJetons)
        .where(
          and(
            eq(entrepriseJetons.entrepriseId, entrepriseId),
            eq(entrepriseJetons.type, "invitation"),
            isNull(entrepriseJetons.utiliseLe),
            gt(entrepriseJetons.expireLe, now),
          ),
        )
        .orderBy(asc(entrepriseJetons.createdAt));
      return rows.map(versJeton);
    },
  };
}
