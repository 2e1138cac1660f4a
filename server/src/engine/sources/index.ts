// Structured sources → the report model. Each reader (html, docx, pdf) turns bytes into a
// SourceDocument (paragraphs and table grids); the document is rendered to a deterministic text
// (render.ts) that the one text reader reads, so one template mapping serves every source.
// Then every cell the reader took is checked against the grid cell it came from: a value that
// differs from the grid, or a value the reader dropped, becomes `unreadable` (never a guess);
// and every cell and row gets its location in the source file.
//
// Pure: bytes or strings in, data out. Readers are imported on first use (dynamic import), so
// a bundle that never reads a PDF never evaluates pdf.js.

import type { Cell, ReportModel } from '../model';
import { parseNumber } from '../reader/align';
import { parseReport } from '../reader/parse';
import { sourceError, type SourceDocument, type SourceKind, type SourceLocation } from './document';
import { locate, pieceAt, renderDocument, type Piece, type RenderFormat, type Rendering } from './render';

export * from './document';
export { locate, pieceAt, renderDocument, type Piece, type RenderFormat, type Rendering } from './render';
export { describeLocation } from './describe';
export { sourceKindOf, SOURCE_EXTENSIONS } from './kind';
import type { CMapSource } from './pdf';
export type { CMapSource };

export interface SourceReport {
  kind: SourceKind;
  document: SourceDocument;
  rendering: Rendering;
  /** Read from `rendering.text`; spans index into it; cells carry `source` locations. */
  model: ReportModel;
}

/** Read a structured document (no model yet). HTML bytes are decoded by their declared charset. */
/** What a reader may need from its environment: Adobe's CMaps for PDFs with unembedded Chinese fonts. */
export interface SourceOptions {
  cmaps?: CMapSource;
}

export async function readDocument(kind: SourceKind, bytes: Uint8Array, options: SourceOptions = {}): Promise<SourceDocument> {
  switch (kind) {
    case 'html': {
      const { readHtml, decodeHtml } = await import('./html');
      return readHtml(decodeHtml(bytes));
    }
    case 'docx': {
      const { readDocx } = await import('./docx');
      return readDocx(bytes);
    }
    case 'pdf': {
      const { readPdf } = await import('./pdf');
      return readPdf(bytes, { cmaps: options.cmaps });
    }
  }
}

/** Read a structured document and its report model. Throws SourceError with a user message. */
export async function readSource(kind: SourceKind, bytes: Uint8Array, format: RenderFormat = 'markdown', options: SourceOptions = {}): Promise<SourceReport> {
  const document = await readDocument(kind, bytes, options);
  return fromDocument(document, format);
}

export function fromDocument(document: SourceDocument, format: RenderFormat = 'markdown'): SourceReport {
  if (!document.blocks.some((b) => b.kind === 'table' || b.text.trim()))
    throw sourceError('文件中没有可读的文字（可能是扫描件或空文件）', 'no readable text in the file (a scan or an empty file?)');
  const rendering = renderDocument(document, format);
  const model = parseReport(rendering.text);
  verifyAgainstGrid(model, rendering.pieces);
  model.source = { kind: document.source };
  return { kind: document.source, document, rendering, model };
}

const squashCell = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, '').replace(/\\\|/g, '|');

/**
 * Every cell read must be exactly its grid cell's text; a row whose grid row has a value no
 * cell took lost a value. Cells get `source`, rows their label's location.
 */
export function verifyAgainstGrid(model: ReportModel, pieces: Piece[]): void {
  for (const table of Object.values(model.tables)) {
    if (!table) continue;
    for (const row of table.rows) {
      const labelPiece = row.labelSpan ? pieceAt(pieces, row.labelSpan.start) : null;
      if (row.labelSpan) row.source = locate(pieces, row.labelSpan.start) ?? undefined;
      const used = new Set<Piece>();
      if (labelPiece) used.add(labelPiece);
      for (const cell of row.cells) {
        if (!cell.span) continue;
        const p = pieceAt(pieces, cell.span.start);
        if (!p) continue;
        used.add(p);
        cell.source = locate(pieces, cell.span.start) ?? undefined;
        if (!p.cell) continue;
        if (cell.span.end > p.end || squashCell(cell.raw) !== squashCell(p.cell.text)) markUnreadable(cell, table.problems, p);
      }
      // Values of this grid row that no cell took (the text reader reconstructed around them).
      const absent = row.cells.filter((c) => c.state === 'absent');
      if (!absent.length || !labelPiece?.cell) continue;
      const { table: ti, row: ri, col: ci } = labelPiece.cell;
      const lost = pieces.filter((p) => p.cell && p.cell.table === ti && p.cell.row === ri && p.cell.col > ci && p.cell.origin && p.cell.text.trim() && !used.has(p) && !isLabelText(p.cell.text));
      if (!lost.length) continue;
      // Text that is not a number (`减12`, `38518699.09元`) is the written value of a dropped cell;
      // a dropped number means the reading is unsure.
      if (lost.length === absent.length && lost.every((p) => parseNumber(squashCell(p.cell!.text)) === null)) {
        absent.forEach((c, k) => {
          const p = lost[k]!;
          c.state = 'invalid';
          c.raw = model.text.slice(p.start, p.end);
          c.span = { start: p.start, end: p.end };
          c.source = locate(pieces, p.start) ?? undefined;
        });
      } else for (const c of absent) markUnreadable(c, table.problems, lost[0]!);
    }
  }
}

/** Grid text that labels a row rather than holding a value (a second label column). */
function isLabelText(s: string): boolean {
  return /^[（(]?[一二三四五六七八九十]/.test(s.trim());
}

function markUnreadable(cell: Cell, problems: { span: { start: number; end: number }; message: { zh: string; en: string } }[], p: Piece) {
  cell.state = 'unreadable';
  cell.value = null;
  problems.push({
    span: { start: p.start, end: p.end },
    message: { zh: '读出的值与表格单元格不一致，未采用', en: 'the value read differs from the table cell; not used' },
  });
}

export type { SourceLocation };
