/**
 * Generator of national-size DECP files from the real records: each generated record is a real published
 * record (drawn uniformly, so buyers, holders, CPV codes, amounts, dates and DEFECTS keep their real
 * distributions) with a new contract id; half of the holders get a sibling establishment (another NIC of the
 * same SIREN, as in the national data where holders are far more numerous) and the amount a log-normal
 * spread (×0.5 to ×2). Written in the 2019 format `{"marches": [...]}`, streamed.
 */
import { createWriteStream, existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** Deterministic pseudo-random numbers (mulberry32). */
function aleatoire(graine: number) {
  let a = graine >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The real records: the shared DECP files when they are beside the repository, else the repository's fixtures. */
export function modelesReels(racine: string): unknown[] {
  const partage = join(racine, "../shared/data/decp/format-2019");
  const dossier = existsSync(partage) ? partage : join(racine, "fixtures/decp");
  const modeles: unknown[] = [];
  for (const nom of readdirSync(dossier)) {
    if (!nom.startsWith("decp2019") || !nom.endsWith(".json")) continue;
    const contenu = JSON.parse(readFileSync(join(dossier, nom), "utf8")) as { marches: unknown[] };
    modeles.push(...contenu.marches);
  }
  return modeles;
}

export async function genererDecp(fichier: string, lignes: number, modeles: unknown[], graine = 2026): Promise<number> {
  const hasard = aleatoire(graine);
  const sortie = createWriteStream(fichier, { highWaterMark: 1 << 20 });
  let octets = 0;
  const ecrire = (t: string) =>
    new Promise<void>((ok) => {
      octets += Buffer.byteLength(t);
      if (sortie.write(t)) ok();
      else sortie.once("drain", ok);
    });
  await ecrire('{"marches": [\n');
  let tampon: string[] = [];
  for (let n = 0; n < lignes; n++) {
    const modele = modeles[Math.floor(hasard() * modeles.length)] as Record<string, unknown>;
    const r: Record<string, unknown> = { ...modele, id: `${String(modele.id ?? "")}-G${n.toString(36)}` };
    if (typeof r.montant === "number" && r.montant > 0) r.montant = Math.round(r.montant * Math.exp((hasard() - 0.5) * 1.4) * 100) / 100;
    if (Array.isArray(r.titulaires) && hasard() < 0.5) {
      r.titulaires = r.titulaires.map((t: Record<string, unknown>) =>
        typeof t?.id === "string" && /^\d{14}$/.test(t.id)
          ? { ...t, id: `${t.id.slice(0, 9)}${String(Math.floor(hasard() * 99_999)).padStart(5, "0")}` }
          : t,
      );
    }
    tampon.push(JSON.stringify(r));
    if (tampon.length === 1000 || n === lignes - 1) {
      await ecrire(`${tampon.join(",\n")}${n === lignes - 1 ? "\n" : ",\n"}`);
      tampon = [];
    }
  }
  await ecrire("]}\n");
  await new Promise<void>((ok, ko) => sortie.end((e?: Error | null) => (e ? ko(e) : ok())));
  return octets;
}
