/**
 * Streaming readers of DECP files: the records come one by one, the file is never held whole in memory.
 *
 * - JSON (2019 `{"marches": [...]}`, 2022 `{"marches": {"marche": [...], "contrat-concession": [...]}}`): a
 *   scanner over the bytes of each chunk finds the elements of those arrays and hands them to `JSON.parse`, those
 *   of a chunk in one call (a general token-by-token streaming parser, stream-json, measured 7 times slower than
 *   JSON.parse on the AIFE file: here the scan is cheap and the parse is the native one).
 * - XML (2022 twin, and the 1.5 XML): saxes, each `<marche>` / `<contrat-concession>` becomes an object of the
 *   JSON shape (repeated elements become lists).
 * - CSV (consolidated flat table): a streaming RFC 4180 reader, one record per row.
 */
import type { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { SaxesParser } from "saxes";

export type FormatDecp = "json" | "xml" | "csv";

export type Enregistrement =
  | { format: "json" | "xml"; brut: unknown; erreur?: undefined }
  | { format: "csv"; ligne: Record<string, string>; erreur?: undefined }
  /** A record that could not even be read (malformed JSON inside the array): rejected with this reason. */
  | { format: FormatDecp; erreur: string };

/** The file is not a readable DECP file (exit code 2). */
export class FichierIlisible extends Error {}

/** Octets read so far: the progress bar follows it. */
export interface Avancement {
  octetsLus: number;
}

/** The chunks as Buffers, counted as they stream by (the progress bar follows `avancement`). */
async function* octets(source: AsyncIterable<Buffer | string>, avancement: Avancement): AsyncGenerator<Buffer> {
  for await (const morceau of source) {
    const buf = typeof morceau === "string" ? Buffer.from(morceau) : morceau;
    avancement.octetsLus += buf.length;
    yield buf;
  }
}

/** UTF-8 text of the chunks (a character split between two chunks is kept whole), without the byte order mark. */
async function* decoder(source: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const d = new StringDecoder("utf8");
  let premier = true;
  for await (const buf of source) {
    let t = d.write(buf);
    if (premier && t.length > 0) {
      if (t.charCodeAt(0) === 0xfeff) t = t.slice(1);
      premier = false;
    }
    if (t.length > 0) yield t;
  }
  const fin = d.end();
  if (fin.length > 0) yield fin;
}

/** Reads the first characters to tell the format, then streams the records. */
export async function* lireDecp(
  source: Readable | AsyncIterable<Buffer | string>,
  avancement: Avancement = { octetsLus: 0 },
): AsyncGenerator<Enregistrement> {
  const it = octets(source, avancement)[Symbol.asyncIterator]();
  const lus: Buffer[] = [];
  const d = new StringDecoder("utf8");
  let tete = "";
  while (tete.trimStart().length === 0) {
    const r = await it.next();
    if (r.done) throw new FichierIlisible("Le fichier est vide.");
    lus.push(r.value);
    tete += d.write(r.value);
  }
  const premier = tete.trimStart()[0];
  async function* reste(): AsyncGenerator<Buffer> {
    yield* lus;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield r.value;
    }
  }
  if (premier === "{") yield* lireJson(reste());
  else if (premier === "<") yield* lireXml(decoder(reste()));
  else yield* lireCsv(decoder(reste()));
}

// ---------------------------------------------------------------- JSON

const CIBLES = new Set(["marches", "marches/marche", "marches/contrat-concession"]);
const [ACCOLADE, FIN_ACCOLADE, CROCHET, FIN_CROCHET, GUILLEMET, BARRE, VIRGULE, DEUX_POINTS] = [123, 125, 91, 93, 34, 92, 44, 58];

const BOM = [0xef, 0xbb, 0xbf];

/** A record that JSON.parse refused: rejected with JSON.parse's own message. */
function malForme(e: unknown): Enregistrement {
  return { format: "json", erreur: `enregistrement JSON mal formé : ${(e as Error).message}` };
}

