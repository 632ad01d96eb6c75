/**
 * What came of a fair (issue 13): the conversion funnel that nobody measures. For each held fair, the meetings held
 * (the company was checked in), those followed by an interest signal of that company on a line discussed, by a bid of that company on a lot of a procedure launched for a
 * programme line discussed, and those followed by an award to it; by company size, locality and purchase family,
 * fair after fair (year-on-year). Pure: it aggregates one row per planned meeting.
 */

/** One meeting of a held fair, with what followed (read from the fair, the procedures and their awards). */
export interface RendezVousSuivi {
  salonId: string;
  salon: string;
  /** Day of the fair, YYYY-MM-DD. */
  date: string;
  entrepriseId: string;
  /** Size category of the company (micro, pme, eti, ge), null when unknown. */
  categorie: string | null;
  /** The company serves the Val-de-Marne (94 among its territories). */
  locale: boolean;
  /** Purchase family of the first line discussed (null: none). */
  famille: string | null;
  /** The company was checked in present at the door. */
  tenu: boolean;
  /** The company signalled its interest (portal) on a line discussed, on or after the day of the fair. */
  interet: boolean;
  /** The company then bid on a lot of a procedure launched for a line discussed. */
  offre: boolean;
  /** …and was awarded at least one such lot. */
  attribution: boolean;
}

export interface Etapes {
  /** Meetings planned (confirmed) at the fair. */
  planifies: number;
  /** Held: the company was present. */
  tenus: number;
  /** Held and followed by an interest signal on the lines discussed. */
  suivisDInteret: number;
  /** Held and followed by a bid on the lines discussed. */
  suivisDOffre: number;
  /** Held and followed by an award on the lines discussed. */
  suivisDAttribution: number;
  /** Distinct companies met (held meetings), that signalled interest, that bid, that won. */
  entreprisesRencontrees: number;
  entreprisesInteressees: number;
  entreprisesAyantRepondu: number;
  entreprisesAttributaires: number;
  /** suivisDInteret, suivisDOffre and suivisDAttribution over tenus (null when nothing was held). */
  tauxInteret: number | null;
  tauxOffre: number | null;
  tauxAttribution: number | null;
}

export interface EntonnoirSalon {
  salonId: string;
  salon: string;
  date: string;
  total: Etapes;
  parTaille: { cle: string; etapes: Etapes }[];
  parLocalite: { cle: string; etapes: Etapes }[];
  parFamille: { cle: string; etapes: Etapes }[];
}

export const LIBELLES_TAILLE: Record<string, string> = {
  micro: "Microentreprise",
  pme: "PME",
  eti: "ETI",
  ge: "Grande entreprise",
};

function etapes(rows: readonly RendezVousSuivi[]): Etapes {
  const tenus = rows.filter((r) => r.tenu);
  const interets = tenus.filter((r) => r.interet);
  const offres = tenus.filter((r) => r.offre);
  const attributions = tenus.filter((r) => r.attribution);
  const distinctes = (rs: RendezVousSuivi[]) => new Set(rs.map((r) => r.entrepriseId)).size;
  const taux = (n: number) => (tenus.length === 0 ? null : Math.round((n / tenus.length) * 10_000) / 10_000);
  return {
    planifies: rows.length,
    tenus: tenus.length,
    suivisDInteret: interets.length,
    suivisDOffre: offres.length,
    suivisDAttribution: attributions.length,
    entreprisesRencontrees: distinctes(tenus),
    entreprisesInteressees: distinctes(interets),
    entreprisesAyantRepondu: distinctes(offres),
    entreprisesAttributaires: distinctes(attributions),
    tauxInteret: taux(interets.length),
    tauxOffre: taux(offres.length),
    tauxAttribution: taux(attributions.length),
  };
}

function par(rows: readonly RendezVousSuivi[], cle: (r: RendezVousSuivi) => string): { cle: string; etapes: Etapes }[] {
  const groupes = new Map<string, RendezVousSuivi[]>();
  for (const r of rows) groupes.set(cle(r), [...(groupes.get(cle(r)) ?? []), r]);
  return [...groupes].sort(([a], [b]) => a.localeCompare(b, "fr")).map(([c, rs]) => ({ cle: c, etapes: etapes(rs) }));
}

/** The funnel of each held fair, oldest first (the year-on-year comparison reads left to right). */
export function entonnoirs(rows: readonly RendezVousSuivi[]): EntonnoirSalon[] {
  const salons = new Map<string, RendezVousSuivi[]>();
  for (const r of rows) salons.set(r.salonId, [...(salons.get(r.salonId) ?? []), r]);
  return [...salons.values()]
    .map((rs) => {
      const premier = rs[0] as RendezVousSuivi;
      return {
        salonId: premier.salonId,
        salon: premier.salon,
        date: premier.date,
        total: etapes(rs),
        parTaille: par(rs, (r) => (r.categorie ? (LIBELLES_TAILLE[r.categorie] ?? r.categorie) : "Taille inconnue")),
        parLocalite: par(rs, (r) => (r.locale ? "Intervient dans le Val-de-Marne" : "Hors Val-de-Marne")),
        parFamille: par(rs, (r) => r.famille ?? "Sans famille"),
      };
    })
    .sort((a, b) => a.date.localeCompare(b.date));
}
