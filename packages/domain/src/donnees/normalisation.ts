/**
 * Normalisation of one published DECP record (any format: 2019 JSON schema 1.4/1.5, 2022 JSON or XML
 * schema 2.0.x, consolidated flat CSV row) into the rows of the store of public award data: one
 * attribution per contract × holder, plus the contract's modifications. Pure.
 *
 * Rule: a record is either imported or rejected, with its reasons. A fixable defect (a date with a time zone,
 * a CPV code without its leading zero, an amount written as text, a name whose accents were lost…) is
 * imported WITH A WARNING naming the field, never silently changed; what cannot identify the record (no buyer
 * id, the null buyer id `00000000000000`, no contract id) rejects it.
 */
import { CodeCpv } from "../valeurs/code-cpv";
import { isValidSiret } from "../valeurs/siret";

/** One attribution: a contract × one of its holders (the identity is acheteurId + marcheId + titulaireId). */
export interface AttributionPubliee {
  acheteurId: string;
  acheteurNom: string | null;
  marcheId: string;
  /** `""` when the record names no holder. */
  titulaireId: string;
  titulaireTypeIdentifiant: string | null;
  titulaireNom: string | null;
  /** `marche` or `concession`. */
  nature: "marche" | "concession";
  /** The nature as published (« Marché », « Accord-cadre », « CONCESSION DE TRAVAUX »…). */
  naturePubliee: string | null;
  objet: string | null;
  /** 8 digits, when the published code could be read (see the warnings); null otherwise. */
  codeCpv: string | null;
  codeCpvPublie: string | null;
  procedure: string | null;
  lieuCode: string | null;
  lieuTypeCode: string | null;
  /** Département of the place of execution (or of the buyer, in the flat CSV), when it can be derived. */
  departement: string | null;
  titulaireDepartement: string | null;
  montantHtCents: number | null;
  /** `YYYY-MM-DD`. */
  dateNotification: string | null;
  datePublication: string | null;
  dureeMois: number | null;
  offresRecues: number | null;
  formePrix: string | null;
  /** Number of holders of the contract (a joint award counts each holder once). */
  nombreTitulaires: number;
}

export interface ModificationPubliee {
  acheteurId: string;
  marcheId: string;
  /** Position of the modification in the record (1, 2…). */
  rang: number;
  objet: string | null;
  montantHtCents: number | null;
  dureeMois: number | null;
  dateNotification: string | null;
  datePublication: string | null;
}

export interface ProblemeDecp {
  /** Path of the field in the record as published (`titulaires.0.id`, `dateNotification`). */
  chemin: string;
  message: string;
}

export type ResultatNormalisation =
  | { statut: "importe"; attributions: AttributionPubliee[]; modifications: ModificationPubliee[]; avertissements: ProblemeDecp[] }
  | { statut: "rejete"; raisons: ProblemeDecp[] };

/** The null buyer id some publishers send when they do not know it. */
export const ACHETEUR_ID_NUL = "00000000000000";
const TYPES_IDENTIFIANT = new Set(["SIRET", "TVA", "TAHITI", "RIDET", "FRWF", "IREP", "HORS-UE", "UE"]);
const REMPLACEMENT = "\uFFFD";
const LONGUEUR_MAX_TEXTE = 4000;

type Brut = Record<string, unknown>;

const estObjet = (v: unknown): v is Brut => typeof v === "object" && v !== null && !Array.isArray(v);

/** `x`, `[x, y]` or `{cle: x}` / `{cle: [x, y]}` (2022 and XML wrap lists): always a list. */
function liste(v: unknown, cle?: string): unknown[] {
  if (v === undefined || v === null || v === "") return [];
  if (Array.isArray(v)) return v.flatMap((e) => (cle && estObjet(e) && cle in e ? liste(e[cle]) : [e]));
  if (cle && estObjet(v) && cle in v) return liste(v[cle]);
  return [v];
}

class Collecteur {
  /** XML: every value is text, a number written as text is no defect there. */
  constructor(readonly toutEnTexte = false) {}
  readonly avertissements: ProblemeDecp[] = [];
  readonly raisons: ProblemeDecp[] = [];
  avertir(chemin: string, message: string) {
    this.avertissements.push({ chemin, message });
  }
  rejeter(chemin: string, message: string) {
    this.raisons.push({ chemin, message });
  }
}

