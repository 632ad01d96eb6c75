/**
 * Import of a published DECP file into the store of public award data: streamed (records read one by one),
 * normalised by the domain (imported, imported with warnings, or rejected with reasons), written by batches
 * (COPY into a staging table, then INSERT … ON CONFLICT DO NOTHING: idempotent, importing the same file twice adds
 * nothing), in one transaction with one audit event (the file's hash and the report's counts). One batch is in
 * flight while the next is read and normalised: the database writes while Node parses. A large file into a small
 * store is a bulk load: secondary indexes dropped, rebuilt once at the end (see `ouvrirChargementDecp`). The sourcing
 * summaries follow each batch (from the rows it inserted); after a bulk load they are rebuilt once instead.
 */
import { createHash } from "node:crypto";
import { appendFile } from "node:fs/promises";
import type { Readable } from "node:stream";
import type { Actor } from "@achat-public/domain";
import {
  normaliserLigneTabulaire,
  normaliserMarche,
  type AttributionPubliee,
  type ModificationPubliee,
  type ResultatNormalisation,
} from "@achat-public/domain/donnees";
import { cleAttribution, type LotDecp } from "@achat-public/db";
import { unitOfWork, type AppContext, type UnitOfWork } from "../context";
import { lireDecp, type Avancement, type Enregistrement } from "./lecture";

export { FichierIlisible } from "./lecture";

export interface ProblemeRapport {
  /** Position of the record in the file (0 for the first). */
  index: number;
  /** Field of the record, as published. */
  chemin: string;
  message: string;
}

export interface RapportDecp {
  total: number;
  importes: number;
  rejetes: number;
  doublons: number;
  avertissements: number;
  problemes: ProblemeRapport[];
  /** Problems beyond the listed ones and not written to `debordement` (the report keeps at most PROBLEMES_MAX in memory). */
  problemesNonListes: number;
  /** Problems beyond PROBLEMES_MAX written, one JSON object a line, to the file `debordement` (CLI): listed after `problemes`. */
  problemesDebordes: number;
  format: string | null;
  empreinte: string;
  octets: number;
}

/** Records per batch written in one round of statements. */
export const TAILLE_LOT = 5000;
/** Problems kept in the report: beyond, they are counted (memory stays bounded whatever the file). */
export const PROBLEMES_MAX = 20_000;

export interface OptionsImport {
  nomFichier: string;
  /** Called after each batch with the bytes read so far. */
  progression?: (octetsLus: number) => void;
  tailleLot?: number;
  /**
   * A file (NDJSON) where the problems beyond PROBLEMES_MAX go, written batch by batch, so that the CLI lists every
   * problem of a national file while its memory stays bounded. Without it, they are only counted.
   */
  debordement?: string;
  /** Problems kept in memory (PROBLEMES_MAX by default). */
  problemesMax?: number;
  /** Size of the file when known (the CLI): a large file into a small store is loaded in bulk. */
  octets?: number;
}

/** The writes of an import: a batch, then the end of the load (indexes rebuilt after a bulk load). */
export interface EcritureDecp {
  ecrireLot(lot: LotDecp): Promise<Set<string>>;
  terminer?(): Promise<void>;
}

function normaliser(e: Enregistrement): ResultatNormalisation {
  if (e.erreur !== undefined) return { statut: "rejete", raisons: [{ chemin: "", message: e.erreur }] };
  return e.format === "csv" ? normaliserLigneTabulaire(e.ligne) : normaliserMarche(e.brut, { depuisXml: e.format === "xml" });
}

/** Hashes the bytes as they stream by. */
async function* empreinteDe(source: AsyncIterable<Buffer | string>, hash: ReturnType<typeof createHash>): AsyncGenerator<Buffer> {
  for await (const morceau of source) {
    const b = typeof morceau === "string" ? Buffer.from(morceau) : morceau;
    hash.update(b);
    yield b;
  }
}

