// Cell lookup by reference, shared by the rules and the localiser (one index per model).

import type { CellRef } from '../format/equations';
import type { Cell, ReportModel } from '../model';

/** Cells by `table.row.col`, built once per model (equations look cells up thousands of times). */
const cellIndex = new WeakMap<ReportModel, Map<string, Cell>>();
export function cellAt(model: ReportModel, ref: CellRef): Cell | 'no-row' {
  let idx = cellIndex.get(model);
  if (!idx) {
    idx = new Map();
    for (const t of [model.tables.T2, model.tables.T3, model.tables.T4]) {
      if (!t) continue;
      for (const r of t.rows) for (const c of r.cells) idx.set(`${t.id}.${r.id}.${c.col}`, c);
    }
    cellIndex.set(model, idx);
  }
  return idx.get(`${ref.table}.${ref.row}.${ref.col}`) ?? 'no-row';
}
