// Aligning a row's value cells to the template's columns (spec §7.3 step 4).
//
// Exports lose and add cells where the form had merged cells, so a row may carry more or
// fewer values than columns. Rather than guess, enumerate every plausible alignment, keep
// those the row's own arithmetic allows, and merge those that give the same numbers: if one
// numeric reading remains the row is read; if several remain the caller may still decide
// with the table's column equations (resolveJointly); otherwise the cells are unreadable.

import type { Tok } from './cells';
import { glueReadings, writtenAsOneCell } from './layouts/pdf';

/** One column slot: a token, or `null` for a cell the export lost (absent). */
export type Slot = Tok | null;

export interface Candidate {
  slots: Slot[];
  kind: 'direct' | 'trimmed' | 'reconstructed';
}

/** Numeric reading of a slot: blank/absent → 0, a number → its value, else NaN (unknown). */
export function slotValue(s: Slot): number {
  if (s === null || s.kind === 'blank') return 0;
  const v = parseNumber(s.text);
  return v === null ? NaN : v;
}

export function parseNumber(text: string): number | null {
  const t = text.replace(/[,，]/g, '').replace('−', '-');
  if (!/^[-+]?\d+(?:\.\d+)?$/.test(t)) return null;
  return Number(t);
}

function numericKey(slots: Slot[]): string {
  return slots.map(slotValue).join(',');
}

/**
 * Candidate alignments of `values` to `n` columns, most plausible first:
 * exact count → as is; too many → strip leading, then trailing blanks (or every window);
 * too few → place the cells in order with lost (absent) cells, the spec's preferred
 * placement (first cell in the first column, the rest right-aligned) first. When the
 * count does not fit, the reading without any outer blank cell is tried too (a row whose
 * blank edges are export debris, sample 003 l.73).
 */
function candidates(values: Tok[], n: number, edgeDebris = true): Candidate[] {
  const out: Candidate[] = [];
  if (values.length === 0) return out;
  if (values.length === n) out.push({ slots: values.slice(), kind: 'direct' });
  else if (values.length > n) {
    let v = values.slice();
    while (v.length > n && v[0]!.kind === 'blank') v = v.slice(1);
    while (v.length > n && v[v.length - 1]!.kind === 'blank') v = v.slice(0, -1);
    if (v.length === n) out.push({ slots: v, kind: 'trimmed' });
    else for (let i = 0; i + n <= v.length && i < 64; i++) out.push({ slots: v.slice(i, i + n), kind: 'trimmed' });
  } else {
    for (const c of placed(values, n)) out.push(c);
  }
  let core = values.slice();
  while (core.length && core[0]!.kind === 'blank') core = core.slice(1);
  while (core.length && core[core.length - 1]!.kind === 'blank') core = core.slice(0, -1);
  // With a fitting count, only a single stray edge cell is suspected (a whole blank block,
  // like table 4's empty 行政复议 columns, is data).
  const strays = values.length === n ? edgeDebris && n - core.length === 1 : true;
  if (strays && core.length > 0 && core.length < n && core.length < values.length) for (const c of placed(core, n)) out.push(c);
  return out;
}

function placed(cells: Tok[], n: number): Candidate[] {
  const out: Candidate[] = [];
  for (const placement of placements(cells.length, n)) {
    const slots: Slot[] = new Array(n).fill(null);
    placement.forEach((col, i) => (slots[col] = cells[i]!));
    out.push({ slots, kind: 'reconstructed' });
  }
  return out;
}

/** Column index sets for k cells in n columns, order-preserving; preferred placement first. */
function placements(k: number, n: number): number[][] {
  const all: number[][] = [];
  const cur: number[] = [];
  const rec = (start: number) => {
    if (all.length >= 4000) return;
    if (cur.length === k) {
      all.push(cur.slice());
      return;
    }
    for (let c = start; c <= n - (k - cur.length); c++) {
      cur.push(c);
      rec(c + 1);
      cur.pop();
    }
  };
  if (k <= n) rec(0);
  // Preferred: a lone cell is the total (last column); otherwise first cell first, rest right-aligned.
  const preferred = k === 1 ? [n - 1] : [0, ...Array.from({ length: k - 1 }, (_, i) => n - (k - 1) + i)];
  const key = preferred.join(',');
  const i = all.findIndex((p) => p.join(',') === key);
  if (i > 0) all.unshift(all.splice(i, 1)[0]!);
  return all;
}

/** A blank first or last cell in a row whose other cells all hold numbers: export debris. */
function edgeArtefact(slots: Slot[]): number {
  const isNum = (x: Slot) => x !== null && x.kind === 'value';
  const rest = (from: number, to: number) => slots.slice(from, to).every((x) => x === null || isNum(x));
  let n = 0;
  const first = slots[0];
  const last = slots[slots.length - 1];
  if (first && first.kind === 'blank' && rest(1, slots.length)) n++;
  if (last && last.kind === 'blank' && rest(0, slots.length - 1)) n++;
  return n;
}

