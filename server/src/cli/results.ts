// One checked file, as every formatter sees it.

import { describeLocation, LineIndex, locate, localize, type Finding, type Locale, type Position, type ReportModel, type SourceLocation } from '../engine';
import type { EncodingName } from '../node/decode';
import type { StructuredSource } from './load';
import { isFixable } from './fixer';

export interface FileResult {
  display: string;
  abs: string | null;
  text: string;
  encoding: EncodingName;
  /** Invalid byte sequences met while decoding (each a U+FFFD in the text; --fix refuses to write). */
  invalid: number;
  model: ReportModel;
  findings: Finding[];
  lines: LineIndex;
  /** Display path of the report used for carry-over, if any. */
  previous: string | null;
  /** Web page, Word or PDF: `text` is its rendering; findings are located in the source file. */
  source?: StructuredSource;
}

/** Where an offset of the checked text is in the source file (structured sources only). */
export function sourceLocationOf(r: FileResult, offset: number): SourceLocation | null {
  return r.source ? locate(r.source.pieces, offset) : null;
}

/** The position users follow: `line:col` of a text file or web page; table/row/col in Word;
 *  page (and table/row/col) in a PDF. */
export function positionLabel(r: FileResult, offset: number, lang: Locale): string {
  const loc = sourceLocationOf(r, offset);
  if (loc) return localize(describeLocation(loc), lang);
  const p = r.lines.positionAt(offset);
  return `${p.line + 1}:${p.character + 1}`;
}

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
}

export function countFindings(findings: Finding[]): Counts {
  const c: Counts = { errors: 0, warnings: 0, infos: 0, hints: 0 };
  for (const f of findings) {
    if (f.severity === 'error') c.errors++;
    else if (f.severity === 'warning') c.warnings++;
    else if (f.severity === 'info') c.infos++;
    else c.hints++;
  }
  return c;
}

interface JsonRange {
  start: Position;
  end: Position;
}

function rangeOf(r: FileResult, span: { start: number; end: number }): JsonRange {
  return { start: r.lines.positionAt(span.start), end: r.lines.positionAt(span.end) };
}

/** The stable JSON contract (version 1), documented in docs/cli.md. */
function jsonFinding(r: FileResult, f: Finding, lang: Locale) {
  const out: Record<string, unknown> = {
    code: f.code,
    severity: f.severity,
    message: localize(f.message, lang),
    range: rangeOf(r, f.span),
  };
  // For a web page, Word or PDF file `range` is in its text rendering (`nianbao convert`);
  // `location` is where the finding is in the file itself.
  const loc = sourceLocationOf(r, f.span.start);
  if (loc) out.location = loc;
  if (f.expected !== undefined) out.expected = f.expected;
  if (f.actual !== undefined) out.actual = f.actual;
  out.fixable = isFixable(f);
  return out;
}

export function jsonFile(r: FileResult, lang: Locale) {
  return {
    path: r.display,
    ...(r.source ? { source: r.source.kind } : {}),
    template: r.model.template.id,
    year: r.model.year?.value ?? null,
    agency: r.model.title?.agency ?? null,
    findings: r.findings.map((f) => jsonFinding(r, f, lang)),
  };
}
