// The HTML table model: rows of cells with rowspan/colspan expanded into a rectangular grid.
// Pure and generic over what a cell holds, so every reader of tables with merged cells
// (raw HTML inside Markdown, a web page, a Word document's gridSpan/vMerge) expands spans the
// same way — including what browsers do with odd input: a rowspan never reaches past the
// last row, a cell goes to the first slot of its row not yet covered from above.

export interface SpanCell<T> {
  value: T;
  rowspan: number;
  colspan: number;
}

export interface GridSlot<T> {
  value: T;
  /** The top-left slot of the cell (true for every unmerged cell). */
  origin: boolean;
  /** Offsets of this slot inside its cell: rows below and columns right of the origin. */
  dr: number;
  dc: number;
}

/** Spans larger than this are clamped (a hostile `colspan="100000"`). */
const MAX_SPAN = 1000;

/**
 * Expand `rows` into a grid whose rows all have the same length; slots covered by no cell
 * are `null`. Returns null when the grid would exceed `maxSlots` (not a report's table).
 */
export function expandSpans<T>(rows: SpanCell<T>[][], maxSlots = 100_000): (GridSlot<T> | null)[][] | null {
  const grid: (GridSlot<T> | undefined)[][] = rows.map(() => []);
  let width = 0;
  for (let r = 0; r < rows.length; r++) {
    let c = 0;
    for (const cell of rows[r]!) {
      while (grid[r]![c]) c++;
      const rs = Math.min(Math.max(1, cell.rowspan | 0), MAX_SPAN, rows.length - r);
      const cs = Math.min(Math.max(1, cell.colspan | 0), MAX_SPAN);
      if ((c + cs) * rows.length > maxSlots) return null;
      for (let dr = 0; dr < rs; dr++)
        for (let dc = 0; dc < cs; dc++) grid[r + dr]![c + dc] = { value: cell.value, origin: dr === 0 && dc === 0, dr, dc };
      c += cs;
      width = Math.max(width, c);
    }
  }
  return grid.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? null));
}
