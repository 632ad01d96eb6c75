/**
 * Meetings of a fair, from the requests to the agendas: buyers attending with their availability, requests by
 * companies (or invitations by buyers) about lines of the published programme, either side declining, the
 * schedule computed by the optimal scheduler on the fair's data (re-planned without moving confirmed meetings
 * unless the organiser allows it), confirmation with the agendas mailed, and each side's agenda.
 */
import { DomainError, invalidInput } from "../commun/errors";
import type { AuditLog, Clock, Courriels, IdGenerator } from "../commun/ports";
import { assertCan, can, directionScope } from "../acces/policies";
import type { Actor } from "../acces/roles";
import { membreDe } from "../entreprises/comptes.use-cases";
import type { EntrepriseRepository, MembreRepository } from "../entreprises/ports";
import { notFound } from "../organisation/organisation";
import type { OrganisationRepository, UtilisateurRepository } from "../organisation/ports";
import type { ProgrammeRepository } from "../programme/ports";
import { entonnoirs, type EntonnoirSalon } from "./entonnoir";
import { creneauxDuSalon, type Salon } from "./evenement";
import type { InscriptionSalonRepository, SalonRepository } from "./evenement.ports";
import { bornesLineaires } from "./lineaire";
import { construireModele } from "./modele";
import { planifierSalon } from "./planifier-salon";
import type { SolveurLineaire } from "./ports";
import { replanifier, type Deplacement, type Retrait } from "./replanification";
import {
  pasInscrite,
  salonTenu,
  validerDemande,
  validerDisponibilites,
  validerFamilles,
  type DemandeInput,
  type DemandeRendezVous,
  type OrigineDemande,
  type RendezVousSalon,
} from "./rendez-vous";
import type { AcheteurSalonDetail, DemandeDetail, RendezVousSalonRepository } from "./rendez-vous.ports";
import type { InstanceSalon, RendezVous } from "./types";

interface Deps {
  salons: SalonRepository;
  inscriptionsSalon: InscriptionSalonRepository;
  rendezVousSalon: RendezVousSalonRepository;
  utilisateurs: UtilisateurRepository;
  entreprises: EntrepriseRepository;
  membres: MembreRepository;
  organisations: OrganisationRepository;
  programme: ProgrammeRepository;
  audit: AuditLog;
  ids: IdGenerator;
  clock: Clock;
  courriels: Courriels;
}

/** Roles whose accounts can sit at a table of the fair. */
const ROLES_ACHETEURS = new Set(["admin", "acheteur-central", "acheteur"]);

/** The fair as the actor may see it (agents: their organisation's; companies: fairs whose set-up is over). */
async function salonVisible(deps: Pick<Deps, "salons">, actor: Actor, id: string): Promise<Salon> {
  const organisationId = actor.kind === "user" && actor.role !== "entreprise" ? actor.organisationId : null;
  const salon = await deps.salons.get(id, organisationId);
  if (!salon || (actor.kind === "user" && actor.role === "entreprise" && salon.statut === "preparation")) throw notFound("Salon");
  return salon;
}

const userId = (actor: Actor) => (actor.kind === "user" ? actor.userId : "");

export async function acheteursDuSalon(
  deps: Pick<Deps, "salons" | "rendezVousSalon" | "programme">,
  actor: Actor,
  salonId: string,
): Promise<AcheteurSalonDetail[]> {
  assertCan(actor, "salon.read");
  const salon = await salonVisible(deps, actor, salonId);
  const libelles = new Map((await deps.programme.listFamilles(salon.organisationId)).map((f) => [f.code, f.libelle]));
  return (await deps.rendezVousSalon.acheteurs(salonId)).map((a) => ({
    ...a,
    famillesLibelles: a.familles.map((code) => ({ code, libelle: libelles.get(code) ?? code })),
  }));
}

/**
 * Sets a buyer's availability at the fair (an empty list: the buyer no longer attends, and its meetings are
 * removed) and, the organiser only, the purchase families it buys (codes of the programme nomenclature; absent:
 * unchanged). The organiser sets anyone's; a buyer its own. A new buyer gets the first free table, under the
 * fair's row lock, so two buyers added at once never share one.
 */
