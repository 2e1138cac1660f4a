// The 勾稽关系 (spec §3) as data. Every equation is `Σ left = Σ right` over cells; a row sum
// (`C7 = C1+…+C6`) and the table-3 balance (`一 + 二 = 三 + 四`) are the same mechanism.
// `target` is the derived cell a fix may rewrite (a total), never a leaf.

import { T3_PART_COLUMNS, T3_TOTAL_COLUMN, T4_GROUP_SIZE, T4_GROUPS, type T3Def } from './templates';
import { columnName, shortLabel, t4GroupName, type TableId } from './vocabulary';

export interface CellRef {
  table: TableId;
  row: string;
  col: string;
}

export interface Equation {
  /** Spec id, e.g. EQ-T3-ROW. */
  id: string;
  /** Diagnostic code the failure is reported under. */
  code: 'row-total' | 'result-total' | 'column-balance' | 'review-total' | 'litigation-total';
  left: CellRef[];
  right: CellRef[];
  /** The total cell (alone on the left) a fix may set; absent for column-balance. */
  target?: CellRef;
  /** Fix-all order (spec §3): row totals, then （七）总计, then table 4. */
  phase: number;
  /** Names for messages: the total and the operands. */
  name: { zh: string; en: string };
}

const T3_COLS = T3_PART_COLUMNS;
const TOTAL = T3_TOTAL_COLUMN;

function t3Equations(def: T3Def): Equation[] {
  const out: Equation[] = [];
  const ref = (row: string, col: string): CellRef => ({ table: 'T3', row, col });
  for (const r of def.rows) {
    if (r.kind === 'group') continue;
    const short = shortLabel(r.label);
    out.push({
      id: 'EQ-T3-ROW',
      code: 'row-total',
      left: [ref(r.id, TOTAL)],
      right: T3_COLS.map((c) => ref(r.id, c)),
      target: ref(r.id, TOTAL),
      phase: r.id === 'R3_7' ? 3 : 1,
      name: { zh: `“${short}”的总计`, en: `total of “${short}”` },
    });
  }
  for (const c of [...T3_COLS, TOTAL]) {
    const cn = columnName('T3', c);
    out.push({
      id: 'EQ-T3-RES',
      code: 'result-total',
      left: [ref('R3_7', c)],
      right: def.leaves.map((l) => ref(l, c)),
      target: ref('R3_7', c),
      phase: 2,
      name: c === TOTAL ? { zh: '（七）总计', en: '(7) total' } : { zh: `（七）总计（${cn.zh}）`, en: `(7) total (${cn.en})` },
    });
  }
  for (const c of [...T3_COLS, TOTAL]) {
    const cn = columnName('T3', c);
    out.push({
      id: 'EQ-T3-BAL',
      code: 'column-balance',
      left: [ref('R1', c), ref('R2', c)],
      right: [ref('R3_7', c), ref('R4', c)],
      phase: 4,
      name: { zh: `${cn.zh}列`, en: `column “${cn.en}”` },
    });
  }
  return out;
}

function t4Equations(): Equation[] {
  const specIds: Record<string, string> = { RV: 'EQ-T4-RV', LD: 'EQ-T4-LD', LR: 'EQ-T4-LR' };
  const parts = Array.from({ length: T4_GROUP_SIZE - 1 }, (_, i) => i + 1);
  return T4_GROUPS.map((g) => {
    const name = t4GroupName(g.id);
    const total = { table: 'T4' as const, row: 'T4', col: `${g.id}${T4_GROUP_SIZE}` };
    return {
      id: specIds[g.id]!,
      code: g.id === 'RV' ? ('review-total' as const) : ('litigation-total' as const),
      left: [total],
      right: parts.map((i) => ({ table: 'T4' as const, row: 'T4', col: `${g.id}${i}` })),
      target: total,
      phase: 1,
      name: { zh: `${name.zh}总计`, en: `${name.en} total` },
    };
  });
}

const cache = new Map<T3Def, Equation[]>();

/** Every equation for a table-3 definition (F2021, F2019, or the one-row （六） variant). */
export function equationsFor(def: T3Def): Equation[] {
  let eqs = cache.get(def);
  if (!eqs) {
    eqs = [...t3Equations(def), ...t4Equations()];
    cache.set(def, eqs);
  }
  return eqs;
}

// ————— the equations as the reader's tests —————
// The reader chooses how a row's cells line up with the columns (and how a run of digits is
// cut) by the table's own arithmetic. These derive those tests from the equations above, so
// the reader checks exactly the relations the rules report.

/** A row's values in column order; NaN where a cell is not a number. */
type RowNumbers = readonly number[];

const refsOf = (e: Equation) => [...e.left, ...e.right];

/**
 * The equations whose cells all lie in one row (`总计 = 自然人 + … + 其他`; table 4's three
 * group totals), as a test of that row's values in `columns` order. A NaN fails the test.
 */
export function rowHolds(eqs: readonly Equation[], table: TableId, row: string, columns: readonly string[]): (nums: RowNumbers) => boolean {
  const at = (r: CellRef) => columns.indexOf(r.col);
  const tests = eqs
    .filter((e) => refsOf(e).every((r) => r.table === table && r.row === row && at(r) >= 0))
    .map((e) => ({ left: e.left.map(at), right: e.right.map(at) }));
  const sum = (nums: RowNumbers, idx: number[]) => idx.reduce((a, i) => a + nums[i]!, 0);
  return (nums) => tests.every((t) => sum(nums, t.left) === sum(nums, t.right));
}

/**
 * The equations that span rows (table 3: （七）总计 = Σ leaves and 一 + 二 = 三 + 四, per column)
 * as a test of the rows read so far, by row id in `columns` order. A relation with a NaN cell
 * is not tested. A row the text does not have counts 0 (exports drop empty rows), except a row
 * that is some equation's total (（七）总计): without it there is nothing to compare against.
 */
export function tableHolds(eqs: readonly Equation[], table: TableId, columns: readonly string[]): (rows: ReadonlyMap<string, RowNumbers>) => boolean {
  const spanning = eqs.filter((e) => refsOf(e).every((r) => r.table === table) && new Set(refsOf(e).map((r) => r.row)).size > 1);
  const totals = new Set(spanning.flatMap((e) => (e.target ? [e.target.row] : [])));
  const tests = spanning.map((e) => ({ left: e.left.map((r) => [r.row, columns.indexOf(r.col)] as const), right: e.right.map((r) => [r.row, columns.indexOf(r.col)] as const) }));
  return (rows) => {
    for (const t of tests) {
      let left = 0;
      let right = 0;
      let known = true;
      for (const [side, refs] of [[1, t.left], [-1, t.right]] as const) {
        for (const [row, col] of refs) {
          const v = rows.get(row);
          if (!v) {
            if (totals.has(row)) known = false;
            continue;
          }
          const x = v[col]!;
          if (Number.isNaN(x)) known = false;
          else if (side === 1) left += x;
          else right += x;
        }
      }
      if (known && left !== right) return false;
    }
    return true;
  };
}
