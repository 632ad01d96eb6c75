/**
 * OCDS 1.1.5 release package of the département (Open Contracting Data Standard, open-contracting/standard,
 * schema/release-package-schema.json): one contracting process per procedure, with a stable ocid
 * `${prefixe}-${procedureId}` (a contract entered without a procedure gets `${prefixe}-marche-${marcheId}`).
 * Each process is one release holding what is known: planning (from the programme lines), tender (lots as items,
 * criteria, tenderers), awards and contracts (one per contract record, i.e. per lot), implementation (paid
 * invoices as transactions) and amendments (modifications). A release id is `${ocid}-${empreinte}`: the same
 * content gives the same id across exports; a change gives a new one.
 */
import type { ProcedureDecp } from "../regles/types";
import { addMonths, type DateLegale } from "../valeurs/date-legale";
import { centsToEuros } from "../valeurs/montant";
import { considerationsEnvironnementales, considerationsSociales } from "./decp";
import type { MarchePourPublication, NaturePrestations, ProcedurePourPublication, StatutProcedure, TitulairePublication } from "./types";

type Json = Record<string, unknown>;

/** OCDS `procurementMethod` (closed codelist method.csv) of each DECP procedure. */
export const METHODE_OCDS: Readonly<Record<ProcedureDecp, "open" | "selective" | "limited" | "direct">> = {
  "Appel d'offres ouvert": "open",
  "Procédure adaptée": "open",
  "Appel d'offres restreint": "selective",
  "Procédure avec négociation": "selective",
  "Dialogue compétitif": "selective",
  "Marché passé sans publicité ni mise en concurrence préalable": "direct",
};

/** OCDS `mainProcurementCategory` (closed codelist procurementCategory.csv). */
export const CATEGORIE_OCDS: Readonly<Record<NaturePrestations, "works" | "goods" | "services">> = {
  travaux: "works",
  fournitures: "goods",
  services: "services",
};

/** OCDS `tender.status` (closed codelist tenderStatus.csv) of each procedure status. */
export const STATUT_APPEL_OCDS: Readonly<Record<StatutProcedure, string>> = {
  brouillon: "planning",
  publiee: "active",
  "offres-recues": "active",
  analysee: "active",
  attribuee: "complete",
  notifiee: "complete",
  infructueuse: "unsuccessful",
  abandonnee: "cancelled",
};

export interface OptionsOcds {
  /** ocid prefix (`ocds-xxxxxx`, registered with the Open Contracting Partnership). */
  prefixe: string;
  /** Package URI (where the package is published). */
  uri: string;
  /** Publication instant of the package (ISO 8601). */
  publie: string;
  editeur: { nom: string; siret: string };
  /** Licence of the data (Licence Ouverte 2.0 by default). */
  licence?: string;
}

const LICENCE_OUVERTE = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/";

function instant(date: DateLegale): string {
  return `${date}T00:00:00Z`;
}

function valeur(cents: number): Json {
  return { amount: centsToEuros(cents), currency: "EUR" };
}

function partieId(siret: string): string {
  return `FR-SIRET-${siret}`;
}

function reference(t: TitulairePublication): Json {
  return { id: partieId(t.siret), name: t.nom };
}

/** 53-bit FNV-1a style hash of a string, as 12 hex digits (stable release ids; not a security hash). */
export function empreinte(texte: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < texte.length; i++) {
    const c = texte.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return (h1.toString(16).padStart(8, "0") + h2.toString(16).padStart(8, "0")).slice(0, 12);
}

