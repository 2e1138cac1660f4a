// SourceDocument → a deterministic text rendering the text reader reads (and an author can keep
// editing): paragraphs one per line with a blank line between, tables as Markdown pipe tables
// (one grid row per line) or TSV. Merged cells are written once, in their top-left slot; the
// other slots they cover stay empty, so no value is ever counted twice. Every rendered paragraph
// and cell keeps a piece: its range in the rendering and where it came from in the source.

import type { SourceDocument, SourceLocation } from './document';

export type RenderFormat = 'markdown' | 'tsv';

export interface Piece {
  /** Range in the rendered text (UTF-16, end exclusive). */
  start: number;
  end: number;
  at: SourceLocation | ((offset: number) => SourceLocation);
  /** For a table cell: 1-based table number, row and column in the grid. */
  cell?: { table: number; row: number; col: number; text: string; origin: boolean };
}

export interface Rendering {
  text: string;
  pieces: Piece[];
}

const escapeMd = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|');

export function renderDocument(doc: SourceDocument, format: RenderFormat = 'markdown'): Rendering {
  let text = '';
  const pieces: Piece[] = [];
  const sep = () => {
    if (text.length > 0) text += text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : '\n\n';
  };
  for (const b of doc.blocks) {
    sep();
    if (b.kind === 'paragraph') {
      // A paragraph's own line breaks stay; Markdown would join them, so end each with a break.
      pieces.push({ start: text.length, end: text.length + b.text.length, at: b.at });
      text += b.text + '\n';
      continue;
    }
    b.rows.forEach((row, r) => {
      if (format === 'markdown') text += '|';
      row.forEach((cell, c) => {
        const shown = cell.origin ? (format === 'markdown' ? escapeMd(cell.text) : cell.text) : '';
        if (format === 'markdown') text += ' ';
        else if (c > 0) text += '\t';
        pieces.push({ start: text.length, end: text.length + shown.length, at: cell.at, cell: { table: b.index, row: r + 1, col: c + 1, text: cell.origin ? cell.text : '', origin: cell.origin } });
        text += shown;
        if (format === 'markdown') text += shown ? ' |' : '|';
      });
      text += '\n';
      if (format === 'markdown' && r === 0) text += '|' + row.map(() => ' --- |').join('') + '\n';
    });
  }
  return { text, pieces };
}

/** The piece holding a rendered offset (binary search; pieces are in order). */
export function pieceAt(pieces: Piece[], offset: number): Piece | null {
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = pieces[mid]!;
    if (offset < p.start) hi = mid - 1;
    else if (offset > p.end) lo = mid + 1;
    else return p;
  }
  return null;
}

/** Where a rendered offset came from in the source. */
export function locate(pieces: Piece[], offset: number): SourceLocation | null {
  const p = pieceAt(pieces, offset);
  if (!p) return null;
  if (typeof p.at !== 'function') return p.cell ? withCell(p.at, p.cell) : p.at;
  const loc = p.at(offset - p.start);
  return p.cell ? withCell(loc, p.cell) : loc;
}

function withCell(loc: SourceLocation, cell: NonNullable<Piece['cell']>): SourceLocation {
  if (loc.kind === 'html') return loc;
  return { ...loc, table: cell.table, row: cell.row, col: cell.col };
}
