// From a report model to the localiser's systems: the relations of format/equations.ts as
// integer equations over the cells, split into independent components (no shared cell), with
// weights from outside evidence. Blank cells count as 0 and may be filled; unreadable and
// invalid cells make their relations unknown (those are left out, the cells never changed);
// absent cells (lost in the export) count as 0 and cannot be edited; a blank total whose
// parts are filled is total-blank's business and its relations are left out too.

import { equationsFor, type CellRef, type Equation } from '../format/equations';
import type { Cell, ReportModel } from '../model';
import type { CheckOptions } from '../options';
import { narrativeClaims } from '../rules/content';
import { t3Def } from '../format/vocabulary';
import { cellAt } from '../rules/lookup';
import { localise, residuals, type Localisation, type LinearSystem } from './search';

interface Evidence {
  kind: 'narrative' | 'carry-over';
  /** The value the evidence states for the cell. */
  value: number;
}

export interface Component {
  table: 'T3' | 'T4';
  cells: Cell[];
  refs: CellRef[];
  /** Relations in the system, in format order. */
  equations: Equation[];
  /** Relations that do not hold now. */
  broken: Equation[];
  evidence: Map<number, Evidence[]>;
  /** The integer system the search ran on (variables are `cells`). */
  system: LinearSystem;
  result: Localisation;
}

/** Extra cost of changing a cell that evidence confirms; discount for setting it to what evidence says. */
const CONFIRMED_WEIGHT = 1;
const SUSPECT_DISCOUNT = 0.5;
/** A cell that relations which hold now agree on is a little dearer to change. */
const HOLDING_WEIGHT = 0.1;

const cache = new WeakMap<ReportModel, Component[]>();

/** The localisation of every table of the model that has broken relations (computed once per model). */
export function localiseModel(model: ReportModel, options: CheckOptions = {}): Component[] {
  let out = cache.get(model);
  if (!out) {
    out = build(model, options);
    cache.set(model, out);
  }
  return out;
}

function included(model: ReportModel, eq: Equation): Cell[] | null {
  const cells: Cell[] = [];
  for (const ref of [...eq.left, ...eq.right]) {
    const c = cellAt(model, ref);
    if (c === 'no-row' || c.state === 'invalid' || c.state === 'unreadable') return null;
    cells.push(c);
  }
  if (eq.target) {
    const target = cells[0]!;
    const partsFilled = cells.slice(1).some((c) => c.state === 'number' && c.value !== 0);
    // The export lost the total's cell: nothing to compare against.
    if (target.state === 'absent' && partsFilled) return null;
  }
  return cells;
}

