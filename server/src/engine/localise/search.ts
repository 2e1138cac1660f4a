// Minimal-change error localisation (Fellegi & Holt 1976; Statistics Netherlands'
// errorlocate): over a system of exact integer linear equalities Σ coef·x = 0, find every
// smallest set of variables which, if changed, lets every equation hold — and only sets
// whose new values are DETERMINED (a set whose change is not unique is no fix). Among the
// sets of the smallest size, outside evidence (weights) picks one; equal weights are a tie.
//
// The search is exact and bounded: sets of size 1..maxSize, branching on the equation that
// still needs a changed cell with the fewest candidates (a broken equation needs one; one
// that holds and has exactly one changed cell needs another, since that change alone would
// break it), a disjoint-equations lower bound, and a node budget. Past the bound the
// answer is `too-many`, never a guess.

interface Term {
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

const DEFAULT_LIMITS: SearchLimits = { maxSize: 4, budget: 5000, maxCandidates: 12 };

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

  const n = sys.values.length;
  let nodes = 0;
  let overBudget = false;

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

  // Search state, updated in place: the set, how many of its cells each equation holds,
  // and cells excluded from this branch (each set is enumerated once).
  const set: number[] = [];
  const inSet = new Uint8Array(n);
  const excluded = new Uint8Array(n);
  const count = new Int32Array(sys.equations.length);
  const stamp = new Int32Array(n);
  let epoch = 0;
  const found: Candidate[] = [];

  // An equation still needs a changed cell when it is broken and untouched, or when it holds
  // and exactly one changed cell is in it (that change alone would break it: d ≠ 0).
  const needy = (): number[] => {
    const out: number[] = [];
    for (let e = 0; e < count.length; e++) if ((r[e] !== 0 && count[e] === 0) || (r[e] === 0 && count[e] === 1)) out.push(e);
    return out;
  };
  const free = (v: number) => sys.changeable[v] && !inSet[v] && !excluded[v];

  /** Lower bound on cells still needed: needy equations with pairwise disjoint free cells. */
  const lowerBound = (eqs: number[]): number => {
    epoch++;
    let k = 0;
    for (const e of eqs) {
      let clash = false;
      for (const t of sys.equations[e]!) if (free(t.v) && stamp[t.v] === epoch) clash = true;
      if (clash) continue;
      for (const t of sys.equations[e]!) if (free(t.v)) stamp[t.v] = epoch;
      k++;
    }
    return k;
  };

  // eqsOf holds equation indices, so every `count[e]` below is in range.
  const add = (v: number) => {
    set.push(v);
    inSet[v] = 1;
    for (const e of eqsOf[v]!) count[e]!++;
  };
  const remove = (v: number) => {
    set.pop();
    inSet[v] = 0;
    for (const e of eqsOf[v]!) count[e]!--;
  };

  const visit = (size: number): void => {
    if (overBudget || found.length >= limits.maxCandidates) return;
    if (++nodes > limits.budget) {
      overBudget = true;
      return;
    }
    const need = needy();
    if (need.length === 0) {
      if (set.length === 0) return;
      const changes = solve([...set]);
      if (changes) found.push({ changes, weight: changes.reduce((a, c) => a + weight(c.v, c.to), 0) });
      return;
    }
    if (set.length >= size) return;
    // Branch on the needy equation with the fewest free cells.
    let best = -1;
    let bestFree = Infinity;
    for (const e of need) {
      let k = 0;
      for (const t of sys.equations[e]!) if (free(t.v)) k++;
      if (k === 0) return;
      if (k < bestFree) {
        bestFree = k;
        best = e;
      }
    }
    if (set.length + lowerBound(need.sort((a, b) => sys.equations[a]!.length - sys.equations[b]!.length)) > size) return;
    const branch = sys.equations[best]!.filter((t) => free(t.v)).map((t) => t.v);
    const undo: number[] = [];
    for (const v of branch) {
      add(v);
      visit(size);
      remove(v);
      excluded[v] = 1;
      undo.push(v);
    }
    for (const v of undo) excluded[v] = 0;
  };

  const root = lowerBound(needy());
  for (let size = Math.max(1, root); size <= limits.maxSize; size++) {
    visit(size);
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
