import { and, asc, count, desc, eq, lt, ne, sql } from "drizzle-orm";
import type {
  InscriptionAvecEntreprise,
  InscriptionSalon,
  InscriptionSalonRepository,
  Pause,
  Presence,
  Salon,
  SalonRepository,
  StatutInscription,
  StatutSalon,
} from "@achat-public/domain/salon";
import type { Executor } from "../client";
import { uniqueGuard } from "../organisation/organisation.repository";
import { entreprises } from "../entreprises/entreprises.schema";
import { salonInscriptions, salons } from "./salon.schema";

const versSalon = (row: typeof salons.$inferSelect): Salon => ({
  id: row.id,
  organisationId: row.organisationId,
  nom: row.nom,
  date: row.date,
  lieu: row.lieu,
  heureOuverture: row.heureOuverture,
  heureFermeture: row.heureFermeture,
  dureeCreneauMinutes: row.dureeCreneauMinutes,
  pauses: row.pauses as Pause[],
  tables: row.tables,
  capaciteEntreprises: row.capaciteEntreprises,
  personnesParEntreprise: row.personnesParEntreprise,
  statut: row.statut as StatutSalon,
  version: row.version,
});

const valeurs = (s: Salon) => ({
  nom: s.nom,
  date: s.date,
  lieu: s.lieu,
  heureOuverture: s.heureOuverture,
  heureFermeture: s.heureFermeture,
  dureeCreneauMinutes: s.dureeCreneauMinutes,
  pauses: s.pauses,
  tables: s.tables,
  capaciteEntreprises: s.capaciteEntreprises,
  personnesParEntreprise: s.personnesParEntreprise,
  statut: s.statut,
  version: s.version,
});

export function salonRepository(db: Executor): SalonRepository {
  return {
    async insert(s) {
      await db.insert(salons).values({ id: s.id, organisationId: s.organisationId, ...valeurs(s) });
    },
    async get(id, organisationId) {
      const [row] = await db
        .select()
        .from(salons)
        .where(and(eq(salons.id, id), organisationId === null ? undefined : eq(salons.organisationId, organisationId)));
      return row ? versSalon(row) : null;
    },
    async getForUpdate(id) {
      const [row] = await db.select().from(salons).where(eq(salons.id, id)).for("update");
      return row ? versSalon(row) : null;
    },
    async update(s, expectedVersion) {
      const updated = await db
        .update(salons)
        .set({ ...valeurs(s), updatedAt: sql`now()` })
        .where(and(eq(salons.id, s.id), eq(salons.version, expectedVersion)))
        .returning({ id: salons.id });
      return updated.length === 1;
    },
    async list(organisationId) {
      const rows = await db
        .select({
          salon: salons,
          acceptees: sql<number>`(select count(*)::int from salon_inscriptions i where i.salon_id = ${salons.id} and i.statut = 'acceptee')`,
          enAttente: sql<number>`(select count(*)::int from salon_inscriptions i where i.salon_id = ${salons.id} and i.statut = 'attente')`,
        })
        .from(salons)
        .where(organisationId === null ? undefined : eq(salons.organisationId, organisationId))
        .orderBy(desc(salons.date), asc(salons.id));
      return rows.map((r) => ({ ...versSalon(r.salon), acceptees: Number(r.acceptees), enAttente: Number(r.enAttente) }));
    },
  };
}

const versInscription = (row: typeof salonInscriptions.$inferSelect): InscriptionSalon => ({
  id: row.id,
  salonId: row.salonId,
  entrepriseId: row.entrepriseId,
  statut: row.statut as StatutInscription,
  rang: row.rang,
  personnes: row.personnes,
  inscritLe: row.inscritLe,
  promueLe: row.promueLe,
  presence: row.presence as Presence | null,
  disponibilites: (row.disponibilites as string[] | null) ?? null,
});

const DEJA_INSCRITE = "Votre entreprise est déjà inscrite à ce salon (ou en liste d'attente).";