/** JSON with sorted keys, so that the fingerprint does not depend on key order. */
function canonique(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonique).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Json)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonique(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

function maxDate(dates: (DateLegale | null | undefined)[]): DateLegale | null {
  let best: DateLegale | null = null;
  for (const d of dates) if (d && (best === null || d > best)) best = d;
  return best;
}

/** The ocid of a procedure, or of a contract entered without a procedure. */
export function ocidDe(prefixe: string, procedureId: string | null, marcheId: string): string {
  return procedureId ? `${prefixe}-${procedureId}` : `${prefixe}-marche-${marcheId}`;
}

function award(m: MarchePourPublication): Json {
  const fin = addMonths(m.dateNotification, Math.max(1, m.dureeMois));
  return {
    id: `attribution-${m.id}`,
    title: m.objet,
    status: "active",
    date: instant(m.dateNotification),
    value: valeur(m.montantHtCents),
    suppliers: m.titulaires.map(reference),
    items: [{ id: m.lotNumero !== null ? `lot-${m.lotNumero}` : "1", description: m.objet, classification: cpv(m.cpv) }],
    contractPeriod: { startDate: instant(m.dateNotification), endDate: instant(fin) },
  };
}

function cpv(code: string): Json {
  return { scheme: "CPV", id: code.slice(0, 8) };
}

function contrat(m: MarchePourPublication, acheteur: Json): Json {
  const dernier = [...m.modifications].sort((a, b) => a.numero - b.numero);
  const montantActuel = dernier.reduce((acc, mod) => mod.montantHtCents ?? acc, m.montantHtCents);
  const dureeActuelle = dernier.reduce((acc, mod) => mod.dureeMois ?? acc, m.dureeMois);
  const out: Json = {
    id: `marche-${m.id}`,
    awardID: `attribution-${m.id}`,
    title: `${m.numero} — ${m.objet}`,
    status: "active",
    period: { startDate: instant(m.dateNotification), endDate: instant(addMonths(m.dateNotification, Math.max(1, dureeActuelle))) },
    value: valeur(montantActuel),
    dateSigned: instant(m.dateNotification),
    items: [{ id: m.lotNumero !== null ? `lot-${m.lotNumero}` : "1", description: m.objet, classification: cpv(m.cpv) }],
  };
  if (m.facturesPayees.length) {
    out.implementation = {
      transactions: m.facturesPayees.map((f) => ({
        id: `facture-${f.numero}`,
        date: instant(f.datePaiement),
        value: valeur(f.montantTtcCents),
        payer: acheteur,
        payee: m.titulaires[0] ? reference(m.titulaires[0]) : undefined,
      })),
    };
  }
  if (dernier.length) {
    out.amendments = dernier.map((mod) => ({
      id: `modification-${mod.numero}`,
      date: instant(mod.dateNotification),
      rationale: mod.objet,
      description:
        [
          mod.montantHtCents !== null ? `nouveau montant total ${centsToEuros(mod.montantHtCents)} € HT` : null,
          mod.dureeMois !== null ? `nouvelle durée ${mod.dureeMois} mois` : null,
        ]
          .filter(Boolean)
          .join(" ; ") || null,
    }));
  }
  return out;
}

interface Processus {
  ocid: string;
  procedure: ProcedurePourPublication | null;
  marches: MarchePourPublication[];
}

function release(p: Processus, options: OptionsOcds): Json {
  const acheteur = { id: partieId(options.editeur.siret), name: options.editeur.nom };
  const parties = new Map<string, Json>();
  const siren = (siret: string) => siret.slice(0, 9);
  parties.set(acheteur.id, {
    id: acheteur.id,
    name: acheteur.name,
    identifier: { scheme: "FR-RCS", id: siren(options.editeur.siret), legalName: acheteur.name },
    additionalIdentifiers: [{ scheme: "FR-SIRET", id: options.editeur.siret }],
    roles: ["buyer", "procuringEntity", "payer"],
  });
  const ajouterPartie = (t: TitulairePublication, role: string) => {
    const id = partieId(t.siret);
    const existing = parties.get(id);
    if (existing) {
      const roles = existing.roles as string[];
      if (!roles.includes(role)) roles.push(role);
      return;
    }
    parties.set(id, {
      id,
      name: t.nom,
      identifier: { scheme: "FR-RCS", id: siren(t.siret), legalName: t.nom },
      additionalIdentifiers: [{ scheme: "FR-SIRET", id: t.siret }],
      roles: [role],
    });
  };
  const tags: string[] = [];
  const r: Json = { ocid: p.ocid, initiationType: "tender", language: "fr", buyer: acheteur };
  const proc = p.procedure;
  const premier = p.marches[0];

  if (proc?.lignesProgramme.length) {
    tags.push("planning");
    const total = proc.lignesProgramme.reduce((s, l) => s + l.valeurEstimeeHtCents, 0);
    r.planning = {
      rationale: proc.lignesProgramme.map((l) => `Programme ${l.annee}${l.direction ? ` (${l.direction})` : ""} : ${l.objet}`).join(" ; "),
      budget: {
        id: proc.lignesProgramme.map((l) => l.id).join("+"),
        description: "Valeur estimée HT des lignes du programme des achats",
        amount: valeur(total),
      },
      milestones: proc.lignesProgramme
        .filter((l) => l.trimestreLancement !== null)
        .map((l) => ({
          id: `lancement-${l.id}`,
          title: `Lancement prévu au trimestre ${l.trimestreLancement} de ${l.annee}`,
          type: "preProcurement",
          dueDate: instant(`${l.annee}-${String(((l.trimestreLancement ?? 1) - 1) * 3 + 1).padStart(2, "0")}-01`),
        })),
    };
  }

  const procedureDecp = proc?.procedure ?? premier?.procedure ?? null;
  const nature = proc?.nature ?? premier?.nature ?? "services";
  const tender: Json = {
    id: proc ? `procedure-${proc.id}` : `marche-${premier?.id ?? "?"}`,
    title: proc?.objet ?? premier?.objet ?? null,
    status: proc ? STATUT_APPEL_OCDS[proc.statut] : "complete",
    procuringEntity: acheteur,
    mainProcurementCategory: CATEGORIE_OCDS[nature],
  };
  if (proc) {
    tender.value = valeur(proc.valeurEstimeeHtCents);
    const items = proc.lots.length
      ? proc.lots.map((l) => ({
          id: `lot-${l.numero}`,
          description: `Lot ${l.numero} : ${l.intitule}`,
          ...((l.cpv ?? proc.cpv) ? { classification: cpv((l.cpv ?? proc.cpv) as string) } : {}),
        }))
      : [{ id: "1", description: proc.objet, ...(proc.cpv ? { classification: cpv(proc.cpv) } : {}) }];
    tender.items = items;
    if (proc.datePublication || proc.dateLimiteReception) {
      tender.tenderPeriod = {
        ...(proc.datePublication ? { startDate: instant(proc.datePublication) } : {}),
        ...(proc.dateLimiteReception ? { endDate: instant(proc.dateLimiteReception) } : {}),
      };
    }
    if (proc.criteres.length) {
      tender.awardCriteria = proc.criteres.length === 1 && /prix/i.test(proc.criteres[0]?.libelle ?? "") ? "priceOnly" : "ratedCriteria";
      tender.awardCriteriaDetails = proc.criteres
        .map((c) => `${c.libelle} : ${c.poidsPourcentage} %${c.environnemental ? " (critère environnemental)" : ""}`)
        .join(" ; ");
    }
    const tenderers = new Map<string, TitulairePublication>();
    for (const o of proc.offres) tenderers.set(o.siret, { siret: o.siret, nom: o.nom });
    if (tenderers.size) {
      tender.tenderers = [...tenderers.values()].map(reference);
      tender.numberOfTenderers = tenderers.size;
      for (const t of tenderers.values()) ajouterPartie(t, "tenderer");
    }
  } else if (premier) {
    tender.value = valeur(premier.montantHtCents);
    tender.items = [{ id: "1", description: premier.objet, classification: cpv(premier.cpv) }];
    if (premier.offresRecues !== null) tender.numberOfTenderers = premier.offresRecues;
  }
  if (procedureDecp) {
    tender.procurementMethod = METHODE_OCDS[procedureDecp];
    tender.procurementMethodDetails = procedureDecp;
  }
  if (premier?.fondementProcedure) tender.procurementMethodRationale = premier.fondementProcedure;
  const considerations = premier ? [...considerationsSociales(premier), ...considerationsEnvironnementales(premier)] : [];
  if (considerations.length) tender.description = `Considérations : ${considerations.join(", ")}.`;
  tags.push("tender");
  r.tender = tender;

  // the award of a lot decided in the procedure (retained tenders) whose contract is not recorded yet
  const lotsAvecMarche = new Set(p.marches.map((m) => m.lotNumero ?? 1));
  const retenues = new Map<number, NonNullable<ProcedurePourPublication["retenues"]>>();
  for (const o of proc?.retenues ?? []) {
    if (lotsAvecMarche.has(o.lotNumero)) continue;
    retenues.set(o.lotNumero, [...(retenues.get(o.lotNumero) ?? []), o]);
  }
  const attributionsDecidees: Json[] = [...retenues.entries()]
    .sort(([a], [b]) => a - b)
    .map(([lot, offres]) => {
      const intitule = proc?.lots.find((l) => l.numero === lot)?.intitule ?? proc?.objet ?? "";
      for (const o of offres) ajouterPartie(o, "supplier");
      return {
        id: `attribution-${proc?.id ?? ""}-lot-${lot}`,
        title: intitule,
        status: "active",
        ...(proc?.dateAttribution ? { date: instant(proc.dateAttribution) } : {}),
        // one retained tender: its price; several (a framework agreement): no single value
        ...(offres.length === 1 && offres[0] ? { value: valeur(offres[0].prixHtCents) } : {}),
        suppliers: offres.map(reference),
        items: [{ id: `lot-${lot}`, description: `Lot ${lot} : ${intitule}` }],
      };
    });
  if (attributionsDecidees.length && !p.marches.length) {
    tags.push("award");
    r.awards = attributionsDecidees;
  }
  if (p.marches.length) {
    tags.push("award", "contract");
    r.awards = [...p.marches.map(award), ...attributionsDecidees];
    r.contracts = p.marches.map((m) => contrat(m, acheteur));
    for (const m of p.marches) for (const t of m.titulaires) ajouterPartie(t, "supplier");
    if (p.marches.some((m) => m.facturesPayees.length)) tags.push("implementation");
    if (p.marches.some((m) => m.modifications.length)) tags.push("contractAmendment");
    for (const m of p.marches) for (const mod of m.modifications) for (const t of mod.titulaires ?? []) ajouterPartie(t, "supplier");
  }
  r.parties = [...parties.values()];
  r.tag = tags;

  const dates: (DateLegale | null)[] = [proc?.datePublication ?? null, proc?.dateLimiteReception ?? null, proc?.dateAttribution ?? null];
  for (const m of p.marches) {
    dates.push(m.dateNotification, ...m.modifications.map((x) => x.dateNotification), ...m.facturesPayees.map((f) => f.datePaiement));
  }
  for (const l of proc?.lignesProgramme ?? []) dates.push(`${l.annee}-01-01`);
  r.date = instant(maxDate(dates) ?? "2024-01-01");
  return { id: `${p.ocid}-${empreinte(canonique(r))}`, ...r };
}

/**
 * The OCDS 1.1.5 release package of the département: one release per contracting process (procedure, or contract
 * entered without a procedure), in a stable order (ocid). Procedures still in draft are left out (nothing public yet).
 */
export function versOcds(
  procedures: readonly ProcedurePourPublication[],
  marches: readonly MarchePourPublication[],
  options: OptionsOcds,
): Json {
  const processus = new Map<string, Processus>();
  for (const proc of procedures) {
    if (proc.statut === "brouillon") continue;
    processus.set(proc.id, { ocid: ocidDe(options.prefixe, proc.id, ""), procedure: proc, marches: [] });
  }
  for (const m of marches) {
    const cle = m.procedureId ?? `marche-${m.id}`;
    let p = processus.get(cle);
    if (!p) {
      p = { ocid: ocidDe(options.prefixe, m.procedureId, m.id), procedure: null, marches: [] };
      processus.set(cle, p);
    }
    p.marches.push(m);
  }
  const releases = [...processus.values()]
    .sort((a, b) => (a.ocid < b.ocid ? -1 : a.ocid > b.ocid ? 1 : 0))
    .map((p) => {
      p.marches.sort((a, b) => (a.lotNumero ?? 0) - (b.lotNumero ?? 0) || (a.numero < b.numero ? -1 : 1));
      return release(p, options);
    });
  return {
    uri: options.uri,
    version: "1.1",
    publishedDate: options.publie,
    publisher: { name: options.editeur.nom, scheme: "FR-RCS", uid: options.editeur.siret.slice(0, 9) },
    license: options.licence ?? LICENCE_OUVERTE,
    releases,
  };
}
