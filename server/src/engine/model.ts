// The report model: what the reader (engine/reader) produces from a report's text and
// what every rule (engine/rules) reads. Pure data, no behaviour, no editor types.
//
// Positions: every `Span` is a pair of UTF-16 offsets into the ORIGINAL text (the
// string the caller passed in, before any normalisation), exactly what LSP needs after
// a line/character conversion (see text/lineIndex.ts). `end` is exclusive.

import type { SourceKind, SourceLocation } from './sources/document';

export interface Span {
  start: number;
  end: number;
}

/** Which national template the report follows (spec §2.5). */
export type TemplateId = 'F2021' | 'F2019' | 'legacy' | 'unknown';

export interface TemplateInfo {
  /** What the checker applies: the template the tables show, else the one the year implies. */
  id: TemplateId;
  /** Template implied by the report year alone (null when the year is unknown). */
  byYear: TemplateId | null;
  /** Template the table markers show (null when no marker was found). */
  byContent: TemplateId | null;
  /** The marker texts found, with their spans, e.g. `本年制发件数`. */
  markers: { text: string; template: 'F2021' | 'F2019'; span: Span }[];
}

export interface YearInfo {
  value: number;
  span: Span;
  source: 'title' | 'period' | 'majority';
}

export interface TitleInfo {
  text: string;
  span: Span;
  /** Issuing body as written in the title (text before the year), if any. */
  agency: string | null;
}

/** A top-level section heading (一、 … 六、) as found in the text. */
export interface SectionHeading {
  /** 1..6: the section this heading is (by its title), not by its numeral. */
  index: number;
  /** The numeral as written (`二`, `2`, `⼀` …) and where it is. */
  numeral: { raw: string; value: number | null; span: Span };
  /** The separator after the numeral as written (`、`, `.`, `．` …). */
  separator: string;
  /** Numeral, separator and the spaces around them: what a renumbering fix replaces. */
  numberingSpan: Span;
  /** Title text after the separator, as written, and its span. */
  title: { raw: string; span: Span };
  /** Canonical title (spec §1.1), a known variant, an outdated wording, a typo (fuzzy), or
   *  'none': a heading-like line whose title matches no section but repeats the numeral of
   *  the section it sits in (sample 003 `一、工作情况` inside 一) — a duplicate heading. */
  titleMatch: 'canonical' | 'variant' | 'outdated' | 'fuzzy' | 'none';
  /** For 'fuzzy'/'variant'/'outdated': the canonical title it was matched to. */
  canonicalTitle: string;
  /** The whole heading line (without the line break). */
  span: Span;
  /** Line number (0-based) of the heading. */
  line: number;
}

/** A sub-heading inside a section: （一）, (二), 1、 … */
export interface SubHeading {
  label: string;
  span: Span;
  line: number;
}

export interface Section {
  heading: SectionHeading;
  /** From the heading's start to the start of the next top-level heading (or end of text). */
  span: Span;
  subHeadings: SubHeading[];
}

/** How a table was laid out in the text (spec §7.2 and the reader issue). */
export type TableLayout =
  | 'cell-per-line' // A: one cell per line, tab-prefixed
  | 'cell-per-line-blank-separated' // one cell per line, blank lines between, no tabs
  | 'tsv' // B: one row per line, tab-separated
  | 'paragraph-cells' // browser copy of <p> cells: paragraphs between blank lines, lone-TAB lines between cells
  | 'space' // C: PDF text, `label n n n …`
  | 'markdown' // `| a | b |` pipe tables
  | 'pipe-per-line' // one cell per line with a trailing ` |`
  | 'flattened' // `label690000069`: digits without separators
  | 'inline' // the whole report on one line
  | 'html-text' // HTML-to-text, merged cells written once
  | 'mixed'
  | 'unknown';

/**
 * A cell's state:
 * - number: a value was read (`value` is set);
 * - blank: the cell is present and empty (counts as 0 in sums; rules report cell-blank);
 * - invalid: text that is not a valid value (`raw` holds it; rules report cell-value);
 * - absent: the export lost this cell (merged cells) and the reader reconstructed the row
 *   without it; it counts as 0 and has no span;
 * - unreadable: the reader could not tell which value belongs here; equations using it
 *   are suppressed and rules report table-unreadable.
 */
export type CellState = 'number' | 'blank' | 'invalid' | 'absent' | 'unreadable';

export interface Cell {
  /** Column id, e.g. `C1`…`C7` (T3), `RV1`…`LR5` (T4), `MADE`/`VALID`/`DEC`/`AMT` (T2). */
  col: string;
  state: CellState;
  /** The cell's text as written in the original (empty for blank/absent). */
  raw: string;
  /** Parsed value (number state only). Decimals are kept for fee cells. */
  value: number | null;
  /**
   * Where the cell is in the original text. For a blank cell: a zero-length span where a
   * value would be typed (e.g. right after the tab). null when unknown (absent, unreadable).
   */
  span: Span | null;
  /** Structured sources (web page, Word, PDF): where the cell is in the source file. */
  source?: SourceLocation;
}

export interface Row {
  /** Spec row id: `R1`, `R3_3_2`, `R4` (T3); `RV`/`LD`/`LR` (T4 uses one row `T4`);
   *  `REG`, `NORM`, `LIC`, `PEN`, `COE`, `FEE`, … (T2). */
  id: string;
  /** The label as written (joined if wrapped), and its span (first fragment to last). */
  label: string;
  labelSpan: Span | null;
  /** Whether the label matched the template exactly, a known variant, or fuzzily. */
  labelMatch: 'exact' | 'variant' | 'fuzzy';
  /** Template label the row was matched to. */
  templateLabel: string;
  /** Cells by column id, in template column order. */
  cells: Cell[];
  /** How the values were aligned to the columns (spec §7.3 step 4). */
  alignment: 'direct' | 'trimmed' | 'reconstructed' | 'ambiguous';
  /** Why the alignment is not direct, for messages and hover (zh-CN, en). */
  alignmentNote?: { zh: string; en: string };
  /** Structured sources: where the row's label is in the source file. */
  source?: SourceLocation;
}

/** The three tables of a report (二、三、四 by the sections that hold them). */
export type TableId = 'T2' | 'T3' | 'T4';

export interface Table {
  id: TableId;
  /** From the first anchor/header line to the last row read. */
  span: Span;
  layout: TableLayout;
  /** Rows read, in template order (rows not found are listed in `missingRows`). */
  rows: Row[];
  /** Template row ids that are absent from the table. */
  missingRows: string[];
  /** Column header labels seen that differ from the template (for label-variant). */
  headerVariants: { text: string; expected: string; span: Span }[];
  /** Problems the reader could not resolve, each with the text at fault. */
  problems: { span: Span; message: { zh: string; en: string } }[];
  /** T2: which template's columns the table follows (from its header). */
  template?: 'F2021' | 'F2019';
  /** T2: the fee column header as written (for the precision rule). */
  feeHeader?: { text: string; span: Span; fourDecimals: boolean };
}

export interface ReportModel {
  /** The original text (not normalised). Spans index into it. */
  text: string;
  /** True when the text looks like an annual report at all (used by `nianbao.detect`). */
  isReport: boolean;
  template: TemplateInfo;
  year: YearInfo | null;
  title: TitleInfo | null;
  /** Top-level section headings in document order (duplicates and misorders included). */
  sections: Section[];
  tables: { T2?: Table; T3?: Table; T4?: Table };
  /** Set when the text is the rendering of a structured file (engine/sources): its kind. */
  source?: { kind: SourceKind };
}