export async function definirPresenceAcheteur(
  deps: Deps,
  actor: Actor,
  salonId: string,
  utilisateurId: string,
  input: { disponibilites: string[]; familles?: string[] },
): Promise<{ numeroTable: number | null; familles: string[]; rendezVousRetires: number }> {
  assertCan(actor, "salon.rencontrer");
  const visible = await salonVisible(deps, actor, salonId);
  // the organiser sets anyone's slots and every buyer's purchase families (what companies read to choose whom to meet)
  if (userId(actor) !== utilisateurId || input.familles !== undefined) assertCan(actor, "salon.manage");
  if (visible.statut === "tenu") throw salonTenu();
  const utilisateur = await deps.utilisateurs.get(utilisateurId, visible.organisationId, { kind: "all" });
  if (!utilisateur) throw notFound("Acheteur");
  if (!utilisateur.actif || !ROLES_ACHETEURS.has(utilisateur.role)) {
    throw invalidInput([
      { path: ["utilisateurId"], message: "Seul un compte actif d'acheteur (ou d'administrateur) tient une table au salon." },
    ]);
  }
  const salon = await deps.salons.getForUpdate(salonId);
  if (!salon) throw notFound("Salon");
  const disponibilites = validerDisponibilites(
    input.disponibilites,
    creneauxDuSalon(salon).map((c) => c.id),
  );
  const present = await deps.rendezVousSalon.acheteur(salonId, utilisateurId);
  // the families bought: given, or kept as they were
  const familles =
    input.familles === undefined
      ? (present?.familles ?? [])
      : validerFamilles(
          input.familles,
          (await deps.programme.listFamilles(salon.organisationId)).map((f) => f.code),
        );
  let table: number | null = present?.numeroTable ?? null;
  let rendezVousRetires = 0;
  if (disponibilites.length === 0) {
    if (present) {
      const siens = await deps.rendezVousSalon.rendezVous({ salonId, acheteurId: utilisateurId });
      for (const r of siens) await deps.rendezVousSalon.retirerRendezVousDe(r.demandeId);
      rendezVousRetires = siens.length;
      await deps.rendezVousSalon.retirerAcheteur(salonId, utilisateurId);
    }
    table = null;
  } else {
    if (table === null) {
      const prises = new Set((await deps.rendezVousSalon.acheteurs(salonId)).map((a) => a.numeroTable));
      for (let t = 1; t <= salon.tables && table === null; t++) if (!prises.has(t)) table = t;
      if (table === null) {
        throw new DomainError("TABLES_FULL", `Les ${salon.tables} tables du salon sont toutes attribuées à un acheteur.`, "conflict");
      }
    }
    await deps.rendezVousSalon.enregistrerAcheteur({ salonId, utilisateurId, disponibilites, numeroTable: table, familles });
    // a meeting the buyer is no longer free for leaves the plan (the next planning re-places it if it can)
    for (const r of await deps.rendezVousSalon.rendezVous({ salonId, acheteurId: utilisateurId })) {
      if (!disponibilites.includes(r.creneau)) {
        await deps.rendezVousSalon.retirerRendezVousDe(r.demandeId);
        rendezVousRetires++;
      }
    }
  }
  await deps.audit.append(actor, {
    organisationId: salon.organisationId,
    type: "salon.buyer-availability-set",
    aggregateType: "salon",
    aggregateId: salonId,
    payload: { utilisateurId, disponibilites, familles, numeroTable: table, rendezVousRetires },
  });
  return { numeroTable: table, familles: table === null ? [] : familles, rendezVousRetires };
}

/**
 * The slots of the day where the actor's company (registered, accepted or waiting) is available for meetings; null:
 * the whole day again. Unknown slots are named; the scheduler places the company's meetings within these slots only.
 */
