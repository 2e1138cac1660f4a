// Inlay hints as plain data: the computed value beside a wrong or blank total.

import { computedValue, type Finding, type Localized } from '../findings';

export interface InlayHintInfo {
  /** Where the hint goes (right after the total). */
  offset: number;
  label: string;
  tooltip: Localized;
}

/** Hints for the findings that touch [from, to]. */
export function inlayHints(findings: Finding[], from: number, to: number): InlayHintInfo[] {
  const out: InlayHintInfo[] = [];
  for (const f of findings) {
    const value = computedValue(f);
    if (typeof value !== 'number' || f.span.end < from || f.span.start > to) continue;
    out.push({ offset: f.span.end, label: ` = ${value}`, tooltip: f.message });
  }
  return out;
}
