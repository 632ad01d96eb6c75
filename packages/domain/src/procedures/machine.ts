/**
 * The state machine of a procedure (consultation), pure: its states, the transitions each action allows, the
 * fields sealed in each state, and the guards asked of the rule book (publication refused when the engine says
 * it is not publishable; a lot without any tender is unsuccessful). Drawn in docs/workflows/procedures.md.
 * The persistence, API and pages of the procedures context are not written yet.
 */
import { DomainError } from "../commun/errors";
import type { Outbox } from "../commun/ports";
import { ATTRIBUTION_NOTIFIEE, type AttributionNotifiee } from "../commun/attribution";
import { verifierAvantPublication, type PublicationInput, type PublicationResult } from "../regles/publication";

export type EtatProcedure =
  | "brouillon"
  | "publiee"
  | "offres-recues"
  | "analysee"
  | "attribuee"
  | "notifiee"
  | "infructueuse"
  | "abandonnee";

export const LIBELLES_ETAT_PROCEDURE: Record<EtatProcedure, string> = {
  brouillon: "Brouillon",
  publiee: "Publiée",
  "offres-recues": "Offres reçues",
  analysee: "Analysée",
  attribuee: "Attribuée",
  notifiee: "Notifiée",
  infructueuse: "Infructueuse",
  abandonnee: "Abandonnée",
};

export type ActionProcedure =
  | "publier"
  | "cloturer-reception"
  | "analyser"
  | "attribuer"
  | "notifier"
  | "declarer-infructueuse"
  | "abandonner";

export const TRANSITIONS_PROCEDURE: Record<ActionProcedure, { depuis: readonly EtatProcedure[]; vers: EtatProcedure }> = {
  publier: { depuis: ["brouillon"], vers: "publiee" },
  "cloturer-reception": { depuis: ["publiee"], vers: "offres-recues" },
  analyser: { depuis: ["offres-recues"], vers: "analysee" },
  attribuer: { depuis: ["analysee"], vers: "attribuee" },
  notifier: { depuis: ["attribuee"], vers: "notifiee" },
  "declarer-infructueuse": { depuis: ["publiee", "offres-recues", "analysee"], vers: "infructueuse" },
  abandonner: { depuis: ["brouillon", "publiee", "offres-recues", "analysee", "attribuee"], vers: "abandonnee" },
};

/** Groups of fields, and the states from which each is sealed. */
export type ChampProcedure =
  | "objet"
  | "lots"
  | "procedure"
  | "publicite"
  | "criteres"
  | "clauses"
  | "dateLimiteReception"
  | "offres"
  | "attribution";

const SCELLE_DEPUIS: Record<ChampProcedure, readonly EtatProcedure[]> = {
  objet: ["publiee", "offres-recues", "analysee", "attribuee", "notifiee", "infructueuse", "abandonnee"],
  lots: ["publiee", "offres-recues", "analysee", "attribuee", "notifiee", "infructueuse", "abandonnee"],
  procedure: ["publiee", "offres-recues", "analysee", "attribuee", "notifiee", "infructueuse", "abandonnee"],
  publicite: ["publiee", "offres-recues", "analysee", "attribuee", "notifiee", "infructueuse", "abandonnee"],
  criteres: ["publiee", "offres-recues", "analysee", "attribuee", "notifiee", "infructueuse", "abandonnee"],
  clauses: ["publiee", "offres-recues", "analysee", "attribuee", "notifiee", "infructueuse", "abandonnee"],
  // the deadline may still be postponed (by a correcting notice) while tenders are awaited
  dateLimiteReception: ["offres-recues", "analysee", "attribuee", "notifiee", "infructueuse", "abandonnee"],
  offres: ["brouillon", "analysee", "attribuee", "notifiee", "infructueuse", "abandonnee"],
  attribution: ["brouillon", "publiee", "offres-recues", "notifiee", "infructueuse", "abandonnee"],
};

