/**
 * Statuses of outgoing mail in French, as the API names them (`LIBELLES_STATUT_COURRIEL` in
 * packages/contracts), kept here so that the page does not load the validation library; a test checks both agree.
 */
export const STATUTS_COURRIEL = {
  "en-attente": "En attente d'envoi",
  envoye: "Envoyé",
  conserve: "Conservé (pas de serveur d'envoi configuré)",
  echec: "Échec après plusieurs tentatives",
} as const;

export type StatutCourriel = keyof typeof STATUTS_COURRIEL;

/** Badge colours of the statuses, all at least 4.5:1 on white. */
export const COULEURS_STATUT: Record<StatutCourriel, string> = {
  "en-attente": "gray.8",
  envoye: "#1f6f35",
  conserve: "collectivite.9",
  echec: "#a61e1e",
};

/** French names of the background tasks known so far (the code otherwise). */
export const TACHES: Record<string, string> = {
  "courriel.envoyer": "Envoi d'un courriel",
  "audit.ancrer": "Point d'ancrage du journal d'audit",
  "securite.purger": "Effacement des anciens événements de sécurité",
};
