// Findings and fixes: what the rules produce and the adapters (LSP server, CLI) show.
// Fixes are data (text edits on the original text); the adapters only apply them.

import type { Span, TableId } from './model';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
/** A severity or `off`, as set by users in settings / .nianbaorc.json / --rule. */
export type SeveritySetting = Severity | 'off';

/** A message in both languages; the adapter picks one by the user's locale. */
export interface Localized {
  zh: string;
  en: string;
}

export type Locale = 'zh-CN' | 'en';

export function localize(m: Localized, locale: Locale): string {
  return locale === 'en' ? m.en : m.zh;
}

export interface TextEdit {
  span: Span;
  newText: string;
}

export interface Fix {
  title: Localized;
  edits: TextEdit[];
  /** The one obvious fix for the finding (LSP `isPreferred`). */
  isPreferred: boolean;
  /**
   * Safe fixes are applied by fix-all (`source.fixAll.nianbao`, `nianbao check --fix`).
   * A fix is safe when it is unambiguous: it edits only derived cells or wording, or it is
   * the unique minimal change that makes every relation of a table hold (localise/).
   */
  safe: boolean;
  /** Fix-all applies fixes by ascending phase (spec §3 order: row totals, then （七）总计, then T4…). */
  phase?: number;
}

export interface RelatedLocation {
  span: Span;
  message: Localized;
  /** Another document (e.g. last year's report for carry-over), as a path or URI. */
  uri?: string;
}

export interface Finding {
  /** Stable diagnostic code (spec §9), e.g. `row-total`. */
  code: string;
  severity: Severity;
  span: Span;
  message: Localized;
  /** For arithmetic findings: the value computed from the operands and the value written. */
  expected?: number | string;
  actual?: number | string;
  related: RelatedLocation[];
  fixes: Fix[];
  /** What the finding is about in the report's structure (the preview places it by this). */
  location?: FindingLocation;
  /** For arithmetic findings: the equation that fails (spec id) and its operands as written. */
  equation?: { id: string; operands?: string };
  /** For findings of error localisation (engine/localise): what was found. */
  localisation?: FindingLocalisation;
  /** Longer explanation for hover (a localised error: before → after, and why this set). */
  detail?: Localized;
}

/** A cell a localised fix changes, by its place in the template. */
export interface CellChange {
  table: TableId;
  row: string;
  col: string;
  from: number;
  to: number;
}

export interface FindingLocalisation {
  /** unique: this cell is one of the one smallest change; tie: several equally small changes fit; too-many: past the search bound. */
  outcome: 'unique' | 'tie' | 'too-many';
  /** Every relation the finding covers (the ones its cell breaks, or that fail at this total). */
  relations: { equation: string; code: string }[];
  /** unique: every cell the one fix changes. */
  set?: CellChange[];
  /** tie: each equally small change. */
  candidates?: CellChange[][];
}

/**
 * Where a finding sits in the report's structure, beyond its span: a section, a table (and
 * some of its rows), one row, or cells of one row (by column id).
 */
export type FindingLocation =
  | { kind: 'section'; section: number }
  | { kind: 'table'; table: TableId; rows?: string[] }
  | { kind: 'row'; table: TableId; row: string }
  | { kind: 'cells'; table: TableId; row: string; cols: string[] };

/** Codes whose `expected` is the value the flagged cell should hold (a wrong or blank total). */
const COMPUTED_VALUE_CODES = new Set(['row-total', 'result-total', 'review-total', 'litigation-total', 'total-blank']);

/** The value the flagged cell should hold, for findings that know it (shown beside the cell). */
export function computedValue(f: Pick<Finding, 'code' | 'expected'>): number | string | undefined {
  return COMPUTED_VALUE_CODES.has(f.code) ? f.expected : undefined;
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/** Findings in document order, then by severity and code; exact duplicates removed. */
export function sortFindings(findings: Finding[]): Finding[] {
  const sorted = [...findings].sort(
    (a, b) =>
      a.span.start - b.span.start ||
      a.span.end - b.span.end ||
      severityRank[a.severity] - severityRank[b.severity] ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
      (a.message.en < b.message.en ? -1 : a.message.en > b.message.en ? 1 : 0),
  );
  const out: Finding[] = [];
  for (const f of sorted) {
    const prev = out[out.length - 1];
    if (
      prev &&
      prev.code === f.code &&
      prev.span.start === f.span.start &&
      prev.span.end === f.span.end &&
      prev.message.en === f.message.en
    )
      continue;
    out.push(f);
  }
  return out;
}
