import { and, desc, eq, gte, inArray, ne, sql } from "drizzle-orm";
import { fourchetteValeur } from "@achat-public/domain/programme";
import type {
  ElementVeille,
  Frequence,
  LignesPublieesSource,
  RechercheEnregistree,
  RechercheRepository,
} from "@achat-public/domain/portail";
import type { Executor } from "../client";
import { directions, utilisateurs } from "../organisation/organisation.schema";
import { lignesProgramme } from "../programme/programme.schema";
import { salons } from "../salon/salon.schema";
import { portailCles, recherchesEnregistrees, recherchesEnvois } from "./portail.schema";

const versRecherche = (r: typeof recherchesEnregistrees.$inferSelect): RechercheEnregistree => ({
  id: r.id,
  entrepriseId: r.entrepriseId,
  utilisateurId: r.utilisateurId,
  nom: r.nom,
  frequence: r.frequence as Frequence,
  prefixesCpv: r.prefixesCpv,
  motsCles: r.motsCles,
  departement: r.departement,
  montantMinHtCents: r.montantMinHtCents,
  montantMaxHtCents: r.montantMaxHtCents,
  alertesActives: r.alertesActives,
  fluxGeneration: r.fluxGeneration,
  fluxActif: r.fluxActif,
  creeLe: r.creeLe,
  version: r.version,
});

export function rechercheRepository(db: Executor): RechercheRepository {
  return {
    async insert(r) {
      await db.insert(recherchesEnregistrees).values(r);
    },
    async get(id) {
      const [row] = await db.select().from(recherchesEnregistrees).where(eq(recherchesEnregistrees.id, id));
      return row ? versRecherche(row) : null;
    },
    async getForUpdate(id) {
      const [row] = await db.select().from(recherchesEnregistrees).where(eq(recherchesEnregistrees.id, id)).for("update");
      return row ? versRecherche(row) : null;
    },
    async deEntreprise(entrepriseId) {
      const rows = await db
        .select()
        .from(recherchesEnregistrees)
        .where(eq(recherchesEnregistrees.entrepriseId, entrepriseId))
        .orderBy(recherchesEnregistrees.creeLe, recherchesEnregistrees.id);
      return rows.map(versRecherche);
    },
    async update(r, expectedVersion) {
      const { id, entrepriseId: _e, utilisateurId: _u, creeLe: _c, ...valeurs } = r;
      const updated = await db
        .update(recherchesEnregistrees)
        .set({ ...valeurs, updatedAt: sql`now()` })
        .where(and(eq(recherchesEnregistrees.id, id), eq(recherchesEnregistrees.version, expectedVersion)))
        .returning({ id: recherchesEnregistrees.id });
      return updated.length === 1;
    },
    async delete(id) {
      await db.delete(recherchesEnregistrees).where(eq(recherchesEnregistrees.id, id));
    },
    async alertesActives(frequences) {
      const rows = await db
        .select({ id: recherchesEnregistrees.id })
        .from(recherchesEnregistrees)
        .innerJoin(utilisateurs, eq(utilisateurs.id, recherchesEnregistrees.utilisateurId))
        .where(
          and(
            eq(recherchesEnregistrees.alertesActives, true),
            eq(utilisateurs.actif, true),
            inArray(recherchesEnregistrees.frequence, [...frequences]),
          ),
        )
        .orderBy(recherchesEnregistrees.id);
      return rows.map((r) => r.id);
    },
    async destinataire(utilisateurId) {
      const [row] = await db
        .select({ email: utilisateurs.email, actif: utilisateurs.actif, organisationId: utilisateurs.organisationId })
        .from(utilisateurs)
        .where(eq(utilisateurs.id, utilisateurId));
      return row ?? null;
    },
    async envoyes(rechercheId) {
      const rows = await db
        .select({ cle: recherchesEnvois.cle })
        .from(recherchesEnvois)
        .where(eq(recherchesEnvois.rechercheId, rechercheId));
      return new Set(rows.map((r) => r.cle));
    },
    async marquerEnvoyes(rechercheId, cles, at) {
      if (cles.length === 0) return [];
      const rows = await db
        .insert(recherchesEnvois)
        .values(cles.map((cle) => ({ rechercheId, cle, envoyeLe: at })))
        .onConflictDoNothing()
        .returning({ cle: recherchesEnvois.cle });
      return rows.map((r) => r.cle);
    },
  };
}

/**
 * The published programme lines as feed items: newest publication first (the line's last change, which for a
 * published line is its publication or a later correction).
 */
export function lignesPublieesSource(db: Executor, departement: string | null): LignesPublieesSource {
  return {
    async lignesPubliees(limite) {
      const rows = await db
        .select({
          id: lignesProgramme.id,
          objet: lignesProgramme.objet,
          cpv: lignesProgramme.cpv,
          annee: lignesProgramme.annee,
          trimestre: lignesProgramme.trimestre,
          nature: lignesProgramme.nature,
          valeur: lignesProgramme.valeurEstimeeHtCents,
          direction: directions.nom,
          publieLe: lignesProgramme.updatedAt,
        })
        .from(lignesProgramme)
        .innerJoin(directions, eq(directions.id, lignesProgramme.directionId))
        .where(eq(lignesProgramme.statut, "publiee"))
        .orderBy(desc(lignesProgramme.updatedAt), lignesProgramme.id)
        .limit(limite);
      return rows.map(
        (r): ElementVeille => ({
          type: "ligne",
          id: r.id,
          titre: r.objet,
          description: `Achat prévu (${r.nature}) au ${r.trimestre}${r.trimestre === 1 ? "er" : "e"} trimestre ${r.annee}, ${r.direction}`,
          cpv: [r.cpv],
          fourchette: fourchetteValeur(r.valeur),
          departement,
          publieLe: r.publieLe,
          dateLimite: null,
          lien: `/programme-public/${r.annee}/${r.id}`,
        }),
      );
    },
  };
}

/** The secret key `nom`, created with `nouvelle()` at first use (concurrent first uses agree on one). */
export async function clePortail(db: Executor, nom: string, nouvelle: () => string): Promise<string> {
  await db.insert(portailCles).values({ nom, valeur: nouvelle() }).onConflictDoNothing();
  const [row] = await db.select().from(portailCles).where(eq(portailCles.nom, nom));
  if (!row) throw new Error(`clé ${nom} introuvable`);
  return row.valeur;
}

/** The fairs from `depuis` (YYYY-MM-DD) on, announced (not in preparation), in date order: the public calendar. */
export async function salonsAnnonces(
  db: Executor,
  depuis: string,
): Promise<{ id: string; nom: string; date: string; lieu: string; heureOuverture: string; heureFermeture: string }[]> {
  return db
    .select({
      id: salons.id,
      nom: salons.nom,
      date: salons.date,
      lieu: salons.lieu,
      heureOuverture: salons.heureOuverture,
      heureFermeture: salons.heureFermeture,
    })
    .from(salons)
    .where(and(gte(salons.date, depuis), ne(salons.statut, "preparation")))
    .orderBy(salons.date, salons.id);
}
