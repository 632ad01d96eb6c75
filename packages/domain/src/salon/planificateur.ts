/**
 * The scheduler: a plan that first serves as many companies as possible, then places as many meetings as
 * possible, higher priorities first. Pure and deterministic (seeded); see docs/salon.md.
 *
 * The order of a plan's quality, lexicographic (`ScorePlan`):
 *   1. confirmed meetings kept (re-planning only: a confirmed meeting may move if allowed, never disappear);
 *   2. companies served;
 *   3. meetings placed;
 *   4. meetings left in their previous slot (re-planning only: a late change does not move an announced
 *      meeting for a mere priority gain);
 *   5. priority-1 meetings, then 6. priority-2 meetings (priorities decide between equal counts).
 *
 * Algorithm:
 *   - Phase 1, exact: a maximum matching between companies and tables (buyer, slot), one meeting per served
 *     company, by augmenting paths (`servirEntreprises`). No plan serves more companies: this is also the
 *     optimum of the LP relaxation of « companies served » (see lineaire.ts).
 *   - Phase 2, local search that never lowers the score: every buyer's and every company's agenda is
 *     re-optimised exactly given the others (Hungarian algorithm on its slots × its requests), unplaced
 *     requests are inserted through Kempe chains (swapping two slots along an alternating company–buyer
 *     chain frees a slot on both sides), and an iterated local search ejects meetings to place an unplaced
 *     request, repairs, and keeps the result when it is not worse.
 */
import { aleatoire, entier } from "./aleatoire";
import { affectationMinimale } from "./hongrois";
import { poidsPonderation, valeurPonderee } from "./lineaire";
import type { ModeleSalon } from "./modele";

/** [confirmed kept, companies served, meetings, meetings kept in place, priority-1 meetings, priority-2 meetings]. */
export type ScorePlan = readonly [number, number, number, number, number, number];

export function comparerScores(x: ScorePlan, y: ScorePlan): number {
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
  return 0;
}

export interface OptionsPlanification {
  /** Seed of the iterated local search (default 1). */
  graine?: number;
  /** Iterations of the iterated local search (default 3,000; scaled down for very large instances). */
  iterations?: number;
  /**
   * The LP bounds (lineaire.ts): the search stops as soon as the plan is proved optimal (bounds of companies
   * served and of meetings reached, weighted value (3) reached).
   */
  bornes?: { entreprisesServies: number; rendezVous: number; ponderee: number };
  /** Asked between iterations: true stops the search (the adapter's time budget; the result then depends on the clock). */
  doitArreter?: () => boolean;
  /** Re-planning: slot each request is pinned to (-1: free). Pinned meetings never move. */
  fixes?: Int32Array;
  /** Re-planning: requests that must stay placed (confirmed meetings that may move). */
  obligatoires?: Uint8Array;
  /** Re-planning: previous slot of each request (-1: none), preferred among equal plans; also the starting plan. */
  precedent?: Int32Array;
  /** A starting plan (slot of each request or -1), e.g. the rounded LP optimum; conflicting entries are ignored. */
  suggestion?: Int32Array;
}

export interface ResultatPlanification {
  creneauDe: Int32Array;
  score: ScorePlan;
  /** Companies served after phase 1 (fresh plan: the exact optimum). */
  optimumEntreprisesServies: number;
  iterations: number;
  /** True when the plan reaches the LP bounds and the weighted LP value: no plan is better (see lineaire.ts). */
  optimumProuve: boolean;
}

/** The mutable state of a plan, with its incremental score. */
class Etat {
  readonly S: number;
  readonly creneauDe: Int32Array;
  readonly occE: Int32Array;
  readonly occA: Int32Array;
  readonly nbE: Int32Array;
  /** [confirmed placed, served, placed, kept in place, p1, p2]. */
  readonly compteurs = new Float64Array(6);

  constructor(
    readonly m: ModeleSalon,
    readonly fixe: Int32Array,
    readonly obligatoire: Uint8Array,
    readonly precedent: Int32Array,
  ) {
    this.S = m.S;
    this.creneauDe = new Int32Array(m.R).fill(-1);
    this.occE = new Int32Array(m.E * m.S).fill(-1);
    this.occA = new Int32Array(m.A * m.S).fill(-1);
    this.nbE = new Int32Array(m.E);
  }