/**
 * The scanner works on the bytes (the chunk is not decoded: the structural characters are ASCII, and no byte of a
 * multi-byte UTF-8 character is one of them) and keeps a stack of containers (with the current key of each object)
 * down to the records: only the elements of the arrays at the paths of CIBLES are cut out, everything else is
 * skipped. The records cut out of a chunk, consecutive elements of one array, are parsed by one `JSON.parse` of the
 * bytes from the first to the last, between brackets (between two elements of an array lie a comma and blanks);
 * when it fails, each record is parsed alone, so that a malformed record is rejected with its own message and the
 * others are read: the same texts, the same records as one parse per record.
 */
async function* lireJson(morceaux: AsyncIterable<Buffer>): AsyncGenerator<Enregistrement> {
  // pile : pour chaque conteneur ouvert, '{' ou '[', son chemin de clés et la clé en cours (objets)
  const pile: { type: number; chemin: string; cle: string | null }[] = [];
  let dansChaine = false;
  let echappe = false;
  let attendCle = false;
  let cleCourante: string | null = null;
  let debutCle = -1;
  let tampon: Buffer = Buffer.alloc(0);
  let debutElement = -1; // début de l'élément en cours de capture dans `tampon`
  let profondeurElement = -1; // taille de la pile (le tableau cible en haut) au début de l'élément
  let scalaire = false;
  let cibleVue = false;
  let racineVue = false;
  let octetsBom = 0; // octets de la marque d'ordre déjà vus en tête du fichier (-1 : passée ou absente)
  // les enregistrements découpés, pas encore lus : bornes [début, fin) dans `tampon`, éléments du même tableau `conteneur`
  let bornes: number[] = [];
  let conteneur: object | null = null;
  const lire = (): Enregistrement[] => {
    const b = bornes;
    const n = b.length / 2;
    bornes = [];
    conteneur = null;
    if (n === 0) return [];
    if (n > 1) {
      try {
        const tous = JSON.parse(`[${tampon.toString("utf8", b[0], b[b.length - 1])}]`) as unknown[];
        if (tous.length === n) return tous.map((brut) => ({ format: "json", brut }));
      } catch {
        // un enregistrement mal formé : chacun est relu seul, ci-dessous
      }
    }
    const sortie: Enregistrement[] = [];
    for (let k = 0; k < b.length; k += 2) {
      try {
        sortie.push({ format: "json", brut: JSON.parse(tampon.toString("utf8", b[k], b[k + 1])) as unknown });
      } catch (e) {
        sortie.push(malForme(e));
      }
    }
    return sortie;
  };
  for await (const morceau of morceaux) {
    const garde = debutElement >= 0 || debutCle >= 0;
    let i = garde ? tampon.length : 0;
    tampon = garde ? Buffer.concat([tampon, morceau]) : morceau;
    // la marque d'ordre des octets (UTF-8) en tête du fichier, même coupée entre deux morceaux
    while (octetsBom >= 0 && i < tampon.length) {
      if (tampon[i] !== BOM[octetsBom]) octetsBom = -1;
      else {
        i++;
        octetsBom = octetsBom + 1 === BOM.length ? -1 : octetsBom + 1;
      }
    }
    const n = tampon.length;
    try {
      for (; i < n; i++) {
        const ch = tampon[i] as number;
        if (dansChaine) {
          if (echappe) echappe = false;
          else if (ch === BARRE) echappe = true;
          else if (ch === GUILLEMET) {
            dansChaine = false;
            if (debutCle >= 0) {
              cleCourante = JSON.parse(tampon.toString("utf8", debutCle, i + 1)) as string;
              debutCle = -1;
            }
          }
          continue;
        }
        if (ch <= 32) continue;
        const haut = pile[pile.length - 1];
        if (debutElement >= 0 && scalaire && pile.length === profondeurElement && (ch === VIRGULE || ch === FIN_CROCHET)) {
          bornes.push(debutElement, i);
          debutElement = -1;
        }
        if (debutElement < 0 && haut && haut.type === CROCHET && ch !== FIN_CROCHET && ch !== VIRGULE && CIBLES.has(haut.chemin)) {
          if (conteneur !== haut && bornes.length > 0) yield* lire();
          conteneur = haut;
          debutElement = i;
          profondeurElement = pile.length;
          scalaire = ch !== ACCOLADE && ch !== CROCHET;
        }
        switch (ch) {
          case GUILLEMET:
            dansChaine = true;
            if (attendCle && debutElement < 0 && pile.length <= 3) debutCle = i;
            attendCle = false;
            break;
          case ACCOLADE:
          case CROCHET: {
            let chemin = "";
            if (!haut) {
              if (racineVue || ch !== ACCOLADE) throw new FichierIlisible('Le fichier JSON n\'est pas un objet {"marches": …}.');
              racineVue = true;
            } else if (debutElement < 0) {
              chemin = haut.type === ACCOLADE ? (haut.chemin ? `${haut.chemin}/${haut.cle ?? ""}` : (haut.cle ?? "")) : `${haut.chemin}/[]`;
            }
            if (ch === CROCHET && CIBLES.has(chemin)) cibleVue = true;
            pile.push({ type: ch, chemin, cle: null });
            attendCle = ch === ACCOLADE;
            break;
          }
          case FIN_ACCOLADE:
          case FIN_CROCHET:
            pile.pop();
            if (debutElement >= 0 && !scalaire && pile.length === profondeurElement) {
              bornes.push(debutElement, i + 1);
              debutElement = -1;
            }
            break;
          case DEUX_POINTS:
            if (haut && haut.type === ACCOLADE && debutElement < 0) haut.cle = cleCourante;
            break;
          case VIRGULE:
            if (haut && haut.type === ACCOLADE) attendCle = true;
            break;
          default:
            if (!haut) throw new FichierIlisible("Le fichier n'est pas du JSON.");
            break;
        }
      }
    } catch (e) {
      // the records already cut out come before the error, as they came one by one
      yield* lire();
      throw e;
    }
    yield* lire();
    if (debutElement >= 0) {
      tampon = tampon.subarray(debutElement);
      debutElement = 0;
    } else if (debutCle >= 0) {
      tampon = tampon.subarray(debutCle);
      debutCle = 0;
    } else tampon = Buffer.alloc(0);
  }
  if (!racineVue) throw new FichierIlisible("Le fichier n'est pas du JSON.");
  if (!cibleVue) {
    throw new FichierIlisible(
      'Aucun marché trouvé : un fichier DECP contient {"marches": [...]} (2019) ou {"marches": {"marche": [...]}} (2022).',
    );
  }
  if (pile.length > 0 || dansChaine)
    yield { format: "json", erreur: "fichier JSON tronqué : la fin du fichier manque, le dernier enregistrement est perdu" };
}

