// Fix-all: applies every SAFE fix in the spec's order (§3: numbering, row totals, then
// （七）总计, then the table-3 row of （七） again, …), re-checking between phases, because a
// fixed row total changes the sums that later equations see. Returns the final text and
// the minimal edits against the ORIGINAL text (only the changed characters), so an editor
// applies them as one undoable step without replacing the document.

import type { Finding, Fix, TextEdit } from './findings';
import type { CheckOptions } from './options';
import { check } from './check';
import { LineIndex } from './text/lineIndex';

/** Apply non-overlapping edits (later ones that overlap an earlier one are skipped). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.span.start < pos) continue; // overlaps the previous edit
    out += text.slice(pos, e.span.start) + e.newText;
    pos = e.span.end;
  }
  return out + text.slice(pos);
}

export function applyFix(text: string, fix: Fix): string {
  return applyEdits(text, fix.edits);
}

export interface FixAllResult {
  text: string;
  /** Minimal edits against the original text. */
  edits: TextEdit[];
  /** Number of fixes applied. */
  applied: number;
  /** Findings left after the last pass. */
  remaining: Finding[];
}

export function fixAll(original: string, options: CheckOptions = {}, maxPasses = 12): FixAllResult {
  let text = original;
  let applied = 0;
  let findings = check(text, options).findings;
  for (let pass = 0; pass < maxPasses; pass++) {
    const safe = findings.flatMap((f) => f.fixes.filter((x) => x.safe));
    if (safe.length === 0) break;
    const phase = Math.min(...safe.map((x) => x.phase ?? 0));
    const now = safe.filter((x) => (x.phase ?? 0) === phase);
    // One fix may sit on several findings (a localised set: one finding per wrong cell).
    const seen = new Set<string>();
    const edits = now.flatMap((x) => x.edits).filter((e) => {
      const key = `${e.span.start}:${e.span.end}:${e.newText}`;
      return !seen.has(key) && (seen.add(key), true);
    });
    const next = applyEdits(text, edits);
    if (next === text) break;
    text = next;
    applied += new Set(now.map((x) => x.edits.map((e) => `${e.span.start}:${e.span.end}:${e.newText}`).join('|'))).size;
    findings = check(text, options).findings;
  }
  return { text, edits: diffEdits(original, text), applied, remaining: findings };
}

/** Minimal edits turning `a` into `b`: per line when the line structure is unchanged. */
export function diffEdits(a: string, b: string): TextEdit[] {
  if (a === b) return [];
  const la = new LineIndex(a);
  const lb = new LineIndex(b);
  if (la.lineCount === lb.lineCount) {
    const out: TextEdit[] = [];
    for (let i = 0; i < la.lineCount; i++) {
      const sa = la.lineStarts[i]!;
      const ea = la.lineEnd(i);
      const sb = lb.lineStarts[i]!;
      const eb = lb.lineEnd(i);
      const x = a.slice(sa, ea);
      const y = b.slice(sb, eb);
      if (x === y) continue;
      out.push(middle(x, y, sa));
    }
    return out;
  }
  return [middle(a, b, 0)];
}

function middle(x: string, y: string, base: number): TextEdit {
  let p = 0;
  while (p < x.length && p < y.length && x.charCodeAt(p) === y.charCodeAt(p)) p++;
  let s = 0;
  while (s < x.length - p && s < y.length - p && x.charCodeAt(x.length - 1 - s) === y.charCodeAt(y.length - 1 - s)) s++;
  // Never split a surrogate pair.
  if (p > 0 && isHigh(x.charCodeAt(p - 1))) p--;
  if (s > 0 && isLow(x.charCodeAt(x.length - s))) s--;
  return { span: { start: base + p, end: base + x.length - s }, newText: y.slice(p, y.length - s) };
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