function texte(c: Collecteur, v: unknown, chemin: string): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (typeof v !== "string") {
    c.avertir(chemin, "valeur qui n'est pas un texte, ignorée");
    return null;
  }
  const t = v.trim();
  if (t === "") return null;
  if (t.includes(REMPLACEMENT)) c.avertir(chemin, "caractères illisibles (accents perdus à la publication), texte gardé tel que publié");
  if (t.length > LONGUEUR_MAX_TEXTE) {
    c.avertir(chemin, `texte de plus de ${LONGUEUR_MAX_TEXTE} caractères, tronqué`);
    return t.slice(0, LONGUEUR_MAX_TEXTE);
  }
  return t;
}

function identifiant(c: Collecteur, v: unknown, chemin: string): string | null {
  if (typeof v === "number" && Number.isSafeInteger(v)) {
    c.avertir(chemin, "identifiant publié comme un nombre (zéros de tête éventuellement perdus)");
    return String(v);
  }
  const t = texte(c, v, chemin);
  if (t !== null && typeof v === "string" && v !== t) c.avertir(chemin, `espaces autour de l'identifiant retirés (${JSON.stringify(v)})`);
  return t === null ? null : t.slice(0, 200);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})(.*)$/;

function date(c: Collecteur, v: unknown, chemin: string, absente?: string): string | null {
  if (v === undefined || v === null || v === "") {
    if (absente) c.avertir(chemin, absente);
    return null;
  }
  const m = typeof v === "string" ? DATE.exec(v.trim()) : null;
  if (!m) {
    c.avertir(chemin, `date illisible (${String(v).slice(0, 40)}), ignorée`);
    return null;
  }
  const [, a, mo, j, reste] = m;
  const iso = `${a}-${mo}-${j}`;
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso || Number(a) < 1990 || Number(a) > 2100) {
    c.avertir(chemin, `date impossible (${String(v).slice(0, 40)}), ignorée`);
    return null;
  }
  if (reste && reste !== "") {
    if (/^([+-]\d{2}:\d{2}|Z)$/.test(reste)) c.avertir(chemin, `date publiée avec un fuseau horaire (${v}), jour gardé : ${iso}`);
    else if (/^T[\d:.]+([+-]\d{2}:\d{2}|Z)?$/.test(reste)) c.avertir(chemin, `date publiée avec une heure (${v}), jour gardé : ${iso}`);
    else {
      c.avertir(chemin, `date illisible (${String(v).slice(0, 40)}), ignorée`);
      return null;
    }
  }
  return iso;
}

const MONTANT_MAX_CENTS = 1e15; // 10 000 milliards d'euros : au-delà, une faute de saisie

function montant(c: Collecteur, v: unknown, chemin: string): number | null {
  if (v === undefined || v === null || v === "") return null;
  let n: number;
  if (typeof v === "number") n = v;
  else if (typeof v === "string") {
    const t = v.trim().replace(/\s/g, "").replace(",", ".");
    n = /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
    if (Number.isNaN(n)) {
      c.avertir(chemin, `montant illisible (${v.slice(0, 40)}), ignoré`);
      return null;
    }
    if (!c.toutEnTexte) c.avertir(chemin, `montant publié comme un texte (${v.slice(0, 40)}), lu comme ${n} €`);
  } else {
    c.avertir(chemin, "montant qui n'est pas un nombre, ignoré");
    return null;
  }
  const cents = Math.round(n * 100);
  if (!Number.isFinite(n) || cents < 0 || cents > MONTANT_MAX_CENTS) {
    c.avertir(chemin, `montant hors limites (${n}), ignoré`);
    return null;
  }
  if (cents === 0) c.avertir(chemin, "montant nul");
  return cents;
}

function entier(c: Collecteur, v: unknown, chemin: string, max: number): number | null {
  if (v === undefined || v === null || v === "") return null;
  const n = typeof v === "number" ? v : typeof v === "string" && /^\s*\d+\s*$/.test(v) ? Number(v) : Number.NaN;
  if (typeof v === "string" && !Number.isNaN(n) && !c.toutEnTexte) c.avertir(chemin, `nombre publié comme un texte (${v})`);
  if (!Number.isInteger(n) || n < 0 || n > max) {
    c.avertir(chemin, `nombre entier attendu entre 0 et ${max} (${String(v).slice(0, 20)}), ignoré`);
    return null;
  }
  return n;
}