// ---------------------------------------------------------------- XML

interface Noeud {
  nom: string;
  enfants: Map<string, unknown[]>;
  texte: string;
}

function valeurDe(n: Noeud): unknown {
  if (n.enfants.size === 0) return n.texte.trim();
  const o: Record<string, unknown> = {};
  for (const [k, v] of n.enfants) o[k] = v.length === 1 ? v[0] : v;
  return o;
}

const ELEMENTS_ENREGISTREMENT = new Set(["marche", "contrat-concession"]);

async function* lireXml(morceaux: AsyncIterable<string>): AsyncGenerator<Enregistrement> {
  const parser = new SaxesParser({ xmlns: false, position: false });
  const pile: Noeud[] = [];
  let profondeur = 0;
  let racine: string | null = null;
  let sortie: Enregistrement[] = [];
  let vu = false;
  let erreur: Error | null = null;
  parser.on("opentag", (tag) => {
    profondeur++;
    if (profondeur === 1) {
      racine = tag.name;
      if (tag.name !== "marches") throw new FichierIlisible(`Élément racine <${tag.name}> : un fichier DECP XML commence par <marches>.`);
      return;
    }
    if (pile.length > 0 || (profondeur === 2 && ELEMENTS_ENREGISTREMENT.has(tag.name)))
      pile.push({ nom: tag.name, enfants: new Map(), texte: "" });
  });
  parser.on("text", (t) => {
    const haut = pile[pile.length - 1];
    if (haut) haut.texte += t;
  });
  parser.on("cdata", (t) => {
    const haut = pile[pile.length - 1];
    if (haut) haut.texte += t;
  });
  parser.on("closetag", () => {
    profondeur--;
    const n = pile.pop();
    if (!n) return;
    const parent = pile[pile.length - 1];
    const valeur = valeurDe(n);
    if (parent) {
      const l = parent.enfants.get(n.nom);
      if (l) l.push(valeur);
      else parent.enfants.set(n.nom, [valeur]);
    } else {
      vu = true;
      const brut = valeur as Record<string, unknown>;
      if (n.nom === "contrat-concession" && typeof brut === "object") brut._type = "Contrat de concession";
      sortie.push({ format: "xml", brut });
    }
  });
  parser.on("error", (e) => {
    erreur = e;
  });
  for await (const morceau of morceaux) {
    try {
      parser.write(morceau);
    } catch (e) {
      erreur = e as Error;
    }
    if (sortie.length > 0) {
      yield* sortie;
      sortie = [];
    }
    if (erreur) break;
  }
  if (!erreur) {
    try {
      parser.close();
    } catch (e) {
      erreur = e as Error;
    }
  }
  yield* sortie;
  if (erreur instanceof FichierIlisible) throw erreur;
  if (erreur) {
    const message = (erreur as Error).message.split("\n")[0] ?? "";
    if (!vu) throw new FichierIlisible(`XML illisible : ${message}`);
    yield { format: "xml", erreur: `XML mal formé, lecture arrêtée : ${message}` };
    return;
  }
  if (racine === null) throw new FichierIlisible("Fichier XML sans élément racine.");
}

