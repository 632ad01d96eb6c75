/**
 * The data of an audit event in French, for people: the object it is about (« Compte jean.dupont@… »,
 * « Direction des bâtiments (DB) »), and its fields as label/value pairs, with before → after for a change.
 * Pure functions: the page renders them, the raw JSON stays available to experts.
 */
import { ROLE_LABELS, isRole } from "@achat-public/domain";

/** French names of the kinds of objects in the trail. */
const TYPES_OBJET: Record<string, string> = {
  user: "Compte",
  direction: "Direction",
  service: "Service",
  organisation: "Organisation",
  job: "Tâche de fond",
  "ecb-rate": "Taux de la BCE",
  audit: "Journal d'audit",
  import: "Import",
  courriel: "Courriel",
};

/** French names of the fields found in the events' data. */
const CHAMPS: Record<string, string> = {
  email: "Adresse électronique",
  nomAffiche: "Prénom et nom",
  nom: "Nom",
  sigle: "Sigle",
  role: "Rôle",
  directionId: "Direction",
  serviceId: "Service",
  actif: "Compte actif",
  clientAddress: "Adresse IP",
  method: "Méthode de connexion",
  services: "Services",
  tache: "Tâche",
  siret: "SIRET",
  nombre: "Nombre",
  nomFichier: "Fichier",
  fichier: "Fichier",
  lignes: "Lignes écrites",
  total: "Lignes lues",
  empreinte: "Empreinte du fichier (SHA-256)",
  destinataire: "Destinataire",
  debutSemestre: "Début du semestre",
  taux: "Taux",
  tauxBce: "Taux",
  seq: "Numéro d'événement",
  compteConnu: "Compte existant",
  retryAfterSeconds: "Nouvel essai possible dans (secondes)",
  code: "Code de refus",
  requestId: "Identifiant de requête",
};

const METHODES: Record<string, string> = { "mot-de-passe": "mot de passe" };

/** Fields in the order of the table above (the database returns them in its own order), unknown ones last. */
const ORDRE = Object.keys(CHAMPS);
const rang = (champ: string) => (ORDRE.includes(champ) ? ORDRE.indexOf(champ) : ORDRE.length);
const parRang = (a: string, b: string) => rang(a) - rang(b);

/** Names of the directions and services, to show them instead of their ids. */
export interface Noms {
  directions: ReadonlyMap<string, string>;
  services: ReadonlyMap<string, string>;
}

export const AUCUN_NOM: Noms = { directions: new Map(), services: new Map() };

export interface Ligne {
  champ: string;
  libelle: string;
  valeur: string;
  /** For a change: the value before (`valeur` is the value after). */
  avant?: string;
}

const estObjet = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export const libelleChamp = (champ: string): string => CHAMPS[champ] ?? champ;

/** A value of the data, in words. */
export function valeurLisible(champ: string, valeur: unknown, noms: Noms = AUCUN_NOM): string {
  if (valeur === null || valeur === undefined) return "aucun";
  if (typeof valeur === "boolean") return valeur ? "oui" : "non";
  if (typeof valeur === "number") return valeur.toLocaleString("fr-FR");
  if (typeof valeur === "string") {
    if (champ === "role" && isRole(valeur)) return ROLE_LABELS[valeur];
    if (champ === "directionId") return noms.directions.get(valeur) ?? `direction ${valeur.slice(0, 8)}`;
    if (champ === "serviceId") return noms.services.get(valeur) ?? `service ${valeur.slice(0, 8)}`;
    if (champ === "method") return METHODES[valeur] ?? valeur;
    return valeur;
  }
  if (Array.isArray(valeur)) {
    if (valeur.length === 0) return "aucun";
    return valeur.map((v) => (estObjet(v) && typeof v.nom === "string" ? v.nom : valeurLisible(champ, v, noms))).join(", ");
  }
  if (estObjet(valeur)) {
    return Object.entries(valeur)
      .map(([k, v]) => `${libelleChamp(k)} : ${valeurLisible(k, v, noms)}`)
      .join(" ; ");
  }
  return String(valeur);
}

/**
 * The data as lines: `{ before, after }` gives one line per changed field (before → after), then the
 * unchanged ones are left out; any other object gives one line per field.
 */
export function lignesDonnees(donnees: unknown, noms: Noms = AUCUN_NOM): Ligne[] {
  if (!estObjet(donnees))
    return donnees === null || donnees === undefined ? [] : [{ champ: "", libelle: "Valeur", valeur: String(donnees) }];
  const { before, after } = donnees;
  if (estObjet(before) && estObjet(after)) {
    const champs = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort(parRang);
    return champs
      .filter((champ) => JSON.stringify(before[champ]) !== JSON.stringify(after[champ]))
      .map((champ) => ({
        champ,
        libelle: libelleChamp(champ),
        avant: valeurLisible(champ, before[champ], noms),
        valeur: valeurLisible(champ, after[champ], noms),
      }));
  }
  return Object.entries(donnees)
    .sort(([a], [b]) => parRang(a, b))
    .map(([champ, valeur]) => ({
      champ,
      libelle: libelleChamp(champ),
      valeur: valeurLisible(champ, valeur, noms),
    }));
}

export interface EvenementDecrit {
  agregatType: string;
  agregatId: string;
  acteur: string;
  acteurId: string | null;
  donnees: unknown;
}

/** What an event is about, in words: « Compte marie.curie@… », « Direction Direction des bâtiments (DB) ». */
export function decrireObjet(e: EvenementDecrit, noms: Noms = AUCUN_NOM): string {
  const type = TYPES_OBJET[e.agregatType] ?? e.agregatType;
  const d = estObjet(e.donnees) ? e.donnees : {};
  const source = estObjet(d.after) ? d.after : d;
  const nom =
    (typeof source.email === "string" && source.email) ||
    (typeof source.nom === "string" && (typeof source.sigle === "string" ? `${source.nom} (${source.sigle})` : source.nom)) ||
    (typeof source.nomAffiche === "string" && source.nomAffiche) ||
    (typeof source.tache === "string" && source.tache) ||
    (typeof source.fichier === "string" && source.fichier) ||
    (typeof source.destinataire === "string" && `pour ${source.destinataire}`) ||
    (e.agregatType === "user" && e.acteurId === e.agregatId && e.acteur) ||
    (e.agregatType === "direction" && noms.directions.get(e.agregatId)) ||
    (e.agregatType === "service" && noms.services.get(e.agregatId)) ||
    null;
  return nom ? `${type} ${nom}` : `${type} n° ${e.agregatId.slice(0, 8)}`;
}
