/**
 * Zip inspection of an XLSX before any XML is parsed (reliability BI-2, zip bombs).
 *
 * 1. The central directory is read and checked: no ZIP64, no encryption, deflate or stored only, a declared
 *    compression ratio that deflate can actually reach, and a sum of declared uncompressed sizes under the cap.
 * 2. Each entry the reader needs is inflated once, counting bytes and throwing them away: an entry that inflates
 *    beyond its declared size (a lying archive) or fails (truncated, corrupt) is refused before exceljs sees it.
 * 3. exceljs then reads a rebuilt archive holding only those checked entries, in the order its streaming reader
 *    needs (workbook, relations, styles, shared strings, then sheets), so nothing hidden in the original file
 *    (entries absent from the central directory, data descriptors, extra fields) reaches it.
 */
import { createInflateRaw } from "node:zlib";
import { ErreurTableur, formatOctets } from "./erreurs";

export interface EntreeZip {
  nom: string;
  methode: 0 | 8;
  utf8: boolean;
  heure: number;
  date: number;
  crc32: number;
  tailleCompressee: number;
  tailleDecompressee: number;
  /** Offset of the compressed data in the archive. */
  debutDonnees: number;
}

export interface LimitesZip {
  /** Cap on the sum of the uncompressed sizes of all entries. */
  maxOctetsDecompresses: number;
  /** Cap on the number of entries. Default: 10 000. */
  maxEntrees?: number;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_FIN = 0x06054b50;
/** Deflate cannot expand more than about 1 032 times (RFC 1951: 258 bytes per 2 bits, plus block headers). */
const RATIO_MAX_DEFLATE = 1032;

const MESSAGE_NON_XLSX =
  "Le fichier n'est pas un classeur Excel au format XLSX, ou il est incomplet (téléversement interrompu ?). Enregistrez-le depuis votre tableur au format « Classeur Excel (.xlsx) ».";

function illisible(message = MESSAGE_NON_XLSX): ErreurTableur {
  return new ErreurTableur("FICHIER_ILLISIBLE", message);
}

function suspecte(raison: string): ErreurTableur {
  return new ErreurTableur("ARCHIVE_SUSPECTE", `Le classeur a été refusé : ${raison}. Enregistrez-le de nouveau depuis votre tableur.`);
}

/** Reads and checks the central directory; throws an `ErreurTableur` for anything unusual. */
export function lireRepertoireZip(octets: Buffer, limites: LimitesZip): EntreeZip[] {
  if (octets.length >= 8 && octets.readUInt32BE(0) === 0xd0cf11e0) {
    throw illisible(
      "Le fichier est un classeur Excel de l'ancien format (.xls) ou un classeur protégé par un mot de passe : enregistrez-le au format « Classeur Excel (.xlsx) », sans mot de passe.",
    );
  }
  if (octets.length < 22 || octets.readUInt32LE(0) !== SIG_LOCAL) throw illisible();
  const fin = chercherFinRepertoire(octets);
  if (fin < 0) throw illisible();
  const disque = octets.readUInt16LE(fin + 4);
  const disqueRepertoire = octets.readUInt16LE(fin + 6);
  const entreesDisque = octets.readUInt16LE(fin + 8);
  const nombre = octets.readUInt16LE(fin + 10);
  const tailleRepertoire = octets.readUInt32LE(fin + 12);
  const debutRepertoire = octets.readUInt32LE(fin + 16);
  if (nombre === 0xffff || debutRepertoire === 0xffffffff || tailleRepertoire === 0xffffffff) {
    throw suspecte("il utilise le format ZIP64, réservé aux archives de plus de 4 Go");
  }
  if (disque !== 0 || disqueRepertoire !== 0 || entreesDisque !== nombre) throw illisible();
  if (debutRepertoire + tailleRepertoire > fin) throw illisible();
  const maxEntrees = limites.maxEntrees ?? 10_000;
  if (nombre > maxEntrees) throw suspecte(`il contient ${nombre} fichiers internes (${maxEntrees} au plus)`);

  // First pass: the central directory alone (cheap, and enough to refuse a bomb before touching its data).
  const centrales: (Omit<EntreeZip, "debutDonnees"> & { decalage: number; longueurNom: number })[] = [];
  const noms = new Set<string>();
  let total = 0;
  let p = debutRepertoire;
  for (let k = 0; k < nombre; k++) {
    if (p + 46 > fin || octets.readUInt32LE(p) !== SIG_CENTRAL) throw illisible();
    const drapeaux = octets.readUInt16LE(p + 8);
    const methode = octets.readUInt16LE(p + 10);
    const heure = octets.readUInt16LE(p + 12);
    const date = octets.readUInt16LE(p + 14);
    const crc32 = octets.readUInt32LE(p + 16);
    const tailleCompressee = octets.readUInt32LE(p + 20);
    const tailleDecompressee = octets.readUInt32LE(p + 24);
    const longueurNom = octets.readUInt16LE(p + 28);
    const longueurExtra = octets.readUInt16LE(p + 30);
    const longueurCommentaire = octets.readUInt16LE(p + 32);
    const decalage = octets.readUInt32LE(p + 42);
    const utf8 = (drapeaux & 0x800) !== 0;
    const nom = octets.toString(utf8 ? "utf8" : "latin1", p + 46, p + 46 + longueurNom);
    p += 46 + longueurNom + longueurExtra + longueurCommentaire;
    if (p > fin) throw illisible();

    if (drapeaux & 0x1) throw suspecte("il est chiffré");
    if (tailleCompressee === 0xffffffff || tailleDecompressee === 0xffffffff || decalage === 0xffffffff) {
      throw suspecte("il utilise le format ZIP64, réservé aux archives de plus de 4 Go");
    }
    if (methode !== 0 && methode !== 8) throw suspecte(`il utilise une méthode de compression inconnue (${methode})`);
    if (methode === 0 && tailleCompressee !== tailleDecompressee) throw suspecte("les tailles qu'il annonce sont incohérentes");
    if (methode === 8 && tailleDecompressee > tailleCompressee * RATIO_MAX_DEFLATE + 1024) {
      throw suspecte("il annonce un taux de compression impossible");
    }
    if (noms.has(nom)) throw suspecte(`il contient deux fois le fichier interne « ${nom} »`);
    noms.add(nom);
    total += tailleDecompressee;
    if (total > limites.maxOctetsDecompresses) {
      throw new ErreurTableur(
        "CONTENU_TROP_VOLUMINEUX",
        `Une fois décompressé, le classeur dépasserait ${formatOctets(limites.maxOctetsDecompresses)} : découpez-le en plusieurs fichiers ou supprimez les feuilles inutiles.`,
        { limite: limites.maxOctetsDecompresses },
      );
    }
    centrales.push({ nom, methode, utf8, heure, date, crc32, tailleCompressee, tailleDecompressee, decalage, longueurNom });
  }

  // Second pass: each local header must agree with the central directory (streaming readers trust the local one).
  return centrales.map(({ decalage, longueurNom, ...entree }) => {
    if (decalage + 30 > debutRepertoire || octets.readUInt32LE(decalage) !== SIG_LOCAL) throw illisible();
    const longueurNomLocal = octets.readUInt16LE(decalage + 26);
    const longueurExtraLocal = octets.readUInt16LE(decalage + 28);
    if (
      octets.readUInt16LE(decalage + 8) !== entree.methode ||
      longueurNomLocal !== longueurNom ||
      octets.toString(entree.utf8 ? "utf8" : "latin1", decalage + 30, decalage + 30 + longueurNom) !== entree.nom
    ) {
      throw suspecte("son en-tête local contredit son répertoire central");
    }
    const debutDonnees = decalage + 30 + longueurNomLocal + longueurExtraLocal;
    if (debutDonnees + entree.tailleCompressee > debutRepertoire) throw illisible();
    return { ...entree, debutDonnees };
  });
}

function chercherFinRepertoire(octets: Buffer): number {
  const plusBas = Math.max(0, octets.length - 22 - 0xffff);
  for (let i = octets.length - 22; i >= plusBas; i--) {
    if (octets.readUInt32LE(i) === SIG_FIN && i + 22 + octets.readUInt16LE(i + 20) === octets.length) return i;
  }
  return -1;
}

/**
 * Inflates an entry without keeping its content: resolves when it inflates to exactly its declared size, refuses
 * an entry that inflates to more (lying archive) and a corrupt or truncated one.
 */
export async function verifierEntree(octets: Buffer, entree: EntreeZip): Promise<void> {
  const donnees = octets.subarray(entree.debutDonnees, entree.debutDonnees + entree.tailleCompressee);
  if (entree.methode === 0) return;
  const total = await new Promise<number>((resolve, reject) => {
    const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
    let compte = 0;
    inflate.on("data", (morceau: Buffer) => {
      compte += morceau.length;
      if (compte > entree.tailleDecompressee) {
        inflate.destroy();
        reject(suspecte(`le fichier interne « ${entree.nom} » est plus gros qu'il ne l'annonce`));
      }
    });
    inflate.on("end", () => resolve(compte));
    inflate.on("error", () =>
      reject(
        illisible(
          `Le classeur est endommagé (fichier interne « ${entree.nom} » illisible) : enregistrez-le de nouveau depuis votre tableur.`,
        ),
      ),
    );
    inflate.end(donnees);
  });
  if (total !== entree.tailleDecompressee) {
    throw illisible(
      `Le classeur est endommagé (fichier interne « ${entree.nom} » incomplet) : enregistrez-le de nouveau depuis votre tableur.`,
    );
  }
}

/** A file to add to a rebuilt archive (stored, not compressed). */
export interface FichierAjoute {
  nom: string;
  contenu: Buffer;
}

/**
 * A clean archive made of `entrees` (taken from `octets`, in this order) and `ajouts`: fresh local headers with
 * the sizes of the central directory, no data descriptor, no extra field, then a central directory. Yields
 * slices of at most 64 KiB so that the reader's progress can be followed.
 */
export function* reconstruireZip(octets: Buffer, entrees: readonly EntreeZip[], ajouts: readonly FichierAjoute[] = []): Generator<Buffer> {
  const tranche = 64 * 1024;
  const central: Buffer[] = [];
  let position = 0;
  const toutes = [
    ...entrees.map((e) => ({ e, donnees: octets.subarray(e.debutDonnees, e.debutDonnees + e.tailleCompressee) })),
    ...ajouts.map((a) => ({
      e: {
        nom: a.nom,
        methode: 0 as const,
        utf8: true,
        heure: 0,
        date: 0x21, // 1980-01-01
        crc32: crc32(a.contenu),
        tailleCompressee: a.contenu.length,
        tailleDecompressee: a.contenu.length,
        debutDonnees: 0,
      },
      donnees: a.contenu,
    })),
  ];
  for (const { e, donnees } of toutes) {
    const nom = Buffer.from(e.nom, e.utf8 ? "utf8" : "latin1");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(SIG_LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.utf8 ? 0x800 : 0, 6);
    local.writeUInt16LE(e.methode, 8);
    local.writeUInt16LE(e.heure, 10);
    local.writeUInt16LE(e.date, 12);
    local.writeUInt32LE(e.crc32, 14);
    local.writeUInt32LE(e.tailleCompressee, 18);
    local.writeUInt32LE(e.tailleDecompressee, 22);
    local.writeUInt16LE(nom.length, 26);
    local.writeUInt16LE(0, 28);
    const entete = Buffer.alloc(46);
    entete.writeUInt32LE(SIG_CENTRAL, 0);
    entete.writeUInt16LE(20, 4);
    local.copy(entete, 6, 4, 30); // same fields from "version needed" to "extra length"
    entete.writeUInt32LE(position, 42);
    central.push(entete, nom);
    yield Buffer.concat([local, nom]);
    for (let i = 0; i < donnees.length; i += tranche) yield donnees.subarray(i, Math.min(donnees.length, i + tranche));
    position += 30 + nom.length + donnees.length;
  }
  const repertoire = Buffer.concat(central);
  const fin = Buffer.alloc(22);
  fin.writeUInt32LE(SIG_FIN, 0);
  fin.writeUInt16LE(toutes.length, 8);
  fin.writeUInt16LE(toutes.length, 10);
  fin.writeUInt32LE(repertoire.length, 12);
  fin.writeUInt32LE(position, 16);
  yield Buffer.concat([repertoire, fin]);
}

let TABLE_CRC: Uint32Array | undefined;

/** CRC-32 (IEEE), for the few small files added to a rebuilt archive. */
export function crc32(octets: Uint8Array): number {
  if (!TABLE_CRC) {
    TABLE_CRC = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      TABLE_CRC[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const o of octets) crc = (TABLE_CRC[(crc ^ o) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
