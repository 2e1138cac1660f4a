// Minimal-change error localisation (Fellegi & Holt 1976; Statistics Netherlands'
// errorlocate): over a system of exact integer linear equalities Σ coef·x = 0, find every
// smallest set of variables which, if changed, lets every equation hold — and only sets
// whose new values are DETERMINED (a set whose change is not unique is no fix). Among the
// sets of the smallest size, outside evidence (weights) picks one; equal weights are a tie.
//
// The search is exact and bounded: sets of size 1..maxSize, branching on the uncovered
// violated equation with the fewest candidate cells (every violated equation must contain
// a changed cell), a disjoint-equations lower bound, and a node budget. Past the bound the
// answer is `too-many`, never a guess.

export interface Term {
  v: number;
  coef: number;
}

export interface LinearSystem {
  /** Current value of every variable (blank cells are 0). */
  values: number[];
  /** Whether a variable may be changed (unreadable, absent or frozen cells may not). */
  changeable: boolean[];
  /** Each equation: Σ coef·x = 0. */
  equations: Term[][];
  /** Cost of changing variable v to `to` (default 1). Only compares sets of equal size. */
  weight?: (v: number, to: number) => number;
}

export interface Change {
  v: number;
  from: number;
  to: number;
}

export interface Candidate {
  changes: Change[];
  weight: number;
}

export type Localisation =
  | { kind: 'consistent' }
  /** One minimum: the set to change and its values. */
  | { kind: 'unique'; best: Candidate; size: number; all: Candidate[] }
  /** Several minima of equal size and weight (`all`: every set of that size found). */
  | { kind: 'tie'; candidates: Candidate[]; size: number; all: Candidate[] }
  /** No determined set up to maxSize, or the search budget ran out. */
  | { kind: 'too-many'; reason: 'size' | 'budget' | 'not-integer' };

export interface SearchLimits {
  maxSize: number;
  /** Search nodes (sets tried or extended) before giving up. */
  budget: number;
  /** Stop collecting candidates past this many (a tie is a tie). */
  maxCandidates: number;
}

export const DEFAULT_LIMITS: SearchLimits = { maxSize: 4, budget: 20000, maxCandidates: 12 };

const WEIGHT_EPS = 1e-9;

export function residuals(sys: LinearSystem): number[] {
  return sys.equations.map((eq) => eq.reduce((a, t) => a + t.coef * sys.values[t.v]!, 0));
}