  private compter(r: number, s: number, signe: 1 | -1): void {
    const c = this.compteurs;
    const p = this.m.prioriteDe[r];
    if (this.obligatoire[r]) c[0] = (c[0] as number) + signe;
    c[2] = (c[2] as number) + signe;
    if (this.precedent[r] === s) c[3] = (c[3] as number) + signe;
    if (p === 1) c[4] = (c[4] as number) + signe;
    else if (p === 2) c[5] = (c[5] as number) + signe;
  }

  placer(r: number, s: number): void {
    const e = this.m.entrepriseDe[r] as number;
    const a = this.m.acheteurDe[r] as number;
    this.creneauDe[r] = s;
    this.occE[e * this.S + s] = r;
    this.occA[a * this.S + s] = r;
    const avant = this.nbE[e] as number;
    this.nbE[e] = avant + 1;
    if (avant === 0) this.compteurs[1] = (this.compteurs[1] as number) + 1;
    this.compter(r, s, 1);
  }

  retirer(r: number): void {
    const s = this.creneauDe[r] as number;
    const e = this.m.entrepriseDe[r] as number;
    const a = this.m.acheteurDe[r] as number;
    this.creneauDe[r] = -1;
    this.occE[e * this.S + s] = -1;
    this.occA[a * this.S + s] = -1;
    const apres = (this.nbE[e] as number) - 1;
    this.nbE[e] = apres;
    if (apres === 0) this.compteurs[1] = (this.compteurs[1] as number) - 1;
    this.compter(r, s, -1);
  }

  score(): ScorePlan {
    const c = this.compteurs;
    return [c[0], c[1], c[2], c[3], c[4], c[5]] as unknown as ScorePlan;
  }

  copie(): Int32Array[] {
    return [this.creneauDe.slice(), this.occE.slice(), this.occA.slice(), this.nbE.slice(), Int32Array.from(this.compteurs)];
  }

  restaurer(copie: Int32Array[]): void {
    const [creneauDe, occE, occA, nbE, compteurs] = copie as [Int32Array, Int32Array, Int32Array, Int32Array, Int32Array];
    this.creneauDe.set(creneauDe);
    this.occE.set(occE);
    this.occA.set(occA);
    this.nbE.set(nbE);
    this.compteurs.set(compteurs);
  }
}

