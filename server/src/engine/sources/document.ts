// A structured source (web page, Word document, PDF) read into plain data: paragraph blocks and
// table grids, every piece with where it came from in the source file. Layout only: which grid
// row is which template row is decided later, by the text reader, on the rendering (render.ts).

/** Where a piece of a structured source is, in terms a user can follow in that file. */
export type SourceLocation =
  /** A web page: 1-based line and column (UTF-16) of the text in the .html file. */
  | { kind: 'html'; line: number; column: number }
  /** A Word document: 1-based table, row and column of the grid, or the paragraph outside tables. */
  | { kind: 'docx'; paragraph?: number; table?: number; row?: number; col?: number }
  /** A PDF: 1-based page, plus table, row and column when the text is in a table. */
  | { kind: 'pdf'; page: number; table?: number; row?: number; col?: number };

export type SourceKind = 'html' | 'docx' | 'pdf';

export interface Paragraph {
  kind: 'paragraph';
  /** The text; lines of a paragraph (a `<br>`, a PDF line) are separated by `\n`. */
  text: string;
  /** Location of each UTF-16 unit of `text` (same length), or one location for all. */
  at: SourceLocation | ((offset: number) => SourceLocation);
}

export interface GridCell {
  /** The cell's text on one line (several paragraphs of a cell joined). */
  text: string;
  at: SourceLocation | ((offset: number) => SourceLocation);
  /** True for the top-left slot of a merged cell (and every unmerged cell); false for the
   *  other slots a rowspan/colspan/gridSpan/vMerge covers (their text repeats the origin's). */
  origin: boolean;
}

export interface TableGrid {
  kind: 'table';
  /** 1-based number of the table among the document's tables. */
  index: number;
  /** Rows of equal length: merged cells are expanded into every slot they cover. */
  rows: GridCell[][];
}

export type Block = Paragraph | TableGrid;

export interface SourceDocument {
  source: SourceKind;
  blocks: Block[];
}

/** Why a structured file could not be read (a message for users, zh-CN and English). */
export class SourceError extends Error {
  constructor(readonly userMessage: { zh: string; en: string }) {
    super(userMessage.en);
  }
}

export const sourceError = (zh: string, en: string) => new SourceError({ zh, en });

/** Limits that keep a hostile file from taking unbounded time or memory. */
export const SOURCE_LIMITS = {
  /** Bytes of any structured input (a report is a few hundred KB; a PDF a few MB). */
  maxInputBytes: 32 * 1024 * 1024,
  /** Characters of HTML or of one XML part once unzipped. */
  maxMarkupChars: 16 * 1024 * 1024,
  /** Open elements nested inside each other (browsers stop at a few hundred). */
  maxDepth: 512,
  /** Cells in one table grid (rowspan/colspan can ask for millions). */
  maxGridCells: 100_000,
  /** Pages of a PDF read (a report has a handful; more is not a report). */
  maxPdfPages: 200,
  /** Total bytes unzipped from a .docx. */
  maxUnzippedBytes: 64 * 1024 * 1024,
} as const;

/** Whitespace a reader trims from a cell: ASCII spaces, no-break and ideographic spaces. */
export const TRIM_RE = /^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/g;

/** Join the paragraphs of one cell: nothing between CJK text (`商业`+`企业`), a space otherwise. */
export function joinCellParts(parts: string[]): string {
  let out = '';
  for (const raw of parts) {
    const p = raw.replace(TRIM_RE, '');
    if (!p) continue;
    if (out && /[\x21-\x7e]$/.test(out) && /^[\x21-\x7e]/.test(p)) out += ' ';
    out += p;
  }
  return out;
}