/** The fields that may change in a state. */
export function champsModifiables(etat: EtatProcedure): ChampProcedure[] {
  return (Object.keys(SCELLE_DEPUIS) as ChampProcedure[]).filter((c) => !SCELLE_DEPUIS[c].includes(etat));
}

/** Refuses a change of sealed fields, naming the state and the fields. */
export function assertModifiable(etat: EtatProcedure, champs: readonly ChampProcedure[]): void {
  const scelles = champs.filter((c) => SCELLE_DEPUIS[c].includes(etat));
  if (scelles.length > 0) {
    throw new DomainError(
      "FIELD_SEALED",
      `Procédure à l'état « ${LIBELLES_ETAT_PROCEDURE[etat]} » : ${scelles.join(", ")} ne se modifie${scelles.length > 1 ? "nt" : ""} plus.`,
      "conflict",
      scelles.map((c) => ({ path: [c], message: `Scellé à l'état « ${LIBELLES_ETAT_PROCEDURE[etat]} ».` })),
      { etat, champs: scelles },
    );
  }
}

/** The state an action leads to, or TRANSITION_REFUSED naming the current state. */
export function transitionProcedure(etat: EtatProcedure, action: ActionProcedure): EtatProcedure {
  const t = TRANSITIONS_PROCEDURE[action];
  if (!t.depuis.includes(etat)) {
    throw new DomainError(
      "TRANSITION_REFUSED",
      `Action « ${action} » impossible : la procédure est à l'état « ${LIBELLES_ETAT_PROCEDURE[etat]} ».`,
      "conflict",
      [],
      { action, etat },
    );
  }
  return t.vers;
}

/** Publication: allowed by the machine AND by the rule book (Climat duties, minimum tender delay, procedure allowed). */
export function publier(etat: EtatProcedure, consultation: PublicationInput): { etat: EtatProcedure; verification: PublicationResult } {
  const vers = transitionProcedure(etat, "publier");
  const verification = verifierAvantPublication(consultation);
  if (!verification.publiable) {
    throw new DomainError(
      "PUBLICATION_REFUSED",
      `Publication impossible : ${verification.alertes
        .filter((a) => a.niveau === "bloquant")
        .map((a) => a.message)
        .join(" ")}`,
      "rule-violation",
      [],
      { alertes: verification.alertes.filter((a) => a.niveau === "bloquant").map((a) => a.message) },
    );
  }
  return { etat: vers, verification };
}

/** After the tender deadline: the lots without any tender are unsuccessful; the procedure is if every lot is. */
export function cloturerReception(
  etat: EtatProcedure,
  offresParLot: ReadonlyMap<number, number>,
  lots: readonly number[],
): { etat: EtatProcedure; lotsInfructueux: number[] } {
  const lotsInfructueux = lots.filter((n) => (offresParLot.get(n) ?? 0) === 0);
  if (lotsInfructueux.length === lots.length) return { etat: transitionProcedure(etat, "declarer-infructueuse"), lotsInfructueux };
  return { etat: transitionProcedure(etat, "cloturer-reception"), lotsInfructueux };
}

/**
 * Notification: the procedure becomes notified and, in the caller's transaction, one outbox job
 * `procedures.attribution-notifiee` per lot (the contracts context creates the contract records from them).
 */
export async function notifier(
  deps: { outbox: Outbox },
  etat: EtatProcedure,
  attributions: readonly AttributionNotifiee[],
): Promise<EtatProcedure> {
  const vers = transitionProcedure(etat, "notifier");
  if (attributions.length === 0) throw new DomainError("NO_AWARD", "Aucun lot attribué à notifier.", "rule-violation");
  for (const a of attributions) {
    await deps.outbox.enqueue(ATTRIBUTION_NOTIFIEE, { ...a }, { singletonKey: `${a.procedureId}:${a.lotNumero}` });
  }
  return vers;
}
