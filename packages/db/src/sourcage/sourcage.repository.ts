import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import type { CategorieEntreprise, StatutInclusif } from "@achat-public/domain/entreprises";
import type { DemandeSourcage, ReponseSourcage, SignalInteret, SourcageRepository } from "@achat-public/domain/sourcage";
import { communeParCodeInsee, type DateLegale } from "@achat-public/domain/valeurs";
import type { Executor } from "../client";
import { entrepriseMembres, entreprises } from "../entreprises/entreprises.schema";
import { fournisseurs } from "../fournisseurs/fournisseurs.schema";
import { directions, utilisateurs } from "../organisation/organisation.schema";
import { lignesProgramme } from "../programme/programme.schema";
import { demandesSourcage, reponsesSourcage, signauxInteret } from "./sourcage.schema";

const versSignal = (r: typeof signauxInteret.$inferSelect): SignalInteret => ({ ...r });

const versDemande = (r: typeof demandesSourcage.$inferSelect): DemandeSourcage => ({
  id: r.id,
  ligneId: r.ligneId,
  organisationId: r.organisationId,
  titre: r.titre,
  introduction: r.introduction,
  questions: r.questions,
  dateCloture: r.dateCloture as DateLegale,
  closeLe: r.closeLe,
  creePar: r.creePar,
  creeLe: r.creeLe,
  version: r.version,
});

const versReponse = (r: typeof reponsesSourcage.$inferSelect): ReponseSourcage => ({ ...r });

