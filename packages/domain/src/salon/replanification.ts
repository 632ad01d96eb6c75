/**
 * Late changes: a company or a buyer cancels, a request is withdrawn, new requests arrive. The plan is redone
 * from the previous one: confirmed meetings stay where they are (or, when the organiser allows moves, stay in
 * the plan but may change slot), the others are kept in their slot unless moving or dropping them serves one
 * more company or places one more meeting. The answer says what moved, what was removed (and why) and what
 * was added. Pure.
 */
import { isDomainError, invalidInput, type Issue } from "../commun/errors";
import { bilanDe, cleDemande, construireModele, rendezVousDe } from "./modele";
import { planifier, type OptionsPlanification } from "./planificateur";
import type { Demande, InstanceSalon, Priorite, RendezVous } from "./types";
import { validerInstance, type Avertissement } from "./validation";

export interface RendezVousPrecedent extends RendezVous {
  /** Confirmed to both sides: never moved, unless `autoriserDeplacements`, and never removed (except by a cancellation). */
  confirme?: boolean;
}

export interface ChangementsSalon {
  annulerEntreprises?: string[];
  annulerAcheteurs?: string[];
  annulerDemandes?: { entreprise: string; acheteur: string }[];
  ajouterDemandes?: Demande[];
}

export interface EntreeReplanification {
  /** The instance the previous plan was made for. */
  instance: InstanceSalon;
  plan: RendezVousPrecedent[];
  changements: ChangementsSalon;
  /** The organiser allows confirmed meetings to change slot (they still stay in the plan). */
  autoriserDeplacements?: boolean;
}

export interface Deplacement {
  entreprise: string;
  acheteur: string;
  de: string;
  vers: string;
  confirme: boolean;
}

export interface Retrait extends RendezVous {
  /** « annulation »: its company, buyer or request was cancelled; « replanification »: given up for a better plan. */
  motif: "annulation" | "replanification";
  confirme: boolean;
}

export interface ResultatReplanification {
  /** The instance after the changes. */
  instance: InstanceSalon;
  rendezVous: RendezVous[];
  deplaces: Deplacement[];
  retires: Retrait[];
  ajoutes: RendezVous[];
  /** Previous meetings left in their slot. */
  inchanges: number;
  demandes: number;
  places: number;
  entreprisesServies: number;
  parPriorite: Record<Priorite, number>;
  avertissements: Avertissement[];
}

const prefixer = (prefixe: (string | number)[], issues: Issue[]) => issues.map((i) => ({ ...i, path: [...prefixe, ...i.path] }));

