// Table 2 flattened into one line (a page's text with every cell run together):
// `规章000行政规范性文件6233440第二十条第(五)项…行政许可12502`. The line is cut at the row
// labels; each label's digit run is its row's values, still run together. Whether the run can
// be cut into the row's cells is decided by the row reader: only where the cut is forced (one
// digit per cell, or a single cell) or unique under the row's own arithmetic; otherwise the
// row is unreadable — never a guessed cut.

import type { Tok } from '../cells';

/** Digit runs that still hold several cells run together. */
export const RUN_TOGETHER = new WeakSet<Tok>();

/**
 * Cut a text token holding at least two `label digits` pairs into label and value tokens.
 * `labels`: the template's row labels (longest first wins where one contains another).
 */
export function splitFlatLine(tok: Tok, labels: string[]): Tok[] | null {
  const alternatives = [...labels].sort((a, b) => b.length - a.length).map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(`(${alternatives.join('|')})(\\d+(?:\\.\\d+)?)`, 'g');
  const out: Tok[] = [];
  let pairs = 0;
  for (const m of tok.text.matchAll(re)) {
    const s = tok.s + m.index!;
    const ls = s + m[1]!.length;
    out.push({ kind: 'text', text: m[1]!, s, e: ls, line: tok.line });
    const value: Tok = { kind: 'value', text: m[2]!, s: ls, e: ls + m[2]!.length, line: tok.line };
    RUN_TOGETHER.add(value);
    out.push(value);
    pairs++;
  }
  return pairs >= 2 ? out : null;
}