export async function definirDisponibilitesEntreprise(
  deps: Deps,
  actor: Actor,
  salonId: string,
  input: { disponibilites: string[] | null },
): Promise<{ disponibilites: string[] | null; rendezVousRetires: number }> {
  assertCan(actor, "salon.inscrire");
  const membre = await membreDe(deps, actor);
  const salon = await salonVisible(deps, actor, salonId);
  if (salon.statut === "tenu") throw salonTenu();
  const inscription = await deps.inscriptionsSalon.active(salonId, membre.entrepriseId);
  if (!inscription) throw notFound("Inscription");
  let disponibilites: string[] | null = null;
  if (input.disponibilites !== null) {
    const creneaux = creneauxDuSalon(salon).map((c) => c.id);
    disponibilites = validerDisponibilites(input.disponibilites, creneaux);
    if (disponibilites.length === 0) {
      throw invalidInput([
        { path: ["disponibilites"], message: "Choisissez au moins un créneau (ou annulez l'inscription si l'entreprise ne vient plus)." },
      ]);
    }
    if (disponibilites.length === creneaux.length) disponibilites = null;
  }
  await deps.inscriptionsSalon.definirDisponibilites(inscription.id, disponibilites);
  // a meeting the company is no longer free for leaves the plan (the next planning re-places it if it can)
  let rendezVousRetires = 0;
  for (const r of await deps.rendezVousSalon.rendezVous({ salonId, entrepriseId: membre.entrepriseId })) {
    if (disponibilites && !disponibilites.includes(r.creneau)) {
      await deps.rendezVousSalon.retirerRendezVousDe(r.demandeId);
      rendezVousRetires++;
    }
  }
  await deps.audit.append(actor, {
    organisationId: salon.organisationId,
    type: "salon.company-availability-set",
    aggregateType: "salon",
    aggregateId: salonId,
    payload: { entrepriseId: membre.entrepriseId, disponibilites, rendezVousRetires },
  });
  return { disponibilites, rendezVousRetires };
}

async function lignesDe(deps: Pick<Deps, "rendezVousSalon">, salon: Salon, lignes: string[]): Promise<void> {
  const trouvees = new Set((await deps.rendezVousSalon.lignesPubliees(salon.organisationId, lignes)).map((l) => l.id));
  const issues = lignes.flatMap((id, i) =>
    trouvees.has(id) ? [] : [{ path: ["lignes", i], message: `Ligne de programmation publiée introuvable : ${id}.` }],
  );
  if (issues.length) throw invalidInput(issues);
}

function ouvertAuxDemandes(salon: Salon): void {
  if (salon.statut === "tenu") throw salonTenu();
  if (salon.statut === "preparation") throw notFound("Salon");
}

/** A company admitted to the fair asks to meet an attending buyer about lines of the published programme. */
export async function demanderRendezVous(
  deps: Deps,
  actor: Actor,
  salonId: string,
  input: DemandeInput & { acheteurId: string },
): Promise<DemandeRendezVous> {
  assertCan(actor, "salon.inscrire");
  const membre = await membreDe(deps, actor);
  const salon = await salonVisible(deps, actor, salonId);
  ouvertAuxDemandes(salon);
  const valide = validerDemande(input);
  const inscription = await deps.inscriptionsSalon.active(salonId, membre.entrepriseId);
  if (inscription?.statut !== "acceptee") throw pasInscrite();
  if (!(await deps.rendezVousSalon.acheteur(salonId, input.acheteurId))) {
    throw invalidInput([{ path: ["acheteurId"], message: "Cet acheteur ne participe pas au salon." }]);
  }
  await lignesDe(deps, salon, valide.lignes);
  return enregistrer(deps, actor, salon, {
    entrepriseId: membre.entrepriseId,
    acheteurId: input.acheteurId,
    origine: "entreprise",
    ...valide,
  });
}

/** An attending buyer invites a company admitted to the fair (from its interest signals or sourcing answers). */
export async function inviterEntreprise(
  deps: Deps,
  actor: Actor,
  salonId: string,
  input: DemandeInput & { entrepriseId: string },
): Promise<DemandeRendezVous> {
  assertCan(actor, "salon.rencontrer");
  const salon = await salonVisible(deps, actor, salonId);
  ouvertAuxDemandes(salon);
  const valide = validerDemande(input);
  if (!(await deps.rendezVousSalon.acheteur(salonId, userId(actor)))) {
    throw new DomainError(
      "NOT_ATTENDING",
      "Vous ne tenez pas de table à ce salon : indiquez d'abord vos disponibilités (ou demandez-le à l'organisateur).",
      "conflict",
    );
  }
  const inscription = await deps.inscriptionsSalon.active(salonId, input.entrepriseId);
  if (inscription?.statut !== "acceptee") {
    throw invalidInput([{ path: ["entrepriseId"], message: "Cette entreprise n'est pas admise au salon." }]);
  }
  await lignesDe(deps, salon, valide.lignes);
  const demande = await enregistrer(deps, actor, salon, {
    entrepriseId: input.entrepriseId,
    acheteurId: userId(actor),
    origine: "acheteur",
    ...valide,
  });
  const destinataires = (await deps.membres.lister(input.entrepriseId)).filter((m) => m.actif).map((m) => m.email);
  if (destinataires.length > 0) {
    await deps.courriels.envoyer({
      organisationId: salon.organisationId,
      destinataires,
      sujet: `Invitation à un rendez-vous : ${salon.nom}`,
      texte:
        `Bonjour,\n\nUn acheteur du Département souhaite vous rencontrer au salon « ${salon.nom} » le ${salon.date} ` +
        `(${salon.lieu}), au sujet d'achats de sa programmation. Le rendez-vous sera placé dans votre agenda ; ` +
        "vous pouvez le décliner depuis la page du salon de votre compte.\n",
      categorie: "salon.invitation",
    });
  }
  return demande;
}

