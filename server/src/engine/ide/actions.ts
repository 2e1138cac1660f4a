// Code actions as plain data: each finding's fixes, one action for the safe fixes of the
// table under the cursor, and fix-all. An adapter maps `kind` to its own action kinds and
// `finding` to its diagnostic; the edits are spans in the original text.

import type { Finding, Fix, Localized, TextEdit } from '../findings';
import type { FixAllResult } from '../fix';
import type { ReportModel, Span } from '../model';

export interface ActionInfo {
  title: Localized;
  /** `quickfix`: fixes at the cursor; `fixAll`: every safe fix of the document. */
  kind: 'quickfix' | 'fixAll';
  edits: TextEdit[];
  isPreferred?: boolean;
  /** Index (in `findings`) of the finding this action fixes. */
  finding?: number;
}

/** Every safe fix of the document, in the spec's order; null when there is nothing to fix. */
export function fixAllAction(fixed: FixAllResult): ActionInfo | null {
  if (fixed.edits.length === 0) return null;
  return { title: { zh: '修复所有可安全修复的问题（年报助手）', en: 'Fix all safe Nianbao problems' }, kind: 'fixAll', edits: fixed.edits };
}

/**
 * Quick fixes for the range [start, end]: first one action per table under `start` holding
 * two or more safely fixable findings (its fix-all edits, so the order of the spec holds),
 * then each fix of each finding the range touches. `fixAll` is called only when needed
 * (pass the cached result of the document version).
 */
export function quickFixes(model: ReportModel, findings: Finding[], range: Span, fixAll: () => FixAllResult): ActionInfo[] {
  const { start, end } = range;
  const out: ActionInfo[] = [];
  for (const t of Object.values(model.tables)) {
    if (!t || start < t.span.start || start > t.span.end) continue;
    // Distinct safe fixes: one localised fix sits on every wrong cell of its set.
    const inTable = new Set(findings.filter((f) => f.span.start >= t.span.start && f.span.end <= t.span.end).flatMap((f) => f.fixes.filter((x) => x.safe)));
    if (inTable.size < 2) continue;
    const edits = fixAll().edits.filter((e) => e.span.start >= t.span.start && e.span.end <= t.span.end);
    if (edits.length > 1)
      out.push({ title: { zh: `修复此表中的所有合计（${edits.length} 处）`, en: `Fix all totals in this table (${edits.length})` }, kind: 'quickfix', edits });
  }
  const seen = new Set<Fix>();
  findings.forEach((f, i) => {
    if (f.fixes.length === 0 || f.span.end < start || f.span.start > end) return;
    for (const fix of f.fixes) {
      if (seen.has(fix)) continue; // the same fix on two cells of one set: offered once
      seen.add(fix);
      out.push({ title: fix.title, kind: 'quickfix', isPreferred: fix.isPreferred, finding: i, edits: fix.edits });
    }
  });
  return out;
}
