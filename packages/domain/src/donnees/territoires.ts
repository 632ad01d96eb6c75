/**
 * Départements and their régions (INSEE, Code officiel géographique, régions of 1 January 2016): the
 * "distance" of the sourcing is a class — same département, same région, another région — because no
 * national centroid table is in the repository (only the communes of the Val-de-Marne). Pure data.
 */
const REGIONS: Record<string, readonly string[]> = {
  "11": ["75", "77", "78", "91", "92", "93", "94", "95"],
  "24": ["18", "28", "36", "37", "41", "45"],
  "27": ["21", "25", "39", "58", "70", "71", "89", "90"],
  "28": ["14", "27", "50", "61", "76"],
  "32": ["02", "59", "60", "62", "80"],
  "44": ["08", "10", "51", "52", "54", "55", "57", "67", "68", "88"],
  "52": ["44", "49", "53", "72", "85"],
  "53": ["22", "29", "35", "56"],
  "75": ["16", "17", "19", "23", "24", "33", "40", "47", "64", "79", "86", "87"],
  "76": ["09", "11", "12", "30", "31", "32", "34", "46", "48", "65", "66", "81", "82"],
  "84": ["01", "03", "07", "15", "26", "38", "42", "43", "63", "69", "73", "74"],
  "93": ["04", "05", "06", "13", "83", "84"],
  "94": ["2A", "2B"],
  "01": ["971"],
  "02": ["972"],
  "03": ["973"],
  "04": ["974"],
  "06": ["976"],
};

const REGION_DU_DEPARTEMENT = new Map<string, string>(Object.entries(REGIONS).flatMap(([r, ds]) => ds.map((d) => [d, r] as const)));

/** The région (INSEE code) of a département code (`94`, `2A`, `974`; `1` is read as `01`). */
export function regionDe(departement: string): string | null {
  const d = /^\d$/.test(departement) ? `0${departement}` : departement.toUpperCase();
  return REGION_DU_DEPARTEMENT.get(d) ?? null;
}

/** The départements of a région (INSEE code). */
export function departementsDe(region: string): readonly string[] {
  return REGIONS[region] ?? [];
}

export const METHODE_DISTANCE =
  "Classe de distance : même département, même région ou autre région, d'après le département du siège du titulaire " +
  "quand la source le publie (table consolidée) et les départements d'exécution de ses marchés semblables ; " +
  "régions du Code officiel géographique de l'INSEE (découpage de 2016). Aucune table nationale de centroïdes n'est disponible.";