/** A CPV code: with or without its check digit; a missing leading zero is restored with a warning. */
function lireCodeCpv(c: Collecteur, v: unknown, chemin: string): { codeCpv: string | null; codeCpvPublie: string | null } {
  const publie = typeof v === "number" ? String(v) : texte(c, v, chemin);
  if (publie === null) {
    c.avertir(chemin, "code CPV absent");
    return { codeCpv: null, codeCpvPublie: null };
  }
  const m = /^(\d{7,8})(?:-(\d))?$/.exec(publie.replace(/\s/g, ""));
  if (!m?.[1]) {
    c.avertir(chemin, `code CPV mal formé (${publie.slice(0, 30)}), ignoré`);
    return { codeCpv: null, codeCpvPublie: publie.slice(0, 40) };
  }
  let code8 = m[1];
  if (code8.length === 7) {
    code8 = `0${code8}`;
    c.avertir(chemin, `code CPV de 7 chiffres (${publie}), lu comme ${code8} (zéro de tête perdu)`);
  }
  if (!CodeCpv.isValid(code8)) c.avertir(chemin, `code CPV ${code8} absent de la nomenclature CPV 2008`);
  else if (m[2] !== undefined && !CodeCpv.isValid(`${code8}-${m[2]}`))
    c.avertir(chemin, `chiffre de contrôle du code CPV faux (${publie})`);
  return { codeCpv: code8, codeCpvPublie: publie.slice(0, 40) };
}

/** Département of a place of execution: postal code, commune code (INSEE) or département code. */
export function departementDe(code: string | null, typeCode: string | null): string | null {
  if (!code) return null;
  const c = code.trim().toUpperCase();
  const type = (typeCode ?? "").toLowerCase();
  if (type.includes("département") || type.includes("departement")) return /^(\d{2,3}|2A|2B)$/.test(c) ? c : null;
  if (type.includes("postal") || type.includes("commune")) {
    if (!/^(\d{5}|2[AB]\d{3})$/.test(c)) return null;
    if (c.startsWith("97")) return c.slice(0, 3);
    if (c.startsWith("20") && type.includes("postal")) return Number(c) < 20200 ? "2A" : "2B";
    return c.slice(0, 2);
  }
  return null;
}

function titulairesDe(brut: Brut, nature: "marche" | "concession"): { valeur: unknown; chemin: string }[] {
  const cle = nature === "concession" ? "concessionnaires" : "titulaires";
  const sous = nature === "concession" ? "concessionnaire" : "titulaire";
  return liste(brut[cle], sous).map((valeur, i) => ({ valeur, chemin: `${cle}.${i}` }));
}

/**
 * Normalises one JSON-shaped record (2019 or 2022 JSON, or the XML converted to the same shape: then
 * `depuisXml`, every value being text).
 */
