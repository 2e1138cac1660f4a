// A table written as a full grid, one row per line — a pipe table whose merged cells became
// empty cells (pandoc), a spreadsheet's tab-separated copy, an HTML table expanded
// (html-tables.ts): when most rows have the same number of cells, a column is a position, and
// a row's values are its last cells. Empty cells then stay in their columns instead of being
// told apart from the empty slots of a merged label by guessing.

import type { Tok } from '../cells';

export interface GridLines {
  /** The number of cells most rows have. */
  width: number;
  /** The cells of each line (by line number) that has exactly `width` cells. */
  rows: Map<number, Tok[]>;
}

/** The grid of a line-based region (markdown, tsv), or null when its rows are ragged. */
export function gridLines(toks: Tok[]): GridLines | null {
  const byLine = new Map<number, Tok[]>();
  for (const t of toks) {
    const row = byLine.get(t.line);
    if (row) row.push(t);
    else byLine.set(t.line, [t]);
  }
  const freq = new Map<number, number>();
  for (const cells of byLine.values()) if (cells.length >= 2) freq.set(cells.length, (freq.get(cells.length) ?? 0) + 1);
  let width = 0;
  let best = 0;
  for (const [w, n] of freq) if (n > best || (n === best && w > width)) [width, best] = [w, n];
  // Most rows, not a few: a grid is a grid throughout.
  let lines = 0;
  for (const n of freq.values()) lines += n;
  if (best * 2 < lines) return null;
  const rows = new Map<number, Tok[]>();
  for (const [line, cells] of byLine) if (cells.length === width) rows.set(line, cells);
  return { width, rows };
}

/**
 * A row's values by position: the last `n` cells of its line, when the line is a full grid
 * row and its label sits in a column before them. Otherwise null (read as a sequence).
 */
export function positionalValues(grid: GridLines | null, label: Tok, n: number): Tok[] | null {
  if (!grid || grid.width < n + 1) return null;
  const cells = grid.rows.get(label.line);
  if (!cells) return null;
  const at = cells.indexOf(label);
  if (at < 0 || at >= grid.width - n) return null;
  const values = cells.slice(grid.width - n);
  return values.some((c) => c.kind === 'text') ? null : values;
}