async function enregistrer(
  deps: Pick<Deps, "rendezVousSalon" | "audit" | "ids" | "clock">,
  actor: Actor,
  salon: Salon,
  d: Pick<DemandeRendezVous, "entrepriseId" | "acheteurId" | "origine" | "lignes" | "priorite" | "note">,
): Promise<DemandeRendezVous> {
  const demande: DemandeRendezVous = {
    id: deps.ids.newId(),
    salonId: salon.id,
    ...d,
    statut: "demandee",
    declineePar: null,
    creeLe: deps.clock.now(),
  };
  await deps.rendezVousSalon.insererDemande(demande); // unique live request per (fair, company, buyer): ALREADY_REQUESTED
  await deps.audit.append(actor, {
    organisationId: salon.organisationId,
    type: d.origine === "entreprise" ? "salon.meeting-requested" : "salon.meeting-invited",
    aggregateType: "salon",
    aggregateId: salon.id,
    payload: { demandeId: demande.id, entrepriseId: d.entrepriseId, acheteurId: d.acheteurId, lignes: d.lignes, priorite: d.priorite },
  });
  return demande;
}

/** Either side declines a request (the company its own, the buyer those addressed to it); a placed meeting leaves the plan. */
export async function declinerDemande(deps: Deps, actor: Actor, salonId: string, demandeId: string): Promise<DemandeRendezVous> {
  assertCan(actor, "salon.read");
  const salon = await salonVisible(deps, actor, salonId);
  if (salon.statut === "tenu") throw salonTenu();
  const demande = await deps.rendezVousSalon.demande(demandeId, salonId);
  let par: OrigineDemande | null = null;
  if (demande && actor.kind === "user" && actor.role === "entreprise" && can(actor, "salon.inscrire")) {
    const membre = await membreDe(deps, actor);
    if (membre.entrepriseId === demande.entrepriseId) par = "entreprise";
  } else if (demande && can(actor, "salon.rencontrer") && demande.acheteurId === userId(actor)) par = "acheteur";
  if (!demande || !par) throw notFound("Demande de rendez-vous");
  if (demande.statut === "declinee") return demande;
  await deps.rendezVousSalon.decliner(demandeId, par);
  await deps.rendezVousSalon.retirerRendezVousDe(demandeId);
  await deps.audit.append(actor, {
    organisationId: salon.organisationId,
    type: "salon.meeting-declined",
    aggregateType: "salon",
    aggregateId: salonId,
    payload: { demandeId, par },
  });
  return { ...demande, statut: "declinee", declineePar: par };
}

/** The requests the actor is part of: its company's, or (a buyer) those addressed to it; the organiser, all. */
export async function demandesDuSalon(deps: Deps, actor: Actor, salonId: string, tout = false): Promise<DemandeDetail[]> {
  assertCan(actor, "salon.read");
  await salonVisible(deps, actor, salonId);
  if (tout) {
    assertCan(actor, "salon.manage");
    return deps.rendezVousSalon.demandes({ salonId });
  }
  if (actor.kind === "user" && actor.role === "entreprise") {
    const membre = await membreDe(deps, actor);
    return deps.rendezVousSalon.demandes({ salonId, entrepriseId: membre.entrepriseId });
  }
  assertCan(actor, "salon.rencontrer");
  return deps.rendezVousSalon.demandes({ salonId, acheteurId: userId(actor) });
}