function build(model: ReportModel, options: CheckOptions): Component[] {
  if (model.template.id === 'legacy') return [];
  const eqs = equationsFor(t3Def(model));
  // Blank totals whose parts are filled: reported as total-blank; relations using them are unknown.
  const blankTotals = new Set<Cell>();
  const withCells = eqs.map((eq) => ({ eq, cells: included(model, eq) }));
  for (const { eq, cells } of withCells) {
    if (eq.target && cells && cells[0]!.state === 'blank' && cells.slice(1).some((c) => c.state === 'number')) blankTotals.add(cells[0]!);
  }
  const rows: { eq: Equation; cells: Cell[] }[] = [];
  for (const { eq, cells } of withCells) {
    if (!cells || cells.some((c) => blankTotals.has(c))) continue;
    rows.push({ eq, cells });
  }
  // A consistent table (the usual case, on every keystroke) has nothing to localise.
  const value = (c: Cell) => (c.state === 'number' ? c.value! : 0);
  const holds = ({ eq, cells: cs }: { eq: Equation; cells: Cell[] }) => {
    let r = 0;
    for (let i = 0; i < cs.length; i++) r += i < eq.left.length ? value(cs[i]!) : -value(cs[i]!);
    return r === 0;
  };
  if (rows.every(holds)) return [];
  // Variables and components (union–find over cells shared by relations).
  const { index, cells } = numberCells(rows);
  const parent = cells.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (const { cells: cs } of rows) for (const c of cs.slice(1)) parent[find(index.get(c)!)] = find(index.get(cs[0]!)!);

  // Evidence (narrative, last year) is read only when some relation fails: most checks are of
  // consistent tables, and reading the prose for nothing is a fixed cost on every keystroke.
  let evidence: Map<Cell, Evidence[]> | null = null;
  const out: Component[] = [];
  const groups = new Map<number, { eq: Equation; cells: Cell[] }[]>();
  for (const row of rows) {
    const g = find(index.get(row.cells[0]!)!);
    if (!groups.has(g)) groups.set(g, []);
    groups.get(g)!.push(row);
  }
  for (const group of groups.values()) {
    const { index: local, cells: cs, refs: rs } = numberCells(group);
    const values = cs.map(value);
    const equations = group.map(({ eq, cells: ec }) => [
      ...eq.left.map((_, i) => ({ v: local.get(ec[i]!)!, coef: 1 })),
      ...eq.right.map((_, i) => ({ v: local.get(ec[eq.left.length + i]!)!, coef: -1 })),
    ]);
    const sysBase = { values, equations, changeable: cs.map((c) => (c.state === 'number' || c.state === 'blank') && !!c.span) };
    const r = residuals({ ...sysBase });
    if (r.every((x) => x === 0)) continue;
    const ev = new Map<number, Evidence[]>();
    cs.forEach((c, i) => {
      const e = (evidence ??= evidenceFor(model, options)).get(c);
      if (e) ev.set(i, e);
    });
    const holding = cs.map(() => 0);
    equations.forEach((eq, i) => {
      if (r[i] === 0) for (const t of eq) holding[t.v]!++;
    });
    const sys: LinearSystem = {
      ...sysBase,
      weight: (v, to) => {
        let w = 1 + HOLDING_WEIGHT * holding[v]!;
        for (const e of ev.get(v) ?? []) {
          if (e.value === values[v]) w += CONFIRMED_WEIGHT;
          else if (e.value === to) w -= SUSPECT_DISCOUNT;
        }
        return w;
      },
    };
    out.push({
      table: rs[0]!.table === 'T4' ? 'T4' : 'T3',
      cells: cs,
      refs: rs,
      equations: group.map((g) => g.eq),
      broken: group.filter((_, i) => r[i] !== 0).map((g) => g.eq),
      evidence: ev,
      system: sys,
      result: localise(sys),
    });
  }
  return out;
}

/** The distinct cells of some relations, numbered in order of first use, each with the reference it was found by. */
function numberCells(rows: { eq: Equation; cells: Cell[] }[]): { index: Map<Cell, number>; cells: Cell[]; refs: CellRef[] } {
  const index = new Map<Cell, number>();
  const cells: Cell[] = [];
  const refs: CellRef[] = [];
  for (const { eq, cells: cs } of rows) {
    [...eq.left, ...eq.right].forEach((ref, i) => {
      const c = cs[i]!;
      if (!index.has(c)) {
        index.set(c, cells.length);
        cells.push(c);
        refs.push(ref);
      }
    });
  }
  return { index, cells, refs };
}

/** What outside the tables says a cell's value is: the narrative, and last year's 结转下年度 for 上年结转. */
function evidenceFor(model: ReportModel, options: CheckOptions): Map<Cell, Evidence[]> {
  const out = new Map<Cell, Evidence[]>();
  const add = (c: Cell, e: Evidence) => {
    if (!out.has(c)) out.set(c, []);
    out.get(c)!.push(e);
  };
  for (const claim of narrativeClaims(model)) if (claim.cell) add(claim.cell, { kind: 'narrative', value: claim.value });
  const prev = options.previous?.model;
  if (prev && model.tables.T3 && prev.tables.T3)
    for (const col of ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7']) {
      const mine = cellAt(model, { table: 'T3', row: 'R2', col });
      const theirs = cellAt(prev, { table: 'T3', row: 'R4', col });
      if (mine === 'no-row' || theirs === 'no-row') continue;
      const v = theirs.state === 'number' ? theirs.value : theirs.state === 'blank' ? 0 : null;
      if (v !== null) add(mine, { kind: 'carry-over', value: v });
    }
  return out;
}