/** Computes a plan. `modele` comes from `construireModele(validerInstance(…).instance)`. */
export function planifier(modele: ModeleSalon, options: OptionsPlanification = {}): ResultatPlanification {
  const { S, E, A, R } = modele;
  const fixe = options.fixes ?? new Int32Array(R).fill(-1);
  const obligatoire = options.obligatoires ?? new Uint8Array(R);
  const precedent = options.precedent ?? new Int32Array(R).fill(-1);
  const etat = new Etat(modele, fixe, obligatoire, precedent);
  const { creneauDe, occE, occA, nbE } = etat;
  const hasard = aleatoire(options.graine ?? 1);

  // Starting plan: the pinned meetings, then the previous plan where it still holds.
  for (let r = 0; r < R; r++) {
    const s = fixe[r] as number;
    if (s >= 0 && modele.possible[r * S + s] && occE[(modele.entrepriseDe[r] as number) * S + s] === -1) {
      if (occA[(modele.acheteurDe[r] as number) * S + s] === -1) etat.placer(r, s);
    }
  }
  const estFixe = (r: number) => (fixe[r] as number) >= 0 && creneauDe[r] === fixe[r];
  for (let r = 0; r < R; r++) {
    const s = precedent[r] as number;
    if (s < 0 || estFixe(r) || !modele.possible[r * S + s]) continue;
    if (occE[(modele.entrepriseDe[r] as number) * S + s] === -1 && occA[(modele.acheteurDe[r] as number) * S + s] === -1) etat.placer(r, s);
  }
  const mobile = (r: number) => !estFixe(r);
  if (options.suggestion) {
    for (let r = 0; r < R; r++) {
      const s = options.suggestion[r] as number;
      if (s < 0 || creneauDe[r] !== -1 || !modele.possible[r * S + s]) continue;
      if (occE[(modele.entrepriseDe[r] as number) * S + s] === -1 && occA[(modele.acheteurDe[r] as number) * S + s] === -1)
        etat.placer(r, s);
    }
  }

  // ---- Phase 1: serve every company that can be served (augmenting paths, companies × tables) ----
  const marqueTable = new Int32Array(A * S).fill(-1);
  const marqueEntreprise = new Int32Array(E).fill(-1);
  const parentDemande = new Int32Array(E); // request by which a company was reached (its new meeting)…
  const parentCreneau = new Int32Array(E); // …in that slot…
  const parentEntreprise = new Int32Array(E); // …from that company
  let tour = 0;
  /** Serves company e0 (no meeting yet) through an augmenting path; true on success. */
  const servir = (e0: number): boolean => {
    tour++;
    marqueEntreprise[e0] = tour;
    const file = [e0];
    for (let tete = 0; tete < file.length; tete++) {
      const u = file[tete] as number;
      const actuelle = u === e0 ? -1 : (modele.demandesEntreprise[u] as Int32Array).find((r) => (creneauDe[r] as number) >= 0);
      for (const r of modele.demandesEntreprise[u] as Int32Array) {
        const a = modele.acheteurDe[r] as number;
        for (const s of modele.creneauxPossibles[r] as Int32Array) {
          const t = a * S + s;
          // (u may also keep the same buyer in another slot: its own table is marked already)
          if (marqueTable[t] === tour || (r === actuelle && creneauDe[r] === s)) continue;
          marqueTable[t] = tour;
          const m = occA[t] as number;
          // u has no meeting but `actuelle` (which leaves): the slot is free on its side
          let fin = m === -1;
          if (!fin) {
            if (!mobile(m) || obligatoire[m]) continue;
            const e1 = modele.entrepriseDe[m] as number;
            if ((nbE[e1] as number) >= 2)
              fin = true; // a company with another meeting gives this one up
            else if (marqueEntreprise[e1] !== tour) {
              marqueEntreprise[e1] = tour;
              parentDemande[e1] = r;
              parentCreneau[e1] = s;
              parentEntreprise[e1] = u;
              file.push(e1);
              continue;
            } else continue;
          }
          if (actuelle !== undefined && actuelle >= 0 && creneauDe[actuelle] !== s && occE[u * S + s] !== -1) continue;
          // Found: apply the path backwards.
          if (m !== -1) etat.retirer(m);
          let v = u;
          let demande = r;
          let creneau = s;
          for (;;) {
            const ancienne =
              v === e0 ? -1 : ((modele.demandesEntreprise[v] as Int32Array).find((x) => (creneauDe[x] as number) >= 0) ?? -1);
            if (ancienne >= 0) etat.retirer(ancienne);
            etat.placer(demande, creneau);
            if (v === e0) return true;
            demande = parentDemande[v] as number;
            creneau = parentCreneau[v] as number;
            v = parentEntreprise[v] as number;
          }
        }
      }
    }
    return false;
  };
  // Companies with the fewest possibilities first (shorter paths); the result is a maximum matching anyway.
  const possibilites = (e: number) =>
    (modele.demandesEntreprise[e] as Int32Array).reduce((n, r) => n + (modele.creneauxPossibles[r] as Int32Array).length, 0);
  const ordreEntreprises = Array.from({ length: E }, (_, e) => e).sort((x, y) => possibilites(x) - possibilites(y) || x - y);
  // Passes until none serves one more company (a first pass suffices from an empty plan, as in Kuhn's algorithm).
  for (let progres = true; progres; ) {
    progres = false;
    for (const e of ordreEntreprises) if (nbE[e] === 0 && possibilites(e) > 0 && servir(e)) progres = true;
  }
  const optimumEntreprisesServies = etat.compteurs[1] as number;

  // ---- Phase 2: local search ----
  const sale = new Uint8Array(A + E); // work list: buyers 0..A-1, companies A..A+E-1
  const file: number[] = [];
  let tete = 0;
  const salir = (noeud: number) => {
    if (!sale[noeud]) {
      sale[noeud] = 1;
      file.push(noeud);
    }
  };
  const toucher = (r: number) => {
    salir(modele.acheteurDe[r] as number);
    salir(A + (modele.entrepriseDe[r] as number));
  };

  /** Weight of placing r in s for a sub-problem whose assignments have at most `base - 1` meetings. */
  const poids = (r: number, s: number, base: number, servie: number): number => {
    const p = modele.prioriteDe[r];
    const garde = precedent[r] === s ? 1 : 0;
    return (
      (((((obligatoire[r] as number) * base + servie) * base + 1) * base + garde) * base + (p === 1 ? 1 : 0)) * base + (p === 2 ? 1 : 0)
    );
  };

  const ancien = new Int32Array(R);
  /** Re-optimises a buyer's agenda (rows: its slots; columns: its requests, then one "empty" column per slot). */
  const reoptimiserAcheteur = (a: number): boolean => {
    const demandes = (modele.demandesAcheteur[a] as Int32Array).filter(mobile);
    const creneaux: number[] = [];
    for (let s = 0; s < S; s++) {
      const occupant = occA[a * S + s] as number;
      if (occupant >= 0 && !mobile(occupant)) continue;
      if (demandes.some((r) => modele.possible[r * S + s])) creneaux.push(s);
    }
    const n = creneaux.length;
    if (n === 0 || demandes.length === 0) return false;
    const mCols = demandes.length + n;
    const base = n + 1;
    const cout = new Float64Array(n * mCols);
    let actuel = 0;
    for (let k = 0; k < demandes.length; k++) {
      const r = demandes[k] as number;
      const e = modele.entrepriseDe[r] as number;
      const place = (creneauDe[r] as number) >= 0;
      const servie = (nbE[e] as number) - (place ? 1 : 0) === 0 ? 1 : 0;
      if (place) actuel += poids(r, creneauDe[r] as number, base, servie);
      for (let i = 0; i < n; i++) {
        const s = creneaux[i] as number;
        const occupant = occE[e * S + s] as number;
        cout[i * mCols + k] = modele.possible[r * S + s] && (occupant === -1 || occupant === r) ? -poids(r, s, base, servie) : 1;
      }
    }
    const choix = affectationMinimale(n, mCols, cout);
    let optimum = 0;
    for (let i = 0; i < n; i++) {
      const j = choix[i] as number;
      if (j < demandes.length) optimum -= cout[i * mCols + j] as number;
    }
    if (optimum <= actuel) return false;
    for (const r of demandes) {
      ancien[r] = creneauDe[r] as number;
      if ((creneauDe[r] as number) >= 0) etat.retirer(r);
    }
    for (let i = 0; i < n; i++) {
      const j = choix[i] as number;
      if (j < demandes.length) etat.placer(demandes[j] as number, creneaux[i] as number);
    }
    for (const r of demandes) if (ancien[r] !== creneauDe[r]) salir(A + (modele.entrepriseDe[r] as number));
    return true;
  };

  /** Re-optimises a company's agenda (rows: its requests; columns: slots, then one "unplaced" column per request). */
  const reoptimiserEntreprise = (e: number): boolean => {
    const demandes = (modele.demandesEntreprise[e] as Int32Array).filter(
      (r) => mobile(r) && (modele.creneauxPossibles[r] as Int32Array).length > 0,
    );
    const n = demandes.length;
    if (n === 0) return false;
    const mCols = S + n;
    const base = Math.min(n, S) + 1;
    const cout = new Float64Array(n * mCols);
    let actuel = 0;
    for (let i = 0; i < n; i++) {
      const r = demandes[i] as number;
      const a = modele.acheteurDe[r] as number;
      if ((creneauDe[r] as number) >= 0) actuel += poids(r, creneauDe[r] as number, base, 0);
      for (let s = 0; s < S; s++) {
        const occupantE = occE[e * S + s] as number;
        const occupantA = occA[a * S + s] as number;
        const libre = (occupantE === -1 || mobile(occupantE)) && (occupantA === -1 || occupantA === r);
        cout[i * mCols + s] = modele.possible[r * S + s] && libre ? -poids(r, s, base, 0) : 1;
      }
    }
    const choix = affectationMinimale(n, mCols, cout);
    let optimum = 0;
    for (let i = 0; i < n; i++) {
      const j = choix[i] as number;
      if (j < S) optimum -= cout[i * mCols + j] as number;
    }
    if (optimum <= actuel) return false;
    for (const r of demandes) {
      ancien[r] = creneauDe[r] as number;
      if ((creneauDe[r] as number) >= 0) etat.retirer(r);
    }
    for (let i = 0; i < n; i++) {
      const j = choix[i] as number;
      if (j < S) etat.placer(demandes[i] as number, j);
    }
    for (const r of demandes) if (ancien[r] !== creneauDe[r]) salir(modele.acheteurDe[r] as number);
    return true;
  };

  const chaine: number[] = [];
  /**
   * The Kempe chain of colours (c1, c2) from a participant that has a c1 meeting and no c2 meeting: swapping the
   * two slots along it frees c1 there. False (and nothing changed) when a meeting of the chain is pinned or
   * cannot take the other slot.
   */
  const echangerChaine = (depuisAcheteur: boolean, depart: number, c1: number, c2: number): boolean => {
    chaine.length = 0;
    let cote = depuisAcheteur;
    let noeud = depart;
    let couleur = c1;
    for (;;) {
      const m = (cote ? occA[noeud * S + couleur] : occE[noeud * S + couleur]) as number;
      if (m < 0) break;
      const autre = couleur === c1 ? c2 : c1;
      if (!mobile(m) || !modele.possible[m * S + autre]) return false;
      chaine.push(m);
      noeud = (cote ? modele.entrepriseDe[m] : modele.acheteurDe[m]) as number;
      cote = !cote;
      couleur = autre;
    }
    const couleurs = chaine.map((m) => creneauDe[m] as number);
    for (const m of chaine) etat.retirer(m);
    chaine.forEach((m, k) => {
      etat.placer(m, couleurs[k] === c1 ? c2 : c1);
      toucher(m);
    });
    return true;
  };

  const libresE: number[] = [];
  const libresA: number[] = [];
  /** Places an unplaced request directly or through one Kempe chain. */
  const inserer = (r: number): boolean => {
    const e = modele.entrepriseDe[r] as number;
    const a = modele.acheteurDe[r] as number;
    libresE.length = 0;
    libresA.length = 0;
    for (const s of modele.creneauxPossibles[r] as Int32Array) {
      const libreE = occE[e * S + s] === -1;
      const libreA = occA[a * S + s] === -1;
      if (libreE && libreA) {
        etat.placer(r, s);
        toucher(r);
        return true;
      }
      if (libreE) libresE.push(s);
      else if (libreA) libresA.push(s);
    }
    for (const s of libresE) {
      for (const t of libresA) {
        // from the buyer: its s meeting goes to t, and so on; the chain never reaches e (free at s)
        if (echangerChaine(true, a, s, t)) {
          etat.placer(r, s);
          toucher(r);
          return true;
        }
        // from the company: its t meeting goes to s; the chain never reaches a (free at t)
        if (echangerChaine(false, e, t, s)) {
          etat.placer(r, t);
          toucher(r);
          return true;
        }
      }
    }
    return false;
  };

  /** Runs the work list until no re-optimisation or insertion improves the plan. */
  const ameliorer = (): void => {
    for (; tete < file.length; tete++) {
      const noeud = file[tete] as number;
      sale[noeud] = 0;
      const estAcheteur = noeud < A;
      const changement = estAcheteur ? reoptimiserAcheteur(noeud) : reoptimiserEntreprise(noeud - A);
      if (changement) salir(noeud);
      const demandes = (estAcheteur ? modele.demandesAcheteur[noeud] : modele.demandesEntreprise[noeud - A]) as Int32Array;
      for (const r of demandes) if (creneauDe[r] === -1 && (modele.creneauxPossibles[r] as Int32Array).length > 0) inserer(r);
    }
    file.length = 0;
    tete = 0;
  };

  // Greedy fill (priority, then fewest slots), then local search from every participant.
  const ordre = Array.from({ length: R }, (_, r) => r).sort(
    (x, y) =>
      (modele.prioriteDe[x] as number) - (modele.prioriteDe[y] as number) ||
      (modele.creneauxPossibles[x] as Int32Array).length - (modele.creneauxPossibles[y] as Int32Array).length ||
      x - y,
  );
  for (const r of ordre) if (creneauDe[r] === -1) inserer(r);
  for (let noeud = 0; noeud < A + E; noeud++) salir(noeud);
  ameliorer();

  // ---- Iterated local search: eject to place an unplaced request, repair, keep if not worse ----
  const iterationsMax = options.iterations ?? (R > 20_000 ? 500 : 3_000);
  const candidates: number[] = [];
  for (let r = 0; r < R; r++) if ((modele.creneauxPossibles[r] as Int32Array).length > 0 && mobile(r)) candidates.push(r);
  const prioritaires = candidates.filter((r) => (modele.prioriteDe[r] as number) < 3);
  let meilleur = etat.copie();
  let meilleurScore = etat.score();
  let courant = meilleur;
  let courantScore = meilleurScore;
  let sansProgres = 0;
  let iterations = 0;
  const prouve = () => {
    const bornes = options.bornes;
    if (!bornes) return false;
    const places = meilleurScore[2] as number;
    const servies = meilleurScore[1] as number;
    const parPriorite = {
      1: meilleurScore[4] as number,
      2: meilleurScore[5] as number,
      3: places - (meilleurScore[4] as number) - (meilleurScore[5] as number),
    };
    return (
      servies >= Math.floor(bornes.entreprisesServies + 1e-6) &&
      places >= Math.floor(bornes.rendezVous + 1e-6) &&
      valeurPonderee(R, servies, parPriorite) >= bornes.ponderee - poidsPonderation(R).epsilon / 4
    );
  };
  /**
   * A kick: an unplaced request drawn at random (every other time among priorities 1 and 2) is forced into one
   * of its slots, preferably where the buyer's table is free or holds a lower priority, ejecting the meetings
   * in the way; or (one time in four) a placed meeting is forced into another of its slots. False when the
   * draw found nothing to do.
   */
  const perturber = (tirage: number): boolean => {
    let r = -1;
    const deplacer = tirage % 4 === 3;
    const liste = deplacer || tirage % 2 === 0 || prioritaires.length === 0 ? candidates : prioritaires;
    for (let essai = 0; essai < 20 && r < 0; essai++) {
      const x = liste[entier(hasard, liste.length)] as number;
      if ((creneauDe[x] === -1) !== deplacer && mobile(x)) r = x;
    }
    if (r < 0) return false;
    const creneaux = modele.creneauxPossibles[r] as Int32Array;
    const e = modele.entrepriseDe[r] as number;
    const a = modele.acheteurDe[r] as number;
    let s = creneaux[entier(hasard, creneaux.length)] as number;
    const p = modele.prioriteDe[r] as number;
    for (let essai = 0; essai < 4; essai++) {
      const occupant = occA[a * S + s] as number;
      if (s !== creneauDe[r] && (occupant === -1 || (modele.prioriteDe[occupant] as number) > p)) break;
      s = creneaux[entier(hasard, creneaux.length)] as number;
    }
    if (s === creneauDe[r]) return false;
    const occupants = [occE[e * S + s] as number, occA[a * S + s] as number].filter((m) => m >= 0);
    if (occupants.some((m) => !mobile(m))) return false;
    for (const m of occupants) {
      etat.retirer(m);
      toucher(m);
    }
    if (deplacer) etat.retirer(r);
    etat.placer(r, s);
    toucher(r);
    return true;
  };
  for (; iterations < iterationsMax && candidates.length > 0; iterations++) {
    if (prouve() || options.doitArreter?.()) break;
    if (!perturber(iterations)) continue;
    if (hasard() < 0.3) perturber(iterations + 1); // now and then a double kick
    ameliorer();
    const score = etat.score();
    if (comparerScores(score, meilleurScore) >= 0) {
      sansProgres = comparerScores(score, meilleurScore) > 0 ? 0 : sansProgres + 1;
      meilleur = etat.copie();
      meilleurScore = score;
      courant = meilleur;
      courantScore = score;
    } else if (
      comparerScores(score, courantScore) >= 0 ||
      // a step down the last levels only (same confirmed, served and meetings), now and then: it lets the
      // search cross the valleys between local optima; the best plan is kept aside
      (score[0] === courantScore[0] && score[1] === courantScore[1] && score[2] === courantScore[2] && hasard() < 0.2) ||
      (score[0] === courantScore[0] && score[1] === courantScore[1] && score[2] === (courantScore[2] as number) - 1 && hasard() < 0.05)
    ) {
      courant = etat.copie();
      courantScore = score;
      sansProgres++;
    } else {
      etat.restaurer(courant);
      sansProgres++;
    }
    if (sansProgres >= 200) {
      // back to the best plan
      etat.restaurer(meilleur);
      courant = meilleur;
      courantScore = meilleurScore;
      sansProgres = 0;
    }
  }
  etat.restaurer(meilleur);
  return {
    creneauDe: etat.creneauDe.slice(),
    score: meilleurScore,
    optimumEntreprisesServies,
    iterations,
    optimumProuve: prouve(),
  };
}