export function inscriptionSalonRepository(db: Executor): InscriptionSalonRepository {
  return {
    async insert(i) {
      const [row] = await uniqueGuard(
        () =>
          db
            .insert(salonInscriptions)
            .values({
              id: i.id,
              salonId: i.salonId,
              entrepriseId: i.entrepriseId,
              statut: i.statut,
              personnes: i.personnes,
              inscritLe: i.inscritLe,
              promueLe: i.promueLe,
              presence: i.presence,
              disponibilites: i.disponibilites ?? null,
            })
            .returning({ rang: salonInscriptions.rang }),
        { salon_inscriptions_active_unique: ["ALREADY_REGISTERED", "salonId", DEJA_INSCRITE] },
      );
      return Number(row?.rang);
    },
    async active(salonId, entrepriseId) {
      const [row] = await db
        .select()
        .from(salonInscriptions)
        .where(
          and(
            eq(salonInscriptions.salonId, salonId),
            eq(salonInscriptions.entrepriseId, entrepriseId),
            ne(salonInscriptions.statut, "annulee"),
          ),
        );
      return row ? versInscription(row) : null;
    },
    async compterAcceptees(salonId) {
      const [row] = await db
        .select({ n: count() })
        .from(salonInscriptions)
        .where(and(eq(salonInscriptions.salonId, salonId), eq(salonInscriptions.statut, "acceptee")));
      return Number(row?.n ?? 0);
    },
    async positionAttente(salonId, rang) {
      const [row] = await db
        .select({ n: count() })
        .from(salonInscriptions)
        .where(and(eq(salonInscriptions.salonId, salonId), eq(salonInscriptions.statut, "attente"), lt(salonInscriptions.rang, rang)));
      return Number(row?.n ?? 0) + 1;
    },
    async premiereEnAttente(salonId) {
      const [row] = await db
        .select()
        .from(salonInscriptions)
        .where(and(eq(salonInscriptions.salonId, salonId), eq(salonInscriptions.statut, "attente")))
        .orderBy(asc(salonInscriptions.rang))
        .limit(1);
      return row ? versInscription(row) : null;
    },
    async changerStatut(id, statut, promueLe) {
      await db
        .update(salonInscriptions)
        .set({ statut, ...(promueLe ? { promueLe } : {}) })
        .where(eq(salonInscriptions.id, id));
    },
    async definirDisponibilites(id, disponibilites) {
      await db.update(salonInscriptions).set({ disponibilites }).where(eq(salonInscriptions.id, id));
    },
    async pointer(id, presence) {
      await db.update(salonInscriptions).set({ presence }).where(eq(salonInscriptions.id, id));
    },
    async get(id, salonId) {
      const [row] = await db
        .select()
        .from(salonInscriptions)
        .where(and(eq(salonInscriptions.id, id), eq(salonInscriptions.salonId, salonId)));
      return row ? versInscription(row) : null;
    },
    async list(filter) {
      const where = and(
        eq(salonInscriptions.salonId, filter.salonId),
        filter.statut ? eq(salonInscriptions.statut, filter.statut) : ne(salonInscriptions.statut, "annulee"),
      );
      const [total] = await db.select({ n: count() }).from(salonInscriptions).where(where);
      const rows = await db
        .select({
          i: salonInscriptions,
          raisonSociale: entreprises.raisonSociale,
          siret: entreprises.siret,
          positionAttente: sql<
            number | null
          >`case when ${salonInscriptions.statut} = 'attente' then (select count(*)::int + 1 from salon_inscriptions a where a.salon_id = ${salonInscriptions.salonId} and a.statut = 'attente' and a.rang < ${salonInscriptions.rang}) end`,
        })
        .from(salonInscriptions)
        .innerJoin(entreprises, eq(entreprises.id, salonInscriptions.entrepriseId))
        .where(where)
        .orderBy(sql`case ${salonInscriptions.statut} when 'acceptee' then 0 else 1 end`, asc(salonInscriptions.rang))
        .limit(filter.parPage)
        .offset((filter.page - 1) * filter.parPage);
      const inscriptions: InscriptionAvecEntreprise[] = rows.map((r) => ({
        ...versInscription(r.i),
        raisonSociale: r.raisonSociale,
        siret: r.siret,
        positionAttente: r.positionAttente === null ? null : Number(r.positionAttente),
      }));
      return { total: Number(total?.n ?? 0), inscriptions };
    },
  };
}
