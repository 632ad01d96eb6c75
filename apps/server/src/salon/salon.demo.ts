import { systemActor, type Actor } from "@achat-public/domain";
import { actorOf } from "@achat-public/domain/acces";
import type { LigneProgramme } from "@achat-public/domain/programme";
import {
  creerSalon,
  creneauxDuSalon,
  definirPresenceAcheteur,
  planifierRendezVous,
  type Priorite,
  type Salon,
  type SalonInput,
} from "@achat-public/domain/salon";
import { signalerInteret } from "@achat-public/domain/sourcage";
import type { UnitOfWork } from "../context";
import { demoState, prng, type DemoStep } from "../platform/demo";
import { solveurHighs } from "./solveur-highs";

const JOURNEE: Omit<SalonInput, "nom" | "date" | "statut" | "capaciteEntreprises"> = {
  lieu: "Hôtel du Département, avenue du Général-de-Gaulle, Créteil",
  heureOuverture: "09:00",
  heureFermeture: "17:00",
  dureeCreneauMinutes: 20,
  pauses: [{ debut: "12:20", fin: "13:40" }],
  tables: 40,
  personnesParEntreprise: 2,
};

/**
 * The buyers at a fair (the direction buyers and central buyers of the demo, 14 at most, a few only in the morning)
 * and the companies' requests (1 to 3 each, about published lines of the buyer's direction), then the schedule
 * computed by the scheduler. Returns the number of requests.
 */
async function rendezVousDemo(
  uow: UnitOfWork,
  actor: Actor,
  salon: Salon,
  entreprises: string[],
  lignes: LigneProgramme[],
  random: () => number,
): Promise<number> {
  const agents = (
    await Promise.all(
      ["acheteur", "acheteur-central"].map((role) =>
        uow.utilisateurs.list({ organisationId: salon.organisationId, scope: { kind: "all" }, role, page: 1, parPage: 100 }),
      ),
    )
  ).flatMap((r) => r.utilisateurs);
  const parDirection = new Map<string, LigneProgramme[]>();
  for (const l of lignes) parDirection.set(l.directionId, [...(parDirection.get(l.directionId) ?? []), l]);
  // a buyer attends when its direction has published lines to talk about (a central buyer: any direction's)
  // the demo accounts (acheteur@, central@) first: they find their own table and agenda
  const demoDabord = (email: string) => (/^(acheteur|central)@/.test(email) ? 0 : 1);
  const acheteurs = agents
    .sort((a, b) => demoDabord(a.email) - demoDabord(b.email))
    .filter((a) => a.actif && (a.directionId === null || parDirection.has(a.directionId)))
    .slice(0, 14)
    .map((a) => ({ id: a.id, lignes: a.directionId ? (parDirection.get(a.directionId) ?? []) : lignes }));
  const creneaux = creneauxDuSalon(salon).map((c) => c.id);
  // the purchase families a buyer buys: those of its lines, the most frequent first (4 at most)
  const codes = new Map((await uow.programme.listFamilles(salon.organisationId)).map((f) => [f.id, f.code]));
  const famillesDe = (ls: LigneProgramme[]) => {
    const n = new Map<string, number>();
    for (const l of ls) {
      const code = l.familleId ? codes.get(l.familleId) : undefined;
      if (code) n.set(code, (n.get(code) ?? 0) + 1);
    }
    return [...n]
      .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
      .slice(0, 4)
      .map(([c]) => c);
  };
  for (const [i, a] of acheteurs.entries()) {
    const disponibilites = i % 4 === 3 ? creneaux.slice(0, Math.ceil(creneaux.length / 2)) : creneaux;
    await definirPresenceAcheteur(uow, actor, salon.id, a.id, { disponibilites, familles: famillesDe(a.lignes) });
  }
  let demandes = 0;
  for (const entrepriseId of entreprises) {
    const voulus = new Set<number>();
    const nombre = 1 + Math.floor(random() * 3);
    // a few buyers are popular: the first ones are asked more often
    while (voulus.size < Math.min(nombre, acheteurs.length)) voulus.add(Math.floor(random() ** 1.6 * acheteurs.length));
    for (const i of voulus) {
      const a = acheteurs[i] as (typeof acheteurs)[number];
      const ligne = a.lignes[Math.floor(random() * a.lignes.length)] as LigneProgramme;
      await uow.rendezVousSalon.insererDemande({
        id: uow.ids.newId(),
        salonId: salon.id,
        entrepriseId,
        acheteurId: a.id,
        lignes: [ligne.id],
        priorite: (1 + Math.floor(random() * 3)) as Priorite,
        origine: random() < 0.15 ? "acheteur" : "entreprise",
        note: null,
        statut: "demandee",
        declineePar: null,
        creeLe: uow.clock.now(),
      });
      demandes++;
    }
  }
  await planifierRendezVous(uow, actor, salon.id, solveurHighs);
  return demandes;
}