export interface BilanPlanning {
  demandes: number;
  places: number;
  entreprisesServies: number;
  /** Companies admitted with at least one live request. */
  entreprisesDemandeuses: number;
  borneSuperieure: number;
  borneEntreprisesServies: number;
  deplaces: Deplacement[];
  retires: Retrait[];
  ajoutes: number;
  inchanges: number;
  /** Live requests left out of the instance, and why. */
  ecartees: { demandeId: string; motif: string }[];
}

/**
 * Computes the fair's schedule from its data: the admitted companies (within the slots each set, by default the whole
 * day), the attending buyers and
 * their availability, the live requests. With no plan yet, the optimal scheduler; with one, a re-plan that keeps
 * confirmed meetings in their slot (unless `autoriserDeplacements`) and reports what moved. Under the fair's lock:
 * two organisers planning at once run one after the other.
 */
export async function planifierRendezVous(
  deps: Deps,
  actor: Actor,
  salonId: string,
  solveur: SolveurLineaire,
  options: { autoriserDeplacements?: boolean } = {},
): Promise<BilanPlanning> {
  assertCan(actor, "salon.manage");
  await salonVisible(deps, actor, salonId);
  const salon = await deps.salons.getForUpdate(salonId);
  if (!salon) throw notFound("Salon");
  if (salon.statut === "tenu") throw salonTenu();
  const creneaux = creneauxDuSalon(salon).map((c) => c.id);
  const acheteurs = await deps.rendezVousSalon.acheteurs(salonId);
  const tableDe = new Map(acheteurs.map((a) => [a.utilisateurId, a.numeroTable]));
  // the admitted companies, with the slots where each is available (null: the whole day)
  const admises = new Map(
    (await deps.inscriptionsSalon.list({ salonId, statut: "acceptee", page: 1, parPage: 100_000 })).inscriptions.map((i) => [
      i.entrepriseId,
      i.disponibilites ?? null,
    ]),
  );
  const ecartees: BilanPlanning["ecartees"] = [];
  const demandes = (await deps.rendezVousSalon.demandes({ salonId, vivantes: true })).filter((d) => {
    if (!admises.has(d.entrepriseId)) ecartees.push({ demandeId: d.id, motif: "entreprise non admise au salon" });
    else if (!tableDe.has(d.acheteurId)) ecartees.push({ demandeId: d.id, motif: "acheteur absent du salon" });
    else return true;
    return false;
  });
  const demandeDe = new Map(demandes.map((d) => [`${d.entrepriseId}|${d.acheteurId}`, d]));
  const entreprises = [...new Set(demandes.map((d) => d.entrepriseId))];
  const instance: InstanceSalon = {
    creneaux,
    entreprises: entreprises.map((id) => ({ id, disponibilites: admises.get(id) ?? creneaux })),
    acheteurs: acheteurs.map((a) => ({ id: a.utilisateurId, disponibilites: a.disponibilites })),
    demandes: demandes.map((d) => ({ entreprise: d.entrepriseId, acheteur: d.acheteurId, priorite: d.priorite })),
  };
  const dispo = new Map(acheteurs.map((a) => [a.utilisateurId, new Set(a.disponibilites)]));
  const dispoEntreprise = new Map(instance.entreprises.map((e) => [e.id, new Set(e.disponibilites)]));
  // a previous meeting stays a candidate only where both sides are still available
  const precedents = (await deps.rendezVousSalon.rendezVous({ salonId })).filter(
    (r) =>
      demandeDe.get(`${r.entrepriseId}|${r.acheteurId}`)?.id === r.demandeId &&
      dispo.get(r.acheteurId)?.has(r.creneau) &&
      dispoEntreprise.get(r.entrepriseId)?.has(r.creneau),
  );
  const confirme = new Map(precedents.map((r) => [`${r.entrepriseId}|${r.acheteurId}`, r.confirme]));
  let rendezVous: RendezVous[];
  let bilan: Pick<BilanPlanning, "deplaces" | "retires" | "ajoutes" | "inchanges">;
  const bornes = await bornesLineaires(construireModele(instance), solveur);
  if (precedents.length === 0) {
    const plan = await planifierSalon(instance, solveur);
    rendezVous = plan.rendezVous;
    bilan = { deplaces: [], retires: [], ajoutes: plan.rendezVous.length, inchanges: 0 };
  } else {
    const r = replanifier({
      instance,
      plan: precedents.map((p) => ({ entreprise: p.entrepriseId, acheteur: p.acheteurId, creneau: p.creneau, confirme: p.confirme })),
      changements: {},
      autoriserDeplacements: options.autoriserDeplacements ?? false,
    });
    rendezVous = r.rendezVous;
    bilan = { deplaces: r.deplaces, retires: r.retires, ajoutes: r.ajoutes.length, inchanges: r.inchanges };
  }
  const plan: RendezVousSalon[] = rendezVous.map((r) => {
    const cle = `${r.entreprise}|${r.acheteur}`;
    return {
      salonId,
      demandeId: (demandeDe.get(cle) as DemandeDetail).id,
      entrepriseId: r.entreprise,
      acheteurId: r.acheteur,
      creneau: r.creneau,
      numeroTable: tableDe.get(r.acheteur) as number,
      confirme: confirme.get(cle) ?? false,
    };
  });
  await deps.rendezVousSalon.remplacerPlan(salonId, plan);
  const resultat: BilanPlanning = {
    demandes: demandes.length,
    places: plan.length,
    entreprisesServies: new Set(plan.map((r) => r.entrepriseId)).size,
    entreprisesDemandeuses: entreprises.length,
    borneSuperieure: bornes.rendezVous,
    borneEntreprisesServies: bornes.entreprisesServies,
    ...bilan,
    ecartees,
  };
  await deps.audit.append(actor, {
    organisationId: salon.organisationId,
    type: "salon.planned",
    aggregateType: "salon",
    aggregateId: salonId,
    payload: {
      demandes: resultat.demandes,
      places: resultat.places,
      entreprisesServies: resultat.entreprisesServies,
      deplaces: resultat.deplaces.length,
      retires: resultat.retires.length,
      autoriserDeplacements: options.autoriserDeplacements ?? false,
    },
  });
  return resultat;
}

