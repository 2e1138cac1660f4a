// The 勾稽关系 (spec §3) as data. Every equation is `Σ left = Σ right` over cells; a row sum
// (`C7 = C1+…+C6`) and the table-3 balance (`一 + 二 = 三 + 四`) are the same mechanism.
// `target` is the derived cell a fix may rewrite (a total), never a leaf.

import { TEMPLATES, T3_F2021_ONE_OTHER_ROW, type T3Def } from './templates';

export interface CellRef {
  table: 'T2' | 'T3' | 'T4';
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

const T3_COLS = ['C1', 'C2', 'C3', 'C4', 'C5', 'C6'];
const COL_NAMES: Record<string, [string, string]> = {
  C1: ['自然人', 'natural persons'],
  C2: ['商业企业', 'businesses'],
  C3: ['科研机构', 'research institutions'],
  C4: ['社会公益组织', 'public-interest organisations'],
  C5: ['法律服务机构', 'legal service institutions'],
  C6: ['其他', 'others'],
  C7: ['总计', 'total'],
};

export function t3ColumnName(col: string): { zh: string; en: string } {
  const n = COL_NAMES[col] ?? [col, col];
  return { zh: n[0], en: n[1] };
}

function t3Equations(def: T3Def): Equation[] {
  const out: Equation[] = [];
  const ref = (row: string, col: string): CellRef => ({ table: 'T3', row, col });
  for (const r of def.rows) {
    if (r.kind === 'group') continue;
    const short = r.label.replace(/（区分处理的，只计这一情形，不计其他情形）/, '');
    out.push({
      id: 'EQ-T3-ROW',
      code: 'row-total',
      left: [ref(r.id, 'C7')],
      right: T3_COLS.map((c) => ref(r.id, c)),
      target: ref(r.id, 'C7'),
      phase: r.id === 'R3_7' ? 3 : 1,
      name: { zh: `“${short}”的总计`, en: `total of “${short}”` },
    });
  }
  for (const c of [...T3_COLS, 'C7']) {
    const cn = t3ColumnName(c);
    out.push({
      id: 'EQ-T3-RES',
      code: 'result-total',
      left: [ref('R3_7', c)],
      right: def.leaves.map((l) => ref(l, c)),
      target: ref('R3_7', c),
      phase: 2,
      name: c === 'C7' ? { zh: '（七）总计', en: '(7) total' } : { zh: `（七）总计（${cn.zh}）`, en: `(7) total (${cn.en})` },
    });
  }
  for (const c of [...T3_COLS, 'C7']) {
    const cn = t3ColumnName(c);
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
  const groups: [string, Equation['code'], string, string, string][] = [
    ['RV', 'review-total', 'EQ-T4-RV', '行政复议', 'administrative review'],
    ['LD', 'litigation-total', 'EQ-T4-LD', '行政诉讼（未经复议直接起诉）', 'litigation (direct)'],
    ['LR', 'litigation-total', 'EQ-T4-LR', '行政诉讼（复议后起诉）', 'litigation (after review)'],
  ];
  return groups.map(([g, code, id, zh, en]) => ({
    id,
    code,
    left: [{ table: 'T4', row: 'T4', col: `${g}5` }],
    right: [1, 2, 3, 4].map((i) => ({ table: 'T4' as const, row: 'T4', col: `${g}${i}` })),
    target: { table: 'T4', row: 'T4', col: `${g}5` },
    phase: 1,
    name: { zh: `${zh}总计`, en: `${en} total` },
  }));
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

export const T3_DEFS = { F2021: TEMPLATES.F2021.T3, F2019: TEMPLATES.F2019.T3, F2021_ONE_OTHER: T3_F2021_ONE_OTHER_ROW };