/** Checks the previous plan and the changes against the instance; every problem is named. */
function verifier(entree: EntreeReplanification, instance: InstanceSalon): Issue[] {
  const issues: Issue[] = [];
  const entreprises = new Map(instance.entreprises.map((p) => [p.id, new Set(p.disponibilites)]));
  const acheteurs = new Map(instance.acheteurs.map((p) => [p.id, new Set(p.disponibilites)]));
  const demandes = new Set(instance.demandes.map((d) => cleDemande(d.entreprise, d.acheteur)));
  const creneaux = new Set(instance.creneaux);

  if (!Array.isArray(entree.plan))
    issues.push({ path: ["plan"], message: "Le plan précédent (plan) est obligatoire, éventuellement vide." });
  else {
    const occupe = new Map<string, number>();
    for (const [i, rdv] of entree.plan.entries()) {
      const chemin = ["plan", i];
      if (typeof rdv !== "object" || rdv === null) {
        issues.push({ path: chemin, message: "Un rendez-vous (entreprise, acheteur, creneau) est attendu." });
        continue;
      }
      const { entreprise, acheteur, creneau } = rdv;
      if (!demandes.has(cleDemande(entreprise, acheteur))) {
        issues.push({
          path: chemin,
          message: `Aucune demande de l'entreprise « ${entreprise} » pour l'acheteur « ${acheteur} » dans l'instance.`,
        });
        continue;
      }
      if (!creneaux.has(creneau)) {
        issues.push({ path: [...chemin, "creneau"], message: `Créneau inconnu : « ${creneau} ».` });
        continue;
      }
      if (!entreprises.get(entreprise)?.has(creneau) || !acheteurs.get(acheteur)?.has(creneau)) {
        issues.push({
          path: [...chemin, "creneau"],
          message: `Le créneau « ${creneau} » n'est pas dans les disponibilités des deux participants.`,
        });
      }
      if (rdv.confirme !== undefined && typeof rdv.confirme !== "boolean")
        issues.push({ path: [...chemin, "confirme"], message: "Un booléen est attendu." });
      for (const [cle, libelle] of [
        [`e\u0000${entreprise}\u0000${creneau}`, `L'entreprise « ${entreprise} » a deux rendez-vous au créneau « ${creneau} »`],
        [`a\u0000${acheteur}\u0000${creneau}`, `L'acheteur « ${acheteur} » a deux rendez-vous au créneau « ${creneau} »`],
        [`d\u0000${entreprise}\u0000${acheteur}`, `La demande de « ${entreprise} » pour « ${acheteur} » est placée deux fois`],
      ] as const) {
        const deja = occupe.get(cle);
        if (deja !== undefined) issues.push({ path: chemin, message: `${libelle} (plan.${deja}).` });
        else occupe.set(cle, i);
      }
    }
  }

  const c = entree.changements;
  if (typeof c !== "object" || c === null) {
    issues.push({ path: ["changements"], message: "Les changements (changements) sont obligatoires, éventuellement vides." });
    return issues;
  }
  const liste = (cle: keyof ChangementsSalon): unknown[] => {
    const valeur = c[cle];
    if (valeur === undefined) return [];
    if (Array.isArray(valeur)) return valeur;
    issues.push({ path: ["changements", cle], message: "Une liste est attendue." });
    return [];
  };
  const annulesE = new Set<string>();
  const annulesA = new Set<string>();
  liste("annulerEntreprises").forEach((id, i) => {
    if (typeof id !== "string" || !entreprises.has(id))
      issues.push({ path: ["changements", "annulerEntreprises", i], message: `Entreprise inconnue : « ${String(id)} ».` });
    else annulesE.add(id);
  });
  liste("annulerAcheteurs").forEach((id, i) => {
    if (typeof id !== "string" || !acheteurs.has(id))
      issues.push({ path: ["changements", "annulerAcheteurs", i], message: `Acheteur inconnu : « ${String(id)} ».` });
    else annulesA.add(id);
  });
  const retirees = new Set<string>();
  liste("annulerDemandes").forEach((d, i) => {
    const { entreprise, acheteur } = (d ?? {}) as { entreprise?: unknown; acheteur?: unknown };
    const cle = cleDemande(String(entreprise), String(acheteur));
    if (!demandes.has(cle)) {
      issues.push({
        path: ["changements", "annulerDemandes", i],
        message: `Aucune demande de « ${String(entreprise)} » pour « ${String(acheteur)} » à annuler.`,
      });
    } else retirees.add(cle);
  });
  const ajoutees = new Map<string, number>();
  liste("ajouterDemandes").forEach((d, i) => {
    const chemin = ["changements", "ajouterDemandes", i];
    const { entreprise, acheteur, priorite } = (d ?? {}) as { entreprise?: unknown; acheteur?: unknown; priorite?: unknown };
    const avant = issues.length;
    if (typeof entreprise !== "string" || !entreprises.has(entreprise))
      issues.push({ path: [...chemin, "entreprise"], message: `Entreprise inconnue : « ${String(entreprise)} ».` });
    else if (annulesE.has(entreprise))
      issues.push({ path: [...chemin, "entreprise"], message: `L'entreprise « ${entreprise} » est annulée dans ces mêmes changements.` });
    if (typeof acheteur !== "string" || !acheteurs.has(acheteur))
      issues.push({ path: [...chemin, "acheteur"], message: `Acheteur inconnu : « ${String(acheteur)} ».` });
    else if (annulesA.has(acheteur))
      issues.push({ path: [...chemin, "acheteur"], message: `L'acheteur « ${acheteur} » est annulé dans ces mêmes changements.` });
    if (priorite !== 1 && priorite !== 2 && priorite !== 3)
      issues.push({ path: [...chemin, "priorite"], message: "La priorité doit valoir 1 (la plus haute), 2 ou 3." });
    if (issues.length > avant) return;
    const cle = cleDemande(entreprise as string, acheteur as string);
    const deja = ajoutees.get(cle);
    if ((demandes.has(cle) && !retirees.has(cle)) || deja !== undefined) {
      issues.push({
        path: chemin,
        message: `Demande en double : l'entreprise « ${String(entreprise)} » demande déjà l'acheteur « ${String(acheteur)} »${deja !== undefined ? ` (changements.ajouterDemandes.${deja})` : ""}.`,
      });
    } else ajoutees.set(cle, i);
  });
  return issues;
}