/**
 * What followed last year's fair: about a third of the companies met (present) bid on a lot of a procedure launched
 * for a line they discussed (procedures published after the fair, awarded at the lowest price). About a third of those
 * tenders are the lowest and win the lot (the award decision names the company met); the others are above the
 * retained tender and leave the award as it was. Returns the numbers of tenders added and of lots won.
 */
async function offresApresLeSalon(uow: UnitOfWork, salon: Salon, random: () => number): Promise<{ offres: number; attribuees: number }> {
  const { rows } = await uow.executeSql(
    `select distinct i.rang, p.reference, r.entreprise_id, pl.procedure_id
       from salon_rendez_vous r
       join salon_demandes d on d.id = r.demande_id
       join salon_inscriptions i on i.salon_id = r.salon_id and i.entreprise_id = r.entreprise_id and i.presence = 'present'
       join procedure_lignes pl on pl.ligne_id::text in (select jsonb_array_elements_text(d.lignes))
       join procedures p on p.id = pl.procedure_id and p.etat = 'notifiee'
      where r.salon_id = $1
      order by i.rang, p.reference`,
    [salon.id],
  );
  let ajoutees = 0;
  let attribuees = 0;
  for (const row of rows as { entreprise_id: string; procedure_id: string }[]) {
    if (random() > 0.35) continue;
    const entreprise = await uow.entreprises.get(row.entreprise_id);
    const procedure = await uow.procedures.get(row.procedure_id, salon.organisationId, { kind: "all" });
    const lot = procedure?.lots.find(
      (l) => !l.infructueux && l.offresRetenues.length > 0 && !l.offres.some((o) => o.siret === entreprise?.siret),
    );
    if (!entreprise || !procedure || !lot) continue;
    const retenue = lot.offres.find((o) => o.id === lot.offresRetenues[0]);
    const prixRetenu = retenue?.prixHtCents ?? lot.valeurEstimeeHtCents;
    // about a third of these tenders are the lowest: the lot's award (lowest price, as in the procedures demo) goes to
    // the company met, unless a contract was already recorded for that lot (it would name another holder)
    const { rows: marche } = await uow.executeSql("select 1 from marches where procedure_id = $1 and lot_numero = $2", [
      procedure.id,
      lot.numero,
    ]);
    const gagne = random() < 0.35 && marche.length === 0;
    const offre = {
      id: uow.ids.newId(),
      siret: entreprise.siret,
      nom: entreprise.raisonSociale,
      categorie: entreprise.categorie,
      localisation: entreprise.territoires.includes("94") ? "94" : null,
      membres: [],
      prixHtCents: Math.round((prixRetenu * (gagne ? 0.9 + random() * 0.08 : 1.04 + random() * 0.12)) / 100) * 100,
    };
    lot.offres.push(offre);
    if (gagne) {
      lot.offresRetenues = [offre.id];
      if (!lot.accordCadre) lot.montantAttribueHtCents = offre.prixHtCents;
    }
    if (!(await uow.procedures.save({ ...procedure, version: procedure.version + 1 }, procedure.version))) continue;
    // the contract of that lot records the tenders received: it counts this one too
    await uow.executeSql("update marches set nombre_offres = coalesce(nombre_offres, 0) + 1 where procedure_id = $1 and lot_numero = $2", [
      procedure.id,
      lot.numero,
    ]);
    ajoutees++;
    if (gagne) attribuees++;
  }
  return { offres: ajoutees, attribuees };
}

/**
 * Interest signals after last year's fair: in the six weeks after the fair, about four in ten of the companies met
 * (present) signalled their interest, on the portal, in a line they had discussed (the signal is dated that day: the
 * funnel counts signals on or after the day of the fair). Returns the number of signals.
 */
