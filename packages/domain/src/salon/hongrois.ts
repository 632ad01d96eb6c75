/**
 * The Hungarian algorithm (Kuhn–Munkres, shortest augmenting paths with potentials): a minimum-cost
 * assignment of each of n rows to a distinct column among m ≥ n, in O(n²·m). The scheduler re-plans one
 * buyer (rows: its slots) or one company (rows: its requests) at a time with it, exactly.
 */

/** `cout[i * m + j]`: cost of row i on column j. Returns the column of each row. */
export function affectationMinimale(n: number, m: number, cout: Float64Array): Int32Array {
  // 1-based arrays as in the classical presentation; column 0 is the virtual start.
  const u = new Float64Array(n + 1);
  const v = new Float64Array(m + 1);
  const ligneDe = new Int32Array(m + 1); // row assigned to column j (0: none)
  const chemin = new Int32Array(m + 1);
  const minv = new Float64Array(m + 1);
  const vu = new Uint8Array(m + 1);
  for (let i = 1; i <= n; i++) {
    ligneDe[0] = i;
    let j0 = 0;
    minv.fill(Number.POSITIVE_INFINITY);
    vu.fill(0);
    do {
      vu[j0] = 1;
      const i0 = ligneDe[j0] as number;
      let delta = Number.POSITIVE_INFINITY;
      let j1 = 0;
      const base = (i0 - 1) * m - 1;
      const ui0 = u[i0] as number;
      for (let j = 1; j <= m; j++) {
        if (vu[j]) continue;
        const cur = (cout[base + j] as number) - ui0 - (v[j] as number);
        if (cur < (minv[j] as number)) {
          minv[j] = cur;
          chemin[j] = j0;
        }
        if ((minv[j] as number) < delta) {
          delta = minv[j] as number;
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (vu[j]) {
          const l = ligneDe[j] as number;
          u[l] = (u[l] as number) + delta;
          v[j] = (v[j] as number) - delta;
        } else minv[j] = (minv[j] as number) - delta;
      }
      j0 = j1;
    } while (ligneDe[j0] !== 0);
    do {
      const j1 = chemin[j0] as number;
      ligneDe[j0] = ligneDe[j1] as number;
      j0 = j1;
    } while (j0 !== 0);
  }
  const colonneDe = new Int32Array(n);
  for (let j = 1; j <= m; j++) {
    const l = ligneDe[j] as number;
    if (l > 0) colonneDe[l - 1] = j - 1;
  }
  return colonneDe;
}
