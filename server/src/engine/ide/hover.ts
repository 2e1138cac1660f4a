// Hover as plain data: on a finding that computed something (a wrong or blank total, a
// balance, a localised wrong cell with its before → after), the findings there; on a table row label, the template label, how the row is
// counted and how its cells were aligned. Markdown in both languages.

import type { Finding, Localized } from '../findings';
import { ROW_NOTES } from '../format/templates';
import type { ReportModel, Span } from '../model';

export interface HoverInfo {
  /** What the hover is about. */
  span: Span;
  markdown: Localized;
}

const both = (f: (l: 'zh' | 'en') => string): Localized => ({ zh: f('zh'), en: f('en') });

export function hoverAt(model: ReportModel, findings: Finding[], offset: number): HoverInfo | null {
  const hits = findings.filter((f) => f.span.start <= offset && offset <= f.span.end && (f.expected !== undefined || f.equation?.operands !== undefined || f.detail));
  const first = hits[0];
  if (first) {
    // A localised error also says what changes (before → after) and why this set (f.detail).
    return {
      span: first.span,
      markdown: both((l) => hits.map((f) => `**${f.code}** — ${f.message[l]}${f.detail ? `\n\n${f.detail[l]}` : ''}`).join('\n\n')),
    };
  }
  for (const t of Object.values(model.tables)) {
    if (!t) continue;
    for (const r of t.rows) {
      if (!r.labelSpan || r.labelSpan.start > offset || offset > r.labelSpan.end || !r.templateLabel) continue;
      const rule = ROW_NOTES[r.id];
      const note = r.alignmentNote;
      return {
        span: r.labelSpan,
        markdown: both(
          (l) => `${l === 'en' ? 'Template label' : '模板标签'}：${r.templateLabel}${rule ? `\n\n${rule[l]}` : ''}${note ? `\n\n${note[l]}` : ''}`,
        ),
      };
    }
  }
  return null;
}