export function sourcageRepository(db: Executor): SourcageRepository {
  return {
    async signaler(s) {
      // one statement: a concurrent double click finds the row of the first and only changes its note
      const [row] = await db
        .insert(signauxInteret)
        .values(s)
        .onConflictDoUpdate({
          target: [signauxInteret.ligneId, signauxInteret.entrepriseId],
          set: { note: s.note, utilisateurId: s.utilisateurId, modifieLe: s.modifieLe },
        })
        .returning();
      if (!row) throw new Error("signal non écrit");
      return { signal: versSignal(row), cree: row.id === s.id };
    },
    async retirer(ligneId, entrepriseId) {
      const rows = await db
        .delete(signauxInteret)
        .where(and(eq(signauxInteret.ligneId, ligneId), eq(signauxInteret.entrepriseId, entrepriseId)))
        .returning({ id: signauxInteret.id });
      return rows.length > 0;
    },
    async signauxDeEntreprise(entrepriseId) {
      const rows = await db
        .select({
          signal: signauxInteret,
          id: lignesProgramme.id,
          annee: lignesProgramme.annee,
          objet: lignesProgramme.objet,
          trimestre: lignesProgramme.trimestre,
          statut: lignesProgramme.statut,
          direction: directions.nom,
        })
        .from(signauxInteret)
        .innerJoin(lignesProgramme, eq(lignesProgramme.id, signauxInteret.ligneId))
        .innerJoin(directions, eq(directions.id, lignesProgramme.directionId))
        .where(eq(signauxInteret.entrepriseId, entrepriseId))
        .orderBy(desc(signauxInteret.creeLe), signauxInteret.id);
      return rows.map((r) => ({
        signal: versSignal(r.signal),
        ligne: {
          id: r.id,
          annee: r.annee,
          objet: r.objet,
          trimestre: r.trimestre,
          direction: r.direction,
          publiee: r.statut === "publiee",
        },
      }));
    },
    async signauxDeLigne(ligneId, departement) {
      const rows = await db
        .select({
          signal: signauxInteret,
          entreprise: entreprises,
          codeCommune: fournisseurs.codeCommune,
          departement: fournisseurs.departement,
        })
        .from(signauxInteret)
        .innerJoin(entreprises, eq(entreprises.id, signauxInteret.entrepriseId))
        .innerJoin(lignesProgramme, eq(lignesProgramme.id, signauxInteret.ligneId))
        // where the company is established: the supplier directory of the line's organisation, by SIRET
        .leftJoin(
          fournisseurs,
          and(eq(fournisseurs.siret, entreprises.siret), eq(fournisseurs.organisationId, lignesProgramme.organisationId)),
        )
        .where(eq(signauxInteret.ligneId, ligneId))
        .orderBy(asc(signauxInteret.creeLe), signauxInteret.id);
      return rows.map((r) => {
        const e = r.entreprise;
        const commune = r.codeCommune ? (communeParCodeInsee(r.codeCommune)?.nom ?? null) : null;
        return {
          id: r.signal.id,
          note: r.signal.note,
          creeLe: r.signal.creeLe,
          modifieLe: r.signal.modifieLe,
          entreprise: {
            id: e.id,
            raisonSociale: e.raisonSociale,
            siret: e.siret,
            categorie: e.categorie as CategorieEntreprise | null,
            statutInclusif: e.statutInclusif as StatutInclusif | null,
            activites: e.activites,
            territoires: e.territoires,
            certifications: e.certifications,
          },
          localite: {
            codeCommune: r.codeCommune,
            commune,
            departement: r.departement,
            locale: departement !== null && r.departement === departement,
          },
        };
      });
    },
    async comptesInteresses(ligneId) {
      const rows = await db
        .selectDistinct({ email: utilisateurs.email })
        .from(signauxInteret)
        .innerJoin(entrepriseMembres, eq(entrepriseMembres.entrepriseId, signauxInteret.entrepriseId))
        .innerJoin(utilisateurs, eq(utilisateurs.id, entrepriseMembres.utilisateurId))
        .where(and(eq(signauxInteret.ligneId, ligneId), eq(utilisateurs.actif, true)))
        .orderBy(utilisateurs.email);
      return rows.map((r) => r.email);
    },

    async insertDemande(d) {
      await db.insert(demandesSourcage).values(d);
    },
    async getDemande(id) {
      const [row] = await db.select().from(demandesSourcage).where(eq(demandesSourcage.id, id));
      return row ? versDemande(row) : null;
    },
    async demandesDeLigne(ligneId) {
      const rows = await db
        .select()
        .from(demandesSourcage)
        .where(eq(demandesSourcage.ligneId, ligneId))
        .orderBy(desc(demandesSourcage.creeLe), demandesSourcage.id);
      return rows.map(versDemande);
    },
    async cloreDemande(id, at, expectedVersion) {
      const rows = await db
        .update(demandesSourcage)
        .set({ closeLe: at, version: expectedVersion + 1, updatedAt: sql`now()` })
        .where(and(eq(demandesSourcage.id, id), eq(demandesSourcage.version, expectedVersion), isNull(demandesSourcage.closeLe)))
        .returning({ id: demandesSourcage.id });
      return rows.length === 1;
    },

    async repondre(r, expectedVersion) {
      if (expectedVersion === null) {
        // first answer: a concurrent first answer of the same company wins, this one is a version conflict
        const [row] = await db.insert(reponsesSourcage).values(r).onConflictDoNothing().returning();
        return row ? versReponse(row) : null;
      }
      const [row] = await db
        .update(reponsesSourcage)
        .set({ reponses: r.reponses, utilisateurId: r.utilisateurId, modifieLe: r.modifieLe, version: expectedVersion + 1 })
        .where(
          and(
            eq(reponsesSourcage.demandeId, r.demandeId),
            eq(reponsesSourcage.entrepriseId, r.entrepriseId),
            eq(reponsesSourcage.version, expectedVersion),
          ),
        )
        .returning();
      return row ? versReponse(row) : null;
    },
    async reponseDe(demandeId, entrepriseId) {
      const [row] = await db
        .select()
        .from(reponsesSourcage)
        .where(and(eq(reponsesSourcage.demandeId, demandeId), eq(reponsesSourcage.entrepriseId, entrepriseId)));
      return row ? versReponse(row) : null;
    },
    async reponsesDe(demandeId) {
      const rows = await db
        .select({
          reponse: reponsesSourcage,
          id: entreprises.id,
          raisonSociale: entreprises.raisonSociale,
          siret: entreprises.siret,
          categorie: entreprises.categorie,
        })
        .from(reponsesSourcage)
        .innerJoin(entreprises, eq(entreprises.id, reponsesSourcage.entrepriseId))
        .where(eq(reponsesSourcage.demandeId, demandeId))
        .orderBy(asc(reponsesSourcage.creeLe), reponsesSourcage.id);
      return rows.map((r) => ({
        reponse: versReponse(r.reponse),
        entreprise: { id: r.id, raisonSociale: r.raisonSociale, siret: r.siret, categorie: r.categorie },
      }));
    },
  };
}