export function localise(sys: LinearSystem, limits: SearchLimits = DEFAULT_LIMITS): Localisation {
  const r = residuals(sys);
  const violated = r.map((x, i) => (x !== 0 ? i : -1)).filter((i) => i >= 0);
  if (violated.length === 0) return { kind: 'consistent' };
  if (!sys.values.every(Number.isInteger)) return { kind: 'too-many', reason: 'not-integer' };

  const eqsOf: number[][] = sys.values.map(() => []);
  sys.equations.forEach((eq, i) => eq.forEach((t) => eqsOf[t.v]!.push(i)));
  const weight = sys.weight ?? (() => 1);

  let nodes = 0;
  let overBudget = false;
  const seen = new Set<string>();

  /** Exact test of one set: the unique integer solution, or null. */
  const solve = (set: number[]): Change[] | null => {
    const rows = new Set<number>();
    for (const v of set) for (const e of eqsOf[v]!) rows.add(e);
    const k = set.length;
    const col = new Map(set.map((v, j) => [v, j]));
    // Augmented integer matrix: A_S · d = −r over the touched equations.
    const m: number[][] = [];
    for (const e of rows) {
      const row = new Array<number>(k + 1).fill(0);
      for (const t of sys.equations[e]!) {
        const j = col.get(t.v);
        if (j !== undefined) row[j]! += t.coef;
      }
      row[k] = -r[e]!;
      m.push(row);
    }
    // Fraction-free Gauss–Jordan with gcd normalisation (entries stay small and exact).
    for (let j = 0; j < k; j++) {
      let p = -1;
      for (let i = j; i < m.length; i++) if (m[i]![j] !== 0) { p = i; break; }
      if (p < 0) return null; // rank-deficient: the change is not determined
      [m[j], m[p]] = [m[p]!, m[j]!];
      const pv = m[j]!;
      for (let i = 0; i < m.length; i++) {
        if (i === j || m[i]![j] === 0) continue;
        const a = pv[j]!;
        const b = m[i]![j]!;
        const row = m[i]!;
        let g = 0;
        for (let c = 0; c <= k; c++) {
          row[c] = a * row[c]! - b * pv[c]!;
          g = gcd(g, row[c]!);
        }
        if (g > 1) for (let c = 0; c <= k; c++) row[c]! /= g;
      }
    }
    for (let i = k; i < m.length; i++) if (m[i]![k] !== 0) return null; // inconsistent
    const out: Change[] = [];
    for (let j = 0; j < k; j++) {
      const num = m[j]![k]!;
      const den = m[j]![j]!;
      if (num % den !== 0) return null; // not an integer
      const d = num / den;
      const v = set[j]!;
      const to = sys.values[v]! + d;
      if (d === 0 || to < 0) return null;
      out.push({ v, from: sys.values[v]!, to });
    }
    return out;
  };

  /** Lower bound on cells still needed: violated equations with pairwise disjoint candidates. */
  const lowerBound = (uncovered: number[], excluded: Set<number>): number => {
    const used = new Set<number>();
    let n = 0;
    const sorted = [...uncovered].sort((a, b) => sys.equations[a]!.length - sys.equations[b]!.length);
    for (const e of sorted) {
      const cells = sys.equations[e]!.filter((t) => sys.changeable[t.v] && !excluded.has(t.v)).map((t) => t.v);
      if (cells.some((v) => used.has(v))) continue;
      cells.forEach((v) => used.add(v));
      n++;
    }
    return n;
  };

  const found: Candidate[] = [];

  const visit = (set: number[], excluded: Set<number>, size: number): void => {
    if (overBudget || found.length >= limits.maxCandidates) return;
    if (++nodes > limits.budget) {
      overBudget = true;
      return;
    }
    const inSet = new Set(set);
    const covered = new Set<number>();
    for (const v of set) for (const e of eqsOf[v]!) covered.add(e);
    const uncovered = violated.filter((e) => !covered.has(e));
    if (uncovered.length === 0) {
      const key = [...set].sort((a, b) => a - b).join(',');
      if (set.length === size) {
        if (seen.has(key)) return;
        seen.add(key);
        const changes = solve(set);
        if (changes) found.push({ changes, weight: changes.reduce((a, c) => a + weight(c.v, c.to), 0) });
        return;
      }
      // Every violated equation is touched but the set may need helpers: cells that share a
      // touched equation (a change there keeps an equation that now holds true).
      const helpers: number[] = [];
      for (const e of covered) for (const t of sys.equations[e]!) if (sys.changeable[t.v] && !inSet.has(t.v) && !excluded.has(t.v) && !helpers.includes(t.v)) helpers.push(t.v);
      const ex = new Set(excluded);
      for (const h of helpers) {
        visit([...set, h], ex, size);
        ex.add(h);
      }
      return;
    }
    if (set.length >= size) return;
    if (set.length + lowerBound(uncovered, excluded) > size) return;
    // Branch on the uncovered violated equation with the fewest candidates.
    let best: number[] | null = null;
    for (const e of uncovered) {
      const cells = sys.equations[e]!.filter((t) => sys.changeable[t.v] && !excluded.has(t.v) && !inSet.has(t.v)).map((t) => t.v);
      if (cells.length === 0) return;
      if (!best || cells.length < best.length) best = cells;
    }
    const ex = new Set(excluded);
    for (const v of best!) {
      visit([...set, v], ex, size);
      ex.add(v);
    }
  };

  const root = lowerBound(violated, new Set());
  for (let size = Math.max(1, root); size <= limits.maxSize; size++) {
    visit([], new Set(), size);
    if (overBudget) return { kind: 'too-many', reason: 'budget' };
    if (found.length > 0) return decide(found, size, found.length >= limits.maxCandidates);
  }
  return { kind: 'too-many', reason: 'size' };
}

function decide(found: Candidate[], size: number, truncated: boolean): Localisation {
  const sorted = [...found].sort((a, b) => a.weight - b.weight);
  const min = sorted[0]!.weight;
  const tied = sorted.filter((c) => c.weight - min < WEIGHT_EPS);
  // Candidates were cut off: an unseen one might weigh as little, so no set is unique.
  if (truncated) return { kind: 'tie', candidates: sorted, size, all: sorted };
  if (tied.length === 1) return { kind: 'unique', best: tied[0]!, size, all: sorted };
  return { kind: 'tie', candidates: tied, size, all: sorted };
}

function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b) [a, b] = [b, a % b];
  return a;
}
