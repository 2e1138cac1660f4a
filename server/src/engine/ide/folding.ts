// Folding ranges as plain data: each section and each table, by lines.

import type { ReportModel } from '../model';
import type { LineIndex } from '../text/lineIndex';

export interface FoldingRange {
  startLine: number;
  endLine: number;
}

/** Sections first, then tables; only ranges that span more than one line. */
export function foldingRanges(model: ReportModel, lines: LineIndex): FoldingRange[] {
  const out: FoldingRange[] = [];
  const add = (start: number, last: number) => {
    const startLine = lines.lineAt(start);
    const endLine = lines.lineAt(last);
    if (endLine > startLine) out.push({ startLine, endLine });
  };
  // A range ends on the line of its last character (the span's end is exclusive).
  for (const s of model.sections) add(s.heading.span.start, Math.max(s.span.start, s.span.end - 1));
  for (const t of Object.values(model.tables)) if (t) add(t.span.start, Math.max(t.span.start, t.span.end - 1));
  return out;
}