async function interetsApresLeSalon(uow: UnitOfWork, salon: Salon, random: () => number): Promise<number> {
  const { rows } = await uow.executeSql(
    `select distinct on (i.rang, p.objet, p.id) r.entreprise_id, p.id as ligne_id, u.email
       from salon_rendez_vous r
       join salon_demandes d on d.id = r.demande_id
       join salon_inscriptions i on i.salon_id = r.salon_id and i.entreprise_id = r.entreprise_id and i.presence = 'present'
       cross join lateral jsonb_array_elements_text(d.lignes) l(id)
       join lignes_programme p on p.id = l.id::uuid and p.statut = 'publiee'
       join entreprise_membres m on m.entreprise_id = r.entreprise_id and m.administrateur
       join utilisateurs u on u.id = m.utilisateur_id
      where r.salon_id = $1
      order by i.rang, p.objet, p.id, u.email`,
    [salon.id],
  );
  let signaux = 0;
  for (const row of rows as { entreprise_id: string; ligne_id: string; email: string }[]) {
    if (random() > 0.4) continue;
    const compte = await uow.utilisateurs.findForLogin(row.email);
    if (!compte) continue;
    const le = new Date(Date.parse(`${salon.date}T09:00:00Z`) + (1 + Math.floor(random() * 42)) * 86_400_000);
    await signalerInteret({ ...uow, clock: { now: () => le } }, actorOf(compte.utilisateur), row.ligne_id, {
      note: random() < 0.3 ? "Suite à notre rendez-vous au salon de l'achat public." : null,
    });
    signaux++;
  }
  return signaux;
}

const COMMENTAIRES = {
  entreprise: [
    "Rendez-vous bien préparés : l'acheteur connaissait notre activité.",
    "Des créneaux de 20 minutes un peu courts pour présenter nos références.",
    "Très utile pour comprendre le calendrier des consultations de l'an prochain.",
    "Nous aurions aimé rencontrer la direction des bâtiments, complète trop vite.",
    "Accueil et signalétique parfaits, plan des tables clair.",
    "Le programme des achats publié avant le salon nous a permis de cibler nos demandes.",
  ],
  acheteur: [
    "Entreprises locales que nous ne connaissions pas : à recontacter pour le sourçage.",
    "Trop de rendez-vous l'après-midi, une pause de plus serait bienvenue.",
    "Échanges concrets sur les lots à venir, bonne préparation des entreprises.",
  ],
};

/**
 * The satisfaction survey of last year's fair: about 60 % of the companies checked in present and 70 % of the
 * buyers answered, in the days after the fair; satisfaction leans to 4, the usefulness of the meetings follows how
 * many meetings the company had, coming again follows satisfaction; a few comments.
 */
async function satisfactionDemo(uow: UnitOfWork, salon: Salon, random: () => number): Promise<{ entreprises: number; acheteurs: number }> {
  const { rows } = await uow.executeSql(
    `select i.entreprise_id, (select count(*)::int from salon_rendez_vous r where r.salon_id = i.salon_id and r.entreprise_id = i.entreprise_id) as rdv
       from salon_inscriptions i where i.salon_id = $1 and i.statut = 'acceptee' and i.presence = 'present' order by i.rang`,
    [salon.id],
  );
  const note = (centre: number) => Math.max(1, Math.min(5, Math.round(centre + (random() - 0.5) * 3.6)));
  const jour = (n: number) => new Date(Date.parse(`${salon.date}T16:00:00Z`) + n * 86_400_000);
  const compte = { entreprises: 0, acheteurs: 0 };
  const repondre = async (cote: "entreprise" | "acheteur", id: string, centreUtilite: number) => {
    const satisfaction = note(3.9);
    const utilite = note(centreUtilite);
    const commentaires = COMMENTAIRES[cote];
    const quand = jour(1 + Math.floor(random() * 20));
    await uow.satisfactionSalon.inserer({
      id: uow.ids.newId(),
      salonId: salon.id,
      cote,
      entrepriseId: cote === "entreprise" ? id : null,
      utilisateurId: cote === "acheteur" ? id : null,
      satisfaction,
      utilite,
      // most satisfied participants would come again, few of the disappointed ones
      reviendrait: random() < (satisfaction >= 4 ? 0.95 : satisfaction === 3 ? 0.6 : 0.2),
      commentaire: random() < 0.2 ? (commentaires[Math.floor(random() * commentaires.length)] as string) : null,
      reponduLe: quand,
      modifieLe: quand,
    });
    compte[cote === "entreprise" ? "entreprises" : "acheteurs"]++;
  };
  for (const [k, r] of (rows as { entreprise_id: string; rdv: number }[]).entries()) {
    // the demo company (the first registered) answered: its page shows its answer
    if (k === 0 || random() < 0.6) await repondre("entreprise", r.entreprise_id, r.rdv === 0 ? 2 : r.rdv === 1 ? 3.4 : 4.2);
  }
  for (const a of await uow.rendezVousSalon.acheteurs(salon.id)) if (random() < 0.7) await repondre("acheteur", a.utilisateurId, 3.8);
  return compte;
}