/**
 * One cell per line (a word processor's or a clipboard's text): a row with fewer cells than
 * columns whose lines are parted by extra empty lines reads with an empty cell for each of
 * them — only when that makes the count exactly the template's. `afterLabel`: an extra empty
 * line between the row's label and its first value counts too (not for a row whose first
 * value follows header cells, where empty lines are merged header cells).
 */
export function fillEmptyLines(values: Tok[], n: number, afterLabel: boolean): Tok[] {
  if (values.length >= n || values.length === 0) return values;
  const counted = (i: number) => (i > 0 || afterLabel ? (values[i]!.extraEmptyLines?.count ?? 0) : 0);
  let extra = 0;
  for (let i = 0; i < values.length; i++) extra += counted(i);
  if (extra !== n - values.length) return values;
  const out: Tok[] = [];
  values.forEach((v, i) => {
    for (let k = 0; k < counted(i); k++) out.push({ kind: 'blank', text: '', s: v.extraEmptyLines!.at, e: v.extraEmptyLines!.at, line: v.line });
    out.push(v);
  });
  return out;
}

export interface RowReading {
  /** Distinct numeric readings still possible, most plausible first. */
  options: Candidate[];
}

/**
 * Reduce a row's candidates: keep those satisfying `rowCheck` (when any do), then merge
 * numerically equal ones.
 */
export function readRow(
  values: Tok[],
  n: number,
  rowCheck: ((nums: number[]) => boolean) | null,
  /** Number of total cells left blank while their parts hold numbers (an unlikely reading). */
  suspicious: (slots: Slot[]) => number = () => 0,
  /** The table is known to have lost a column: a blank edge cell is more likely debris. */
  edgeDebris = false,
): RowReading {
  let cands = candidates(values, n, edgeDebris);
  // Values written on a line separated by spaces may have run together (PDF text).
  if (values.length < n && values.length > 0 && values.every((v) => v.spaced)) {
    const glued = glueReadings(values, n);
    if (glued.length > 0) {
      // A digit run with a leading zero (`00`) is no single cell: only cut readings remain.
      if (values.some((v) => !writtenAsOneCell(v.text))) cands = cands.filter((c) => c.slots.every((x) => !x || writtenAsOneCell(x.text)));
      cands = [...cands, ...glued];
    }
  }
  if (rowCheck && cands.length > 1) {
    const ok = cands.filter((c) => {
      const nums = c.slots.map(slotValue);
      return nums.some((x) => Number.isNaN(x)) || rowCheck(nums);
    });
    if (ok.length > 0) cands = ok;
    else {
      // Nothing balances: trust a row whose cell count fits (its total is simply wrong).
      const direct = cands.find((c) => c.kind === 'direct');
      if (direct) cands = [direct];
    }
  }
  // Merge numerically equal readings, keeping the least suspicious, then the earliest.
  const byKey = new Map<string, { c: Candidate; score: number }>();
  for (const c of cands) {
    const k = numericKey(c.slots);
    const score = suspicious(c.slots) + (edgeDebris ? edgeArtefact(c.slots) : 0);
    const prev = byKey.get(k);
    if (!prev || score < prev.score) byKey.set(k, { c, score });
  }
  return { options: [...byKey.values()].map((x) => x.c) };
}

/**
 * Choose one option per ambiguous row so that the table's column equations hold.
 * `rows` maps row id → options; fixed rows have one option. Returns for each row the chosen
 * option, or null when the consistent solutions disagree on that row (unreadable).
 */
export function resolveJointly(
  rows: Map<string, Candidate[]>,
  tableCheck: (values: Map<string, number[]>) => boolean,
  limit = 20000,
): Map<string, Candidate | null> {
  const ids = [...rows.keys()];
  const result = new Map<string, Candidate | null>();
  const ambiguous = ids.filter((id) => rows.get(id)!.length > 1);
  for (const id of ids) if (rows.get(id)!.length === 1) result.set(id, rows.get(id)![0]!);
  if (ambiguous.length === 0) return result;
  let product = 1;
  for (const id of ambiguous) product *= rows.get(id)!.length;
  const consistent: Map<string, Candidate>[] = [];
  const values = new Map<string, number[]>();
  for (const id of ids) if (rows.get(id)!.length === 1) values.set(id, rows.get(id)![0]!.slots.map(slotValue));
  if (product <= limit) {
    const choice: Candidate[] = [];
    const rec = (i: number) => {
      if (i === ambiguous.length) {
        if (tableCheck(values)) consistent.push(new Map(ambiguous.map((id, j) => [id, choice[j]!])));
        return;
      }
      for (const opt of rows.get(ambiguous[i]!)!) {
        choice[i] = opt;
        values.set(ambiguous[i]!, opt.slots.map(slotValue));
        rec(i + 1);
      }
    };
    rec(0);
  }
  for (const id of ambiguous) {
    if (consistent.length === 0) {
      result.set(id, null);
      continue;
    }
    const keys = new Set(consistent.map((m) => numericKey(m.get(id)!.slots)));
    result.set(id, keys.size === 1 ? consistent[0]!.get(id)! : null);
  }
  return result;
}
