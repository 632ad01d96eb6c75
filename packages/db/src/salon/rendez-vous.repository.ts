import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type {
  AcheteurSalon,
  RendezVousSuivi,
  AcheteurSalonDetail,
  DemandeDetail,
  DemandeRendezVous,
  OrigineDemande,
  Priorite,
  RendezVousSalonRepository,
  StatutDemande,
} from "@achat-public/domain/salon";
import { selectRows, type Executor } from "../client";
import { entreprises } from "../entreprises/entreprises.schema";
import { directions, utilisateurs } from "../organisation/organisation.schema";
import { uniqueGuard } from "../organisation/organisation.repository";
import { lignesProgramme } from "../programme/programme.schema";
import { salonAcheteurs, salonDemandes, salonRendezVous } from "./salon.schema";

const versDemande = (row: typeof salonDemandes.$inferSelect): DemandeRendezVous => ({
  id: row.id,
  salonId: row.salonId,
  entrepriseId: row.entrepriseId,
  acheteurId: row.acheteurId,
  lignes: row.lignes as string[],
  priorite: row.priorite as Priorite,
  origine: row.origine as OrigineDemande,
  note: row.note,
  statut: row.statut as StatutDemande,
  declineePar: row.declineePar as OrigineDemande | null,
  creeLe: row.creeLe,
});

const DEJA_DEMANDE = "Une demande de rendez-vous avec cet acheteur existe déjà pour ce salon.";