/** A meeting in an agenda, with what each side reads. */
export interface RendezVousAgenda extends RendezVousSalon {
  debut: string;
  fin: string;
  raisonSociale: string;
  acheteur: string;
  direction: string | null;
  objets: { id: string; objet: string }[];
}

/** The actor's agenda at the fair: its company's meetings, or (a buyer) its own; in the order of the day. */
export async function monAgenda(deps: Deps, actor: Actor, salonId: string): Promise<{ salon: Salon; rendezVous: RendezVousAgenda[] }> {
  assertCan(actor, "salon.read");
  const salon = await salonVisible(deps, actor, salonId);
  const entreprise = actor.kind === "user" && actor.role === "entreprise";
  if (!entreprise) assertCan(actor, "salon.rencontrer");
  const filtre = entreprise
    ? { salonId, entrepriseId: (await membreDe(deps, actor)).entrepriseId }
    : { salonId, acheteurId: userId(actor) };
  return { salon, rendezVous: await agendaDe(deps, salon, filtre) };
}

/** The whole plan, for the organiser's table plan. */
export async function planDuSalon(deps: Deps, actor: Actor, salonId: string): Promise<{ salon: Salon; rendezVous: RendezVousAgenda[] }> {
  assertCan(actor, "salon.manage");
  const salon = await salonVisible(deps, actor, salonId);
  return { salon, rendezVous: await agendaDe(deps, salon, { salonId }) };
}

async function agendaDe(
  deps: Pick<Deps, "rendezVousSalon">,
  salon: Salon,
  filtre: { salonId: string; entrepriseId?: string; acheteurId?: string },
): Promise<RendezVousAgenda[]> {
  const horaires = new Map(creneauxDuSalon(salon).map((c) => [c.id, c]));
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  const demandes = new Map((await deps.rendezVousSalon.demandes(filtre)).map((d) => [d.id, d]));
  return (await deps.rendezVousSalon.rendezVous(filtre))
    .filter((r) => demandes.has(r.demandeId))
    .map((r) => {
      const d = demandes.get(r.demandeId) as DemandeDetail;
      const h = horaires.get(r.creneau);
      return {
        ...r,
        debut: h ? hhmm(h.debut) : r.creneau,
        fin: h ? hhmm(h.fin) : r.creneau,
        raisonSociale: d.raisonSociale,
        acheteur: d.acheteur,
        direction: d.direction,
        objets: d.objets,
      };
    })
    .sort((a, b) => a.debut.localeCompare(b.debut) || a.numeroTable - b.numeroTable);
}