/** Imports in the transaction `tx` (the caller commits): returns the report. Throws FichierIlisible. */
export async function importerDansTransaction(
  ecriture: EcritureDecp | ((lot: LotDecp) => Promise<Set<string>>),
  source: Readable | AsyncIterable<Buffer | string>,
  options: OptionsImport,
) {
  const hash = createHash("sha256");
  const avancement: Avancement = { octetsLus: 0 };
  const rapport: RapportDecp = {
    total: 0,
    importes: 0,
    rejetes: 0,
    doublons: 0,
    avertissements: 0,
    problemes: [],
    problemesNonListes: 0,
    problemesDebordes: 0,
    format: null,
    empreinte: "",
    octets: 0,
  };
  let aDeborder: string[] = [];
  const noter = (index: number, chemin: string, message: string) => {
    if (rapport.problemes.length < (options.problemesMax ?? PROBLEMES_MAX)) rapport.problemes.push({ index, chemin, message });
    else if (options.debordement) {
      aDeborder.push(`${JSON.stringify({ index, chemin, message })}\n`);
      rapport.problemesDebordes++;
    } else rapport.problemesNonListes++;
  };
  const deborder = async () => {
    if (aDeborder.length === 0 || !options.debordement) return;
    const lignes = aDeborder.join("");
    aDeborder = [];
    await appendFile(options.debordement, lignes);
  };
  const taille = options.tailleLot ?? TAILLE_LOT;
  let attributions: (AttributionPubliee & { avertissements: number })[] = [];
  let modifications: ModificationPubliee[] = [];
  /** Records of the batch: their index and the keys of their attributions. */
  let enAttente: { index: number; cles: string[] }[] = [];
  const ecrire = typeof ecriture === "function" ? ecriture : (lot: LotDecp) => ecriture.ecrireLot(lot);
  /** The batch being written (at most one: memory stays bounded), and its error kept until awaited. */
  let enVol: Promise<void> | null = null;
  const compter = (lot: { index: number; cles: string[] }[], inserees: Set<string>) => {
    const prises = new Set<string>();
    for (const r of lot) {
      let nouveau = false;
      for (const cle of r.cles) {
        if (inserees.has(cle) && !prises.has(cle)) {
          prises.add(cle);
          nouveau = true;
        }
      }
      if (nouveau) rapport.importes++;
      else rapport.doublons++;
    }
  };
  const vider = async () => {
    await deborder();
    if (enVol) await enVol;
    enVol = null;
    if (enAttente.length === 0) return;
    const lot = enAttente;
    const ecrit = ecrire({ attributions, modifications }).then((inserees) => {
      compter(lot, inserees);
      options.progression?.(avancement.octetsLus);
    });
    ecrit.catch(() => {}); // awaited at the next batch or at the end
    enVol = ecrit;
    attributions = [];
    modifications = [];
    enAttente = [];
  };
  for await (const e of lireDecp(empreinteDe(source, hash), avancement)) {
    const index = rapport.total++;
    // while a batch is being written, let the event loop run now and then: the driver's replies (each round trip
    // of the batch) are handled at once instead of waiting for the next read of the file (the database then
    // writes while Node reads, instead of in turn)
    if (enVol && (index & 127) === 0) await new Promise(setImmediate);
    rapport.format ??= e.format;
    const r = normaliser(e);
    if (r.statut === "rejete") {
      rapport.rejetes++;
      for (const p of r.raisons) noter(index, p.chemin, `Rejet : ${p.message}`);
      continue;
    }
    rapport.avertissements += r.avertissements.length;
    for (const p of r.avertissements) noter(index, p.chemin, `Avertissement : ${p.message}`);
    for (const a of r.attributions) attributions.push({ ...a, avertissements: r.avertissements.length });
    modifications.push(...r.modifications);
    enAttente.push({ index, cles: r.attributions.map(cleAttribution) });
    if (enAttente.length >= taille) await vider();
  }
  await vider();
  if (enVol) await enVol;
  await deborder();
  if (typeof ecriture !== "function") await ecriture.terminer?.();
  rapport.empreinte = hash.digest("hex");
  rapport.octets = avancement.octetsLus;
  return rapport;
}

/** The import in a unit of work (the caller's transaction): the batches, then one audit event. */
export async function importerAvec(
  uow: UnitOfWork,
  actor: Actor,
  source: Readable | AsyncIterable<Buffer | string>,
  options: OptionsImport,
) {
  const chargement = await uow.decp.ouvrirChargement(options.octets);
  // the sourcing summaries follow the store, in the same transaction: each batch updates them from the rows it
  // inserted; a bulk load (or summaries not yet built) rebuilds them once at the end instead (nothing new: nothing)
  const parLot = !chargement.massif && (await uow.decp.syntheseSuivie());
  const rapport = await importerDansTransaction(
    { ecrireLot: (lot) => uow.decp.ecrireLot(lot, { synthese: parLot }), terminer: chargement.terminer },
    source,
    options,
  );
  if (rapport.importes > 0) {
    if (parLot) await uow.decp.terminerSyntheseSourcing();
    else await uow.decp.reconstruireSyntheseSourcing();
  }
  await uow.audit.append(actor, {
    type: "decp.imported",
    aggregateType: "decp",
    aggregateId: rapport.empreinte,
    payload: {
      nomFichier: options.nomFichier,
      empreinte: rapport.empreinte,
      octets: rapport.octets,
      format: rapport.format,
      total: rapport.total,
      importes: rapport.importes,
      rejetes: rapport.rejetes,
      doublons: rapport.doublons,
      avertissements: rapport.avertissements,
    },
  });
  return rapport;
}

/** The whole import: one transaction (nothing half-written), one audit event. */
export function importerDecp(
  ctx: AppContext,
  actor: Actor,
  source: Readable | AsyncIterable<Buffer | string>,
  options: OptionsImport,
): Promise<RapportDecp> {
  return unitOfWork(ctx, (uow) => importerAvec(uow, actor, source, options));
}
