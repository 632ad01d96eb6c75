/**
 * Validation of a fair instance read from an untrusted file: every problem is named at once, in French,
 * with its path in the JSON (`demandes.12.acheteur`). What cannot prevent planning (a participant with no
 * availability, a request whose two sides are never free together) is a warning, not an error.
 */
import { invalidInput, type Issue } from "../commun/errors";
import type { Demande, InstanceSalon, Participant, Priorite } from "./types";

/** Sizes beyond which an instance is refused (far above a département's fair: 300 companies, 40 buyers). */
export const LIMITES_INSTANCE = { creneaux: 200, entreprises: 20_000, acheteurs: 5_000, demandes: 200_000 } as const;

export type Avertissement = Issue;

export interface InstanceValidee {
  instance: InstanceSalon;
  avertissements: Avertissement[];
}

const estObjet = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const estId = (v: unknown): v is string => typeof v === "string" && v.trim() !== "";

/** Checks `entree` and returns the typed instance with its warnings, or throws INVALID_INPUT with every issue. */
export function validerInstance(entree: unknown): InstanceValidee {
  const issues: Issue[] = [];
  const avertissements: Avertissement[] = [];
  const ajouter = (path: Issue["path"], message: string) => issues.push({ path, message });

  if (!estObjet(entree))
    throw invalidInput([{ path: [], message: "Un objet JSON est attendu (creneaux, entreprises, acheteurs, demandes)." }]);

  // Slots
  const creneaux: string[] = [];
  const creneauxConnus = new Set<string>();
  if (!Array.isArray(entree.creneaux)) ajouter(["creneaux"], "La liste des créneaux (creneaux) est obligatoire.");
  else if (entree.creneaux.length === 0) ajouter(["creneaux"], "La liste des créneaux est vide : il faut au moins un créneau.");
  else if (entree.creneaux.length > LIMITES_INSTANCE.creneaux) ajouter(["creneaux"], `Au plus ${LIMITES_INSTANCE.creneaux} créneaux.`);
  else {
    entree.creneaux.forEach((c, i) => {
      if (!estId(c)) ajouter(["creneaux", i], "Un identifiant de créneau (texte non vide) est attendu.");
      else if (creneauxConnus.has(c)) ajouter(["creneaux", i], `Créneau « ${c} » en double.`);
      else {
        creneauxConnus.add(c);
        creneaux.push(c);
      }
    });
  }

  const participants = (cle: "entreprises" | "acheteurs", nom: string, limite: number): Map<string, Participant> => {
    const connus = new Map<string, Participant>();
    const liste = entree[cle];
    if (!Array.isArray(liste)) {
      ajouter([cle], `La liste des ${nom}s (${cle}) est obligatoire.`);
      return connus;
    }
    if (liste.length > limite) {
      ajouter([cle], `Au plus ${limite} ${nom}s.`);
      return connus;
    }
    for (const [i, p] of liste.entries()) {
      if (!estObjet(p)) {
        ajouter([cle, i], `Un objet est attendu pour chaque ${nom} (id, disponibilites).`);
        continue;
      }
      const idValide = estId(p.id);
      if (!idValide) ajouter([cle, i, "id"], "Un identifiant (texte non vide) est attendu.");
      else if (connus.has(p.id as string)) ajouter([cle, i, "id"], `Identifiant « ${p.id as string} » en double parmi les ${nom}s.`);
      const disponibilites: string[] = [];
      if (!Array.isArray(p.disponibilites)) ajouter([cle, i, "disponibilites"], "La liste des créneaux de disponibilité est obligatoire.");
      else {
        const vus = new Set<string>();
        p.disponibilites.forEach((c, j) => {
          if (!estId(c)) ajouter([cle, i, "disponibilites", j], "Un identifiant de créneau (texte non vide) est attendu.");
          else if (creneauxConnus.size > 0 && !creneauxConnus.has(c)) ajouter([cle, i, "disponibilites", j], `Créneau inconnu : « ${c} ».`);
          else if (vus.has(c)) ajouter([cle, i, "disponibilites", j], `Créneau « ${c} » en double.`);
          else {
            vus.add(c);
            disponibilites.push(c);
          }
        });
        if (p.disponibilites.length === 0) {
          avertissements.push({
            path: [cle, i, "disponibilites"],
            message: `${nom === "entreprise" ? "L'entreprise" : "L'acheteur"} « ${idValide ? (p.id as string) : i} » n'a aucune disponibilité : aucun rendez-vous possible.`,
          });
        }
      }
      if (idValide && !connus.has(p.id as string)) connus.set(p.id as string, { id: p.id as string, disponibilites });
    }
    return connus;
  };
  const entreprises = participants("entreprises", "entreprise", LIMITES_INSTANCE.entreprises);
  const acheteurs = participants("acheteurs", "acheteur", LIMITES_INSTANCE.acheteurs);

  // Requests
  const demandes: Demande[] = [];
  if (!Array.isArray(entree.demandes)) ajouter(["demandes"], "La liste des demandes de rendez-vous (demandes) est obligatoire.");
  else if (entree.demandes.length > LIMITES_INSTANCE.demandes) ajouter(["demandes"], `Au plus ${LIMITES_INSTANCE.demandes} demandes.`);
  else {
    const premiere = new Map<string, number>();
    for (const [i, d] of entree.demandes.entries()) {
      if (!estObjet(d)) {
        ajouter(["demandes", i], "Un objet est attendu pour chaque demande (entreprise, acheteur, priorite).");
        continue;
      }
      const avant = issues.length;
      if (!estId(d.entreprise)) ajouter(["demandes", i, "entreprise"], "L'identifiant de l'entreprise est obligatoire.");
      else if (Array.isArray(entree.entreprises) && !entreprises.has(d.entreprise)) {
        ajouter(["demandes", i, "entreprise"], `Entreprise inconnue : « ${d.entreprise} ».`);
      }
      if (!estId(d.acheteur)) ajouter(["demandes", i, "acheteur"], "L'identifiant de l'acheteur est obligatoire.");
      else if (Array.isArray(entree.acheteurs) && !acheteurs.has(d.acheteur)) {
        ajouter(["demandes", i, "acheteur"], `Acheteur inconnu : « ${d.acheteur} ».`);
      }
      if (d.priorite !== 1 && d.priorite !== 2 && d.priorite !== 3) {
        ajouter(["demandes", i, "priorite"], "La priorité doit valoir 1 (la plus haute), 2 ou 3.");
      }
      if (issues.length > avant) continue;
      const e = d.entreprise as string;
      const a = d.acheteur as string;
      const cle = JSON.stringify([e, a]);
      const deja = premiere.get(cle);
      if (deja !== undefined) {
        ajouter(["demandes", i], `Demande en double : l'entreprise « ${e} » demande déjà l'acheteur « ${a} » (demandes.${deja}).`);
        continue;
      }
      premiere.set(cle, i);
      demandes.push({ entreprise: e, acheteur: a, priorite: d.priorite as Priorite });
      const dispoAcheteur = new Set(acheteurs.get(a)?.disponibilites);
      if (!entreprises.get(e)?.disponibilites.some((c) => dispoAcheteur.has(c))) {
        avertissements.push({
          path: ["demandes", i],
          message: `L'entreprise « ${e} » et l'acheteur « ${a} » n'ont aucun créneau libre en commun : cette demande ne peut pas être placée.`,
        });
      }
    }
  }

  if (issues.length > 0) throw invalidInput(issues);
  return { instance: { creneaux, entreprises: [...entreprises.values()], acheteurs: [...acheteurs.values()], demandes }, avertissements };
}