export function rendezVousSalonRepository(db: Executor): RendezVousSalonRepository {
  return {
    async acheteurs(salonId) {
      const rows = await db
        .select({ a: salonAcheteurs, nom: utilisateurs.nomAffiche, directionId: utilisateurs.directionId, direction: directions.nom })
        .from(salonAcheteurs)
        .innerJoin(utilisateurs, eq(utilisateurs.id, salonAcheteurs.utilisateurId))
        .leftJoin(directions, eq(directions.id, utilisateurs.directionId))
        .where(eq(salonAcheteurs.salonId, salonId))
        .orderBy(asc(salonAcheteurs.numeroTable));
      return rows.map(
        (r): AcheteurSalonDetail => ({
          salonId: r.a.salonId,
          utilisateurId: r.a.utilisateurId,
          disponibilites: r.a.disponibilites as string[],
          numeroTable: r.a.numeroTable,
          familles: r.a.familles as string[],
          nom: r.nom,
          directionId: r.directionId,
          direction: r.direction,
        }),
      );
    },
    async acheteur(salonId, utilisateurId) {
      const [row] = await db
        .select()
        .from(salonAcheteurs)
        .where(and(eq(salonAcheteurs.salonId, salonId), eq(salonAcheteurs.utilisateurId, utilisateurId)));
      return row
        ? ({ ...row, disponibilites: row.disponibilites as string[], familles: row.familles as string[] } satisfies AcheteurSalon)
        : null;
    },
    async enregistrerAcheteur(a) {
      await uniqueGuard(
        () =>
          db
            .insert(salonAcheteurs)
            .values({
              salonId: a.salonId,
              utilisateurId: a.utilisateurId,
              disponibilites: a.disponibilites,
              numeroTable: a.numeroTable,
              familles: a.familles,
            })
            .onConflictDoUpdate({
              target: [salonAcheteurs.salonId, salonAcheteurs.utilisateurId],
              set: { disponibilites: a.disponibilites, familles: a.familles },
            }),
        { salon_acheteurs_table_unique: ["TABLE_TAKEN", "utilisateurId", "Cette table vient d'être attribuée : recommencez."] },
      );
    },
    async retirerAcheteur(salonId, utilisateurId) {
      await db.delete(salonAcheteurs).where(and(eq(salonAcheteurs.salonId, salonId), eq(salonAcheteurs.utilisateurId, utilisateurId)));
    },
    async lignesPubliees(organisationId, ids) {
      const valides = ids.filter((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id));
      if (valides.length === 0) return [];
      return db
        .select({ id: lignesProgramme.id, objet: lignesProgramme.objet, directionId: lignesProgramme.directionId })
        .from(lignesProgramme)
        .where(
          and(
            inArray(lignesProgramme.id, valides),
            eq(lignesProgramme.organisationId, organisationId),
            eq(lignesProgramme.statut, "publiee"),
          ),
        );
    },
    async insererDemande(d) {
      await uniqueGuard(
        () =>
          db.insert(salonDemandes).values({
            id: d.id,
            salonId: d.salonId,
            entrepriseId: d.entrepriseId,
            acheteurId: d.acheteurId,
            lignes: d.lignes,
            priorite: d.priorite,
            origine: d.origine,
            note: d.note,
            statut: d.statut,
            declineePar: d.declineePar,
            creeLe: d.creeLe,
          }),
        { salon_demandes_vivante_unique: ["ALREADY_REQUESTED", "acheteurId", DEJA_DEMANDE] },
      );
    },
    async demande(id, salonId) {
      const [row] = await db
        .select()
        .from(salonDemandes)
        .where(and(eq(salonDemandes.id, id), eq(salonDemandes.salonId, salonId)));
      return row ? versDemande(row) : null;
    },
    async decliner(id, par) {
      await db.update(salonDemandes).set({ statut: "declinee", declineePar: par }).where(eq(salonDemandes.id, id));
    },
    async demandes(filtre) {
      const rows = await db
        .select({
          d: salonDemandes,
          raisonSociale: entreprises.raisonSociale,
          acheteur: utilisateurs.nomAffiche,
          direction: directions.nom,
        })
        .from(salonDemandes)
        .innerJoin(entreprises, eq(entreprises.id, salonDemandes.entrepriseId))
        .innerJoin(utilisateurs, eq(utilisateurs.id, salonDemandes.acheteurId))
        .leftJoin(directions, eq(directions.id, utilisateurs.directionId))
        .where(
          and(
            eq(salonDemandes.salonId, filtre.salonId),
            filtre.entrepriseId ? eq(salonDemandes.entrepriseId, filtre.entrepriseId) : undefined,
            filtre.acheteurId ? eq(salonDemandes.acheteurId, filtre.acheteurId) : undefined,
            filtre.vivantes ? eq(salonDemandes.statut, "demandee") : undefined,
          ),
        )
        .orderBy(asc(salonDemandes.creeLe), asc(salonDemandes.id));
      const ids = [...new Set(rows.flatMap((r) => r.d.lignes as string[]))];
      const objets = new Map<string, string>();
      for (let i = 0; i < ids.length; i += 1000) {
        const lot = ids.slice(i, i + 1000);
        for (const l of await db
          .select({ id: lignesProgramme.id, objet: lignesProgramme.objet })
          .from(lignesProgramme)
          .where(inArray(lignesProgramme.id, lot)))
          objets.set(l.id, l.objet);
      }
      return rows.map(
        (r): DemandeDetail => ({
          ...versDemande(r.d),
          raisonSociale: r.raisonSociale,
          acheteur: r.acheteur,
          direction: r.direction,
          objets: (r.d.lignes as string[]).map((id) => ({ id, objet: objets.get(id) ?? "ligne retirée de la programmation" })),
        }),
      );
    },
    async rendezVous(filtre) {
      return db
        .select()
        .from(salonRendezVous)
        .where(
          and(
            eq(salonRendezVous.salonId, filtre.salonId),
            filtre.entrepriseId ? eq(salonRendezVous.entrepriseId, filtre.entrepriseId) : undefined,
            filtre.acheteurId ? eq(salonRendezVous.acheteurId, filtre.acheteurId) : undefined,
          ),
        )
        .orderBy(asc(salonRendezVous.creneau), asc(salonRendezVous.numeroTable));
    },
    async remplacerPlan(salonId, plan) {
      await db.delete(salonRendezVous).where(eq(salonRendezVous.salonId, salonId));
      for (let i = 0; i < plan.length; i += 500) await db.insert(salonRendezVous).values(plan.slice(i, i + 500));
    },
    async retirerRendezVousDe(demandeId) {
      await db.delete(salonRendezVous).where(eq(salonRendezVous.demandeId, demandeId));
    },
    async confirmerPlan(salonId) {
      const rows = await db
        .update(salonRendezVous)
        .set({ confirme: true })
        .where(and(eq(salonRendezVous.salonId, salonId), sql`not ${salonRendezVous.confirme}`))
        .returning({ id: salonRendezVous.demandeId });
      return rows.length;
    },
    async rendezVousSuivis(organisationId, directionId) {
      // a meeting is followed by a bid (an award) when the company's SIRET bid on (won) a lot of a procedure launched
      // for one of the programme lines discussed
      const rows = await selectRows<{
        salon_id: string;
        salon: string;
        date: string;
        entreprise_id: string;
        categorie: string | null;
        locale: boolean;
        famille: string | null;
        tenu: boolean;
        interet: boolean;
        offre: boolean;
        attribution: boolean;
      }>(
        db,
        sql`with rdv as (
              select s.id as salon_id, s.nom as salon, s.date::text as date, e.id as entreprise_id, e.siret, e.categorie,
                     '94' = any(e.territoires) as locale, d.lignes, coalesce(i.presence = 'present', false) as tenu
              from salon_rendez_vous r
              join salons s on s.id = r.salon_id
              join salon_demandes d on d.id = r.demande_id
              join entreprises e on e.id = r.entreprise_id
              join utilisateurs u on u.id = r.acheteur_id
              left join salon_inscriptions i on i.salon_id = s.id and i.entreprise_id = e.id and i.statut = 'acceptee'
              where s.organisation_id = ${organisationId} and s.statut = 'tenu'
                ${directionId ? sql`and u.direction_id = ${directionId}` : sql``}
            )
            select rdv.salon_id, rdv.salon, rdv.date, rdv.entreprise_id, rdv.categorie, rdv.locale, rdv.tenu,
              (select f.libelle from lignes_programme lp join familles_achat f on f.id = lp.famille_id
                where lp.id = (rdv.lignes->>0)::uuid) as famille,
              exists (select 1 from signaux_interet si where si.entreprise_id = rdv.entreprise_id
                and si.cree_le::date >= rdv.date::date and si.ligne_id::text in (select jsonb_array_elements_text(rdv.lignes))) as interet,
              exists (select 1 from offres o join procedure_lignes pl on pl.procedure_id = o.procedure_id
                where o.siret = rdv.siret and pl.ligne_id::text in (select jsonb_array_elements_text(rdv.lignes))) as offre,
              exists (select 1 from attributions a join offres o on o.id = a.offre_id
                join procedure_lignes pl on pl.procedure_id = o.procedure_id
                where o.siret = rdv.siret and pl.ligne_id::text in (select jsonb_array_elements_text(rdv.lignes))) as attribution
            from rdv order by rdv.date, rdv.salon_id`,
      );
      return rows.map(
        (r): RendezVousSuivi => ({
          salonId: r.salon_id,
          salon: r.salon,
          date: r.date,
          entrepriseId: r.entreprise_id,
          categorie: r.categorie,
          locale: r.locale,
          famille: r.famille,
          tenu: r.tenu,
          interet: r.interet,
          offre: r.offre,
          attribution: r.attribution,
        }),
      );
    },
  };
}
