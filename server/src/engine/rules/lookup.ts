// Cell lookup by reference, shared by the rules and the localiser (one index per model).

import type { CellRef } from '../format/equations';
import type { Cell, ReportModel } from '../model';

/**
 * Cells by table, row and column, built once per model (equations look cells up thousands of
 * times per check; nested maps avoid building a key string per lookup).
 */
const cellIndex = new WeakMap<ReportModel, Map<string, Map<string, Map<string, Cell>>>>();
export function cellAt(model: ReportModel, ref: CellRef): Cell | 'no-row' {
  let idx = cellIndex.get(model);
  if (!idx) {
    idx = new Map();
    for (const t of [model.tables.T2, model.tables.T3, model.tables.T4]) {
      if (!t) continue;
      const rows = new Map<string, Map<string, Cell>>();
      for (const r of t.rows) rows.set(r.id, new Map(r.cells.map((c) => [c.col, c])));
      idx.set(t.id, rows);
    }
    cellIndex.set(model, idx);
  }
  return idx.get(ref.table)?.get(ref.row)?.get(ref.col) ?? 'no-row';
}