/**
 * Confirms the plan (its meetings will not move unless the organiser allows it) and mails each company and each
 * buyer its agenda: the meetings in the text, with the links to the page, the PDF and the calendar file.
 */
export async function confirmerPlanning(
  deps: Deps,
  actor: Actor,
  salonId: string,
  liens: (qui: "entreprise" | "acheteur") => { page: string; pdf: string; ics: string },
): Promise<{ confirmes: number; courriels: number }> {
  assertCan(actor, "salon.manage");
  const salon = await salonVisible(deps, actor, salonId);
  if (salon.statut === "tenu") throw salonTenu();
  const confirmes = await deps.rendezVousSalon.confirmerPlan(salonId);
  const plan = await agendaDe(deps, salon, { salonId });
  const grouper = (cle: (r: RendezVousAgenda) => string) => {
    const groupes = new Map<string, RendezVousAgenda[]>();
    for (const r of plan) groupes.set(cle(r), [...(groupes.get(cle(r)) ?? []), r]);
    return groupes;
  };
  const parEntreprise = grouper((r) => r.entrepriseId);
  const parAcheteur = grouper((r) => r.acheteurId);
  const ligne = (r: RendezVousAgenda, avec: string) =>
    `- ${r.debut}–${r.fin}, table ${r.numeroTable} : ${avec} (${r.objets.map((o) => o.objet).join(" ; ")})`;
  let courriels = 0;
  const envoyer = async (destinataires: string[], texte: string) => {
    if (destinataires.length === 0) return;
    await deps.courriels.envoyer({
      organisationId: salon.organisationId,
      destinataires,
      sujet: `Votre agenda : ${salon.nom}, le ${salon.date}`,
      texte,
      categorie: "salon.agenda",
    });
    courriels++;
  };
  const pied = (l: { page: string; pdf: string; ics: string }) =>
    `\nVotre agenda en ligne : ${l.page}\nÀ imprimer (PDF) : ${l.pdf}\nÀ ajouter à votre calendrier (iCalendar) : ${l.ics}\n`;
  for (const [entrepriseId, rdv] of parEntreprise) {
    const emails = (await deps.membres.lister(entrepriseId)).filter((m) => m.actif).map((m) => m.email);
    await envoyer(
      emails,
      `Bonjour,\n\nVoici vos rendez-vous au salon « ${salon.nom} » le ${salon.date}, ${salon.lieu} :\n` +
        rdv.map((r) => ligne(r, `${r.acheteur}${r.direction ? `, ${r.direction}` : ""}`)).join("\n") +
        `\n${pied(liens("entreprise"))}`,
    );
  }
  for (const [acheteurId, rdv] of parAcheteur) {
    const utilisateur = await deps.utilisateurs.get(acheteurId, salon.organisationId, { kind: "all" });
    await envoyer(
      utilisateur ? [utilisateur.email] : [],
      `Bonjour,\n\nVoici vos rendez-vous au salon « ${salon.nom} » le ${salon.date} (table ${rdv[0]?.numeroTable}) :\n` +
        rdv.map((r) => ligne(r, r.raisonSociale)).join("\n") +
        `\n${pied(liens("acheteur"))}`,
    );
  }
  await deps.audit.append(actor, {
    organisationId: salon.organisationId,
    type: "salon.plan-confirmed",
    aggregateType: "salon",
    aggregateId: salonId,
    payload: { confirmes, courriels },
  });
  return { confirmes, courriels };
}

/**
 * What came of the held fairs, fair after fair: meetings held → followed by a bid on the lines discussed → by an
 * award (steering cockpit; a direction sees the meetings of its own buyers).
 */
export async function entonnoirDesSalons(deps: Pick<Deps, "rendezVousSalon">, actor: Actor): Promise<EntonnoirSalon[]> {
  assertCan(actor, "pilotage.read");
  if (actor.kind !== "user") return [];
  const scope = directionScope(actor);
  if (scope.kind === "none") return [];
  return entonnoirs(
    await deps.rendezVousSalon.rendezVousSuivis(actor.organisationId, scope.kind === "direction" ? scope.directionId : null),
  );
}