/**
 * Two fairs, dated from the day the demo is loaded: last year's (held: 60 companies admitted, 5 on the waiting list,
 * check-ins with a few no-shows; the demo company was there; buyers, requests about the programme and the meetings
 * held) and next year's (registrations open, 150 places, 40 companies registered with their requests and a
 * computed schedule not yet confirmed, one company in eight available only in the morning; the demo company is not
 * registered yet, so that the demo can register it). Last year's fair has its satisfaction survey answered and, after
 * it, interest signals, tenders and a few lots won by the companies met.
 */
export const salonDemo: DemoStep = {
  name: "salon",
  async load({ uow, state }) {
    const actor = systemActor("générateur de données de démonstration");
    const organisation = await uow.organisations.first();
    if (!organisation) throw new Error("démonstration : organisation absente");
    const entreprises = demoState<string[]>(state, "entreprises");
    const annee = uow.clock.now().getUTCFullYear();
    const random = prng(2027);
    const passe = await creerSalon(uow, actor, organisation.id, {
      ...JOURNEE,
      nom: `Salon de l'achat public ${annee - 1}`,
      date: `${annee - 1}-06-11`,
      statut: "ouvert",
      capaciteEntreprises: 60,
    });
    const inscrire = async (
      salonId: string,
      entrepriseId: string,
      statut: "acceptee" | "attente",
      presence: "present" | "absent" | null,
      disponibilites: string[] | null = null,
    ) =>
      uow.inscriptionsSalon.insert({
        id: uow.ids.newId(),
        salonId,
        entrepriseId,
        statut,
        personnes: 1 + Math.floor(random() * 2),
        inscritLe: new Date(Date.UTC(annee - 1, 3, 1 + Math.floor(random() * 50))),
        promueLe: null,
        presence,
        disponibilites,
      });
    const publiees = async (a: number) => (await uow.programme.listAnnee(organisation.id, a)).filter((l) => l.statut === "publiee");
    const lignesPassees = [...(await publiees(annee - 1)), ...(await publiees(annee))];
    const lignesProchaines = [...(await publiees(annee)), ...(await publiees(annee + 1))];
    let presents = 0;
    for (let i = 0; i < 65; i++) {
      const acceptee = i < 60;
      const present = acceptee && (i === 0 || random() > 0.12);
      if (present) presents++;
      await inscrire(
        passe.id,
        entreprises[i] as string,
        acceptee ? "acceptee" : "attente",
        acceptee ? (present ? "present" : "absent") : null,
      );
    }
    const demandesPassees = await rendezVousDemo(uow, actor, passe, entreprises.slice(0, 60), lignesPassees, random);
    await uow.rendezVousSalon.confirmerPlan(passe.id);
    await uow.salons.update({ ...passe, statut: "tenu", version: 2 }, 1);
    const interets = await interetsApresLeSalon(uow, passe, prng(2028));
    const suites = await offresApresLeSalon(uow, passe, random);
    const satisfaction = await satisfactionDemo(uow, passe, random);
    const prochain = await creerSalon(uow, actor, organisation.id, {
      ...JOURNEE,
      nom: `Salon de l'achat public ${annee + 1}`,
      date: `${annee + 1}-06-10`,
      statut: "ouvert",
      capaciteEntreprises: 150,
    });
    // one company in eight comes only for the morning meetings
    const matin = creneauxDuSalon(prochain)
      .filter((c) => c.fin <= 12 * 60 + 20)
      .map((c) => c.id);
    for (let i = 1; i <= 40; i++) await inscrire(prochain.id, entreprises[i] as string, "acceptee", null, i % 8 === 5 ? matin : null);
    const demandesProchaines = await rendezVousDemo(uow, actor, prochain, entreprises.slice(1, 31), lignesProchaines, random);
    return {
      salons: 2,
      inscriptionsSalon: 105,
      presentsSalon: presents,
      demandesRendezVous: demandesPassees + demandesProchaines,
      signauxApresLeSalon: interets,
      offresApresLeSalon: suites.offres,
      lotsGagnesApresLeSalon: suites.attribuees,
      reponsesSatisfactionEntreprises: satisfaction.entreprises,
      reponsesSatisfactionAcheteurs: satisfaction.acheteurs,
      rendezVousSalons:
        (await uow.rendezVousSalon.rendezVous({ salonId: passe.id })).length +
        (await uow.rendezVousSalon.rendezVous({ salonId: prochain.id })).length,
    };
  },
};