// ---------------------------------------------------------------- CSV

/** RFC 4180 rows, streamed; the separator (comma or semicolon) is the one of the header line. */
async function* lignesCsv(morceaux: AsyncIterable<string>): AsyncGenerator<string[]> {
  let separateur = -1;
  let champ = "";
  let ligne: string[] = [];
  let guillemets = false;
  let apresGuillemet = false;
  for await (const morceau of morceaux) {
    if (separateur < 0) {
      const premiere = morceau.split(/\r?\n/)[0] ?? "";
      separateur = (premiere.match(/;/g)?.length ?? 0) > (premiere.match(/,/g)?.length ?? 0) ? 59 : 44;
    }
    let debut = 0;
    for (let i = 0; i < morceau.length; i++) {
      const ch = morceau.charCodeAt(i);
      if (guillemets) {
        if (ch === 34) {
          champ += morceau.slice(debut, i);
          debut = i + 1;
          guillemets = false;
          apresGuillemet = true;
        }
        continue;
      }
      if (ch === 34) {
        champ += morceau.slice(debut, i);
        if (apresGuillemet) champ += '"';
        debut = i + 1;
        guillemets = true;
        apresGuillemet = false;
        continue;
      }
      apresGuillemet = false;
      if (ch === separateur) {
        ligne.push(champ + morceau.slice(debut, i));
        champ = "";
        debut = i + 1;
      } else if (ch === 10) {
        let fin = i;
        if (fin > debut && morceau.charCodeAt(fin - 1) === 13) fin--;
        ligne.push(champ + morceau.slice(debut, fin));
        champ = "";
        debut = i + 1;
        if (!(ligne.length === 1 && ligne[0] === "")) yield ligne;
        ligne = [];
      }
    }
    champ += morceau.slice(debut);
  }
  if (champ !== "" || ligne.length > 0) {
    ligne.push(champ.replace(/\r$/, ""));
    yield ligne;
  }
}

async function* lireCsv(morceaux: AsyncIterable<string>): AsyncGenerator<Enregistrement> {
  let entetes: string[] | null = null;
  for await (const cellules of lignesCsv(morceaux)) {
    if (!entetes) {
      entetes = cellules.map((c) => c.trim());
      if (!entetes.includes("acheteur_id") || !entetes.includes("id")) {
        throw new FichierIlisible(
          "Ni JSON, ni XML, ni la table DECP consolidée : un CSV DECP a une ligne d'en-têtes avec au moins les colonnes id et acheteur_id.",
        );
      }
      continue;
    }
    if (cellules.length !== entetes.length) {
      yield { format: "csv", erreur: `ligne de ${cellules.length} cellules pour ${entetes.length} colonnes` };
      continue;
    }
    const ligne: Record<string, string> = {};
    entetes.forEach((e, i) => {
      ligne[e] = cellules[i] ?? "";
    });
    yield { format: "csv", ligne };
  }
  if (!entetes) throw new FichierIlisible("Fichier CSV vide.");
}