export function normaliserMarche(brut: unknown, options: { depuisXml?: boolean } = {}): ResultatNormalisation {
  const c = new Collecteur(options.depuisXml === true);
  if (!estObjet(brut)) return { statut: "rejete", raisons: [{ chemin: "", message: "l'enregistrement n'est pas un objet JSON" }] };
  const typeBrut = typeof brut._type === "string" ? brut._type : "";
  const nature: "marche" | "concession" =
    /concession/i.test(typeBrut) || "autoriteConcedante" in brut || "concessionnaires" in brut ? "concession" : "marche";
  const cleAcheteur = nature === "concession" ? "autoriteConcedante" : "acheteur";
  const acheteur = brut[cleAcheteur];
  const acheteurId = estObjet(acheteur) ? identifiant(c, acheteur.id, `${cleAcheteur}.id`) : null;
  if (acheteurId === null) c.rejeter(`${cleAcheteur}.id`, "identifiant de l'acheteur absent");
  else if (acheteurId === ACHETEUR_ID_NUL)
    c.rejeter(`${cleAcheteur}.id`, "identifiant de l'acheteur nul (00000000000000) : acheteur inconnu");
  else if (/^\d{14}$/.test(acheteurId) && !isValidSiret(acheteurId))
    c.avertir(`${cleAcheteur}.id`, `SIRET de l'acheteur invalide (clé de contrôle) : ${acheteurId}`);
  else if (!/^\d{14}$/.test(acheteurId))
    c.avertir(`${cleAcheteur}.id`, `identifiant de l'acheteur qui n'est pas un SIRET de 14 chiffres : ${acheteurId}`);
  const marcheId = identifiant(c, brut.id, "id");
  if (marcheId === null) c.rejeter("id", "identifiant du marché absent");
  if (c.raisons.length > 0 || acheteurId === null || marcheId === null) return { statut: "rejete", raisons: c.raisons };

  const acheteurNom = estObjet(acheteur) ? texte(c, acheteur.nom, `${cleAcheteur}.nom`) : null;
  const objet = texte(c, brut.objet, "objet");
  if (objet === null) c.avertir("objet", "objet absent");
  // a concession of the 1.5 format has no CPV code: only a contract must have one
  const { codeCpv, codeCpvPublie } =
    nature === "concession" && brut.codeCPV === undefined
      ? { codeCpv: null, codeCpvPublie: null }
      : lireCodeCpv(c, brut.codeCPV, "codeCPV");
  const lieu = estObjet(brut.lieuExecution) ? brut.lieuExecution : null;
  const lieuCode = lieu ? texte(c, lieu.code, "lieuExecution.code") : null;
  const lieuTypeCode = lieu ? texte(c, lieu.typeCode, "lieuExecution.typeCode") : null;
  const cleMontant = nature === "concession" ? "valeurGlobale" : "montant";
  const montantHtCents = montant(c, brut[cleMontant], cleMontant);
  const cleDate = nature === "concession" ? "dateSignature" : "dateNotification";
  const dateNotification = date(c, brut[cleDate], cleDate, "date de notification absente");
  const datePublication = date(c, brut.datePublicationDonnees, "datePublicationDonnees");
  const titulairesBruts = titulairesDe(brut, nature);
  const titulaires: { id: string; type: string | null; nom: string | null }[] = [];
  const vus = new Set<string>();
  for (const { valeur, chemin } of titulairesBruts) {
    if (!estObjet(valeur)) {
      c.avertir(chemin, "titulaire qui n'est pas un objet, ignoré");
      continue;
    }
    const id = identifiant(c, valeur.id, `${chemin}.id`);
    if (id === null) {
      c.avertir(`${chemin}.id`, "identifiant du titulaire absent, titulaire ignoré");
      continue;
    }
    const type = texte(c, valeur.typeIdentifiant, `${chemin}.typeIdentifiant`);
    if (type !== null && !TYPES_IDENTIFIANT.has(type))
      c.avertir(`${chemin}.typeIdentifiant`, `type d'identifiant hors nomenclature : ${type}`);
    if ((type === "SIRET" || type === null) && !/^\d{14}$/.test(id)) {
      c.avertir(`${chemin}.id`, `SIRET du titulaire qui n'a pas 14 chiffres : ${id}`);
    } else if (type === "SIRET" && !isValidSiret(id)) c.avertir(`${chemin}.id`, `SIRET du titulaire invalide (clé de contrôle) : ${id}`);
    if (vus.has(id)) {
      c.avertir(`${chemin}.id`, `titulaire cité deux fois : ${id}`);
      continue;
    }
    vus.add(id);
    titulaires.push({ id, type, nom: texte(c, valeur.denominationSociale, `${chemin}.denominationSociale`) });
  }
  if (titulaires.length === 0) {
    c.avertir(nature === "concession" ? "concessionnaires" : "titulaires", "aucun titulaire");
    titulaires.push({ id: "", type: null, nom: null });
  }
  const commun = {
    acheteurId,
    acheteurNom,
    marcheId,
    nature,
    naturePubliee: texte(c, brut.nature, "nature"),
    objet,
    codeCpv,
    codeCpvPublie,
    procedure: texte(c, brut.procedure, "procedure"),
    lieuCode,
    lieuTypeCode,
    departement: departementDe(lieuCode, lieuTypeCode),
    titulaireDepartement: null,
    montantHtCents,
    dateNotification,
    datePublication,
    dureeMois: entier(c, brut.dureeMois, "dureeMois", 1200),
    offresRecues: entier(c, brut.offresRecues, "offresRecues", 100_000),
    formePrix: texte(c, brut.formePrix, "formePrix"),
    nombreTitulaires: titulaires.filter((t) => t.id !== "").length,
  };
  const attributions = titulaires.map((t) => ({ ...commun, titulaireId: t.id, titulaireTypeIdentifiant: t.type, titulaireNom: t.nom }));
  const modifications: ModificationPubliee[] = liste(brut.modifications, "modification").flatMap((m, i) => {
    const chemin = `modifications.${i}`;
    if (!estObjet(m)) {
      c.avertir(chemin, "modification qui n'est pas un objet, ignorée");
      return [];
    }
    return [
      {
        acheteurId,
        marcheId,
        rang: i + 1,
        objet: texte(c, m.objetModification, `${chemin}.objetModification`),
        montantHtCents: montant(c, m.montant ?? m.valeurGlobale, `${chemin}.montant`),
        dureeMois: entier(c, m.dureeMois, `${chemin}.dureeMois`, 1200),
        dateNotification: date(c, m.dateNotificationModification ?? m.dateSignatureModification, `${chemin}.dateNotificationModification`),
        datePublication: date(c, m.datePublicationDonneesModification, `${chemin}.datePublicationDonneesModification`),
      },
    ];
  });
  return { statut: "importe", attributions, modifications, avertissements: c.avertissements };
}