export function replanifier(
  entree: EntreeReplanification,
  options: Pick<OptionsPlanification, "graine" | "iterations" | "doitArreter"> = {},
): ResultatReplanification {
  let ancienne: InstanceSalon;
  let avertissements: Avertissement[];
  try {
    ({ instance: ancienne, avertissements } = validerInstance(entree.instance));
  } catch (erreur) {
    if (isDomainError(erreur)) throw invalidInput(prefixer(["instance"], erreur.issues));
    throw erreur;
  }
  const issues = verifier(entree, ancienne);
  if (issues.length > 0) throw invalidInput(issues);

  const c = entree.changements;
  const annulesE = new Set(c.annulerEntreprises ?? []);
  const annulesA = new Set(c.annulerAcheteurs ?? []);
  const retirees = new Set((c.annulerDemandes ?? []).map((d) => cleDemande(d.entreprise, d.acheteur)));
  const instance: InstanceSalon = {
    creneaux: ancienne.creneaux,
    entreprises: ancienne.entreprises.filter((p) => !annulesE.has(p.id)),
    acheteurs: ancienne.acheteurs.filter((p) => !annulesA.has(p.id)),
    demandes: [
      ...ancienne.demandes.filter(
        (d) => !annulesE.has(d.entreprise) && !annulesA.has(d.acheteur) && !retirees.has(cleDemande(d.entreprise, d.acheteur)),
      ),
      ...(c.ajouterDemandes ?? []).map((d) => ({ entreprise: d.entreprise, acheteur: d.acheteur, priorite: d.priorite })),
    ],
  };
  const modele = construireModele(instance);
  const { R } = modele;
  const fixes = new Int32Array(R).fill(-1);
  const obligatoires = new Uint8Array(R);
  const precedent = new Int32Array(R).fill(-1);
  const retires: Retrait[] = [];
  const avant = new Map<number, RendezVousPrecedent>();
  for (const rdv of entree.plan) {
    const r = modele.indexDemande.get(cleDemande(rdv.entreprise, rdv.acheteur));
    const confirme = rdv.confirme === true;
    if (r === undefined) {
      retires.push({ entreprise: rdv.entreprise, acheteur: rdv.acheteur, creneau: rdv.creneau, motif: "annulation", confirme });
      continue;
    }
    const s = modele.indexCreneau.get(rdv.creneau) as number;
    avant.set(r, rdv);
    precedent[r] = s;
    if (confirme && entree.autoriserDeplacements) obligatoires[r] = 1;
    else if (confirme) fixes[r] = s;
  }
  const { creneauDe } = planifier(modele, { ...options, fixes, obligatoires, precedent });

  const deplaces: Deplacement[] = [];
  const ajoutes: RendezVous[] = [];
  let inchanges = 0;
  for (let r = 0; r < R; r++) {
    const s = creneauDe[r] as number;
    const rdv = avant.get(r);
    const d = instance.demandes[r] as Demande;
    if (!rdv) {
      if (s >= 0) ajoutes.push({ entreprise: d.entreprise, acheteur: d.acheteur, creneau: instance.creneaux[s] as string });
      continue;
    }
    const confirme = rdv.confirme === true;
    if (s === precedent[r]) inchanges++;
    else if (s >= 0)
      deplaces.push({ entreprise: d.entreprise, acheteur: d.acheteur, de: rdv.creneau, vers: instance.creneaux[s] as string, confirme });
    else retires.push({ entreprise: d.entreprise, acheteur: d.acheteur, creneau: rdv.creneau, motif: "replanification", confirme });
  }
  const bilan = bilanDe(modele, creneauDe);
  return {
    instance,
    rendezVous: rendezVousDe(modele, creneauDe),
    deplaces,
    retires,
    ajoutes,
    inchanges,
    demandes: bilan.demandes,
    places: bilan.places,
    entreprisesServies: bilan.entreprisesServies,
    parPriorite: bilan.parPriorite,
    avertissements,
  };
}