/** Columns of the consolidated flat table (one row per contract × holder). */
export const COLONNES_TABULAIRES = [
  "uid",
  "id",
  "type",
  "codeCPV",
  "acheteur_id",
  "acheteur_nom",
  "titulaire_id",
  "titulaire_nom",
  "montant",
  "dateNotification",
  "procedure",
  "dureeMois",
  "offresRecues",
  "acheteur_departement_code",
  "titulaire_departement_code",
] as const;

/** Normalises one row of the consolidated flat CSV (cells as text, keyed by column name). */
export function normaliserLigneTabulaire(ligne: Readonly<Record<string, string | undefined>>): ResultatNormalisation {
  const c = new Collecteur(true);
  const acheteurId = identifiant(c, ligne.acheteur_id, "acheteur_id");
  if (acheteurId === null) c.rejeter("acheteur_id", "identifiant de l'acheteur absent");
  else if (acheteurId === ACHETEUR_ID_NUL) c.rejeter("acheteur_id", "identifiant de l'acheteur nul (00000000000000) : acheteur inconnu");
  const marcheId = identifiant(c, ligne.id, "id");
  if (marcheId === null) c.rejeter("id", "identifiant du marché absent");
  if (acheteurId === null || marcheId === null || c.raisons.length > 0) return { statut: "rejete", raisons: c.raisons };
  const titulaireId = identifiant(c, ligne.titulaire_id, "titulaire_id") ?? "";
  if (titulaireId === "") c.avertir("titulaire_id", "aucun titulaire");
  else if (!/^\d{14}$/.test(titulaireId)) c.avertir("titulaire_id", `SIRET du titulaire qui n'a pas 14 chiffres : ${titulaireId}`);
  else if (!isValidSiret(titulaireId)) c.avertir("titulaire_id", `SIRET du titulaire invalide (clé de contrôle) : ${titulaireId}`);
  const objet = texte(c, ligne.objet, "objet");
  const type = texte(c, ligne.type, "type");
  const nature = type !== null && /concession/i.test(type) ? "concession" : "marche";
  const dep = (v: string | null) => (v !== null && /^(\d{2,3}|2A|2B)$/.test(v) ? v : null);
  const { codeCpv, codeCpvPublie } = lireCodeCpv(c, ligne.codeCPV, "codeCPV");
  const attribution: AttributionPubliee = {
    acheteurId,
    acheteurNom: texte(c, ligne.acheteur_nom, "acheteur_nom"),
    marcheId,
    titulaireId,
    titulaireTypeIdentifiant: titulaireId === "" ? null : "SIRET",
    titulaireNom: texte(c, ligne.titulaire_nom, "titulaire_nom"),
    nature,
    naturePubliee: type,
    objet,
    codeCpv,
    codeCpvPublie,
    procedure: texte(c, ligne.procedure, "procedure"),
    lieuCode: null,
    lieuTypeCode: null,
    departement: dep(texte(c, ligne.acheteur_departement_code, "acheteur_departement_code")),
    titulaireDepartement: dep(texte(c, ligne.titulaire_departement_code, "titulaire_departement_code")),
    montantHtCents: montantTabulaire(c, ligne.montant),
    dateNotification: date(c, ligne.dateNotification, "dateNotification", "date de notification absente"),
    datePublication: date(c, ligne.datePublicationDonnees, "datePublicationDonnees"),
    dureeMois: entierTabulaire(c, ligne.dureeMois, "dureeMois", 1200),
    offresRecues: entierTabulaire(c, ligne.offresRecues, "offresRecues", 100_000),
    formePrix: texte(c, ligne.formePrix, "formePrix"),
    nombreTitulaires: titulaireId === "" ? 0 : 1,
  };
  return { statut: "importe", attributions: [attribution], modifications: [], avertissements: c.avertissements };
}

/** In a CSV every cell is text: a number there is no defect. */
function montantTabulaire(c: Collecteur, v: string | undefined): number | null {
  if (v === undefined || v.trim() === "") return null;
  const t = v.trim();
  return /^-?\d+(\.\d+)?$/.test(t) ? montant(c, Number(t), "montant") : montant(c, t, "montant");
}

function entierTabulaire(c: Collecteur, v: string | undefined, chemin: string, max: number): number | null {
  if (v === undefined || v.trim() === "") return null;
  const t = v.trim().replace(/\.0+$/, "");
  return entier(c, /^\d+$/.test(t) ? Number(t) : t, chemin, max);
}
