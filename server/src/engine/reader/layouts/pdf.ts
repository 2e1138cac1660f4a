// Reading rules for the text layer of a PDF (pdftotext -layout / -raw; spec §1.3, §7.4):
// rows are lines of text, so a long label wraps onto the next lines — before or after the
// row's values, sometimes cutting the values too — cells written less than a space apart run
// together into one number, and a label may run into its first value. Each rule only offers
// readings; the row's arithmetic and the table's equations decide (align.ts), and what they
// cannot decide stays unreadable. Page headers and footers are removed before any reading
// (text/chrome.ts).

import type { Candidate } from '../align';
import type { Tok } from '../cells';

// ————— wrapped labels (used by the table-3 row assembly in tables.ts) —————

/**
 * A row closed at the end of its values' line, still short of values, and the label part
 * toks[i] is followed by values on its own line: the wrap cut the row's values too.
 */
export function resumesOnLine(p: { closedAtRowEnd?: boolean; values: Tok[] }, toks: Tok[], i: number, columns: number): boolean {
  const next = toks[i + 1];
  return p.closedAtRowEnd === true && p.values.length > 0 && p.values.length < columns && !!next && next.kind !== 'text' && next.line === toks[i]!.line;
}

/** The next text token after toks[i]. */
export function nextText(toks: Tok[], i: number): Tok | null {
  for (let j = i + 1; j < toks.length; j++) if (toks[j]!.kind === 'text') return toks[j]!;
  return null;
}

// ————— a label run into its first value (table 2) —————

/**
 * A label run into its first value, the space lost (`行政规范性文件15 6 21`, `行政事业性收费0`
 * in PDF text): the number the label ends in is the row's first cell when that completes the
 * row; with other cells missing too, which digits belong where is not known.
 */
export function splitGluedLabel(label: Tok, values: Tok[], n: number): { label: Tok; values: Tok[] } | null {
  const m = /(?:^|[^\d.,])(\d+(?:\.\d+)?)$/.exec(label.text);
  if (!m || values.length + 1 !== n || values.some((v) => v.kind !== 'value')) return null;
  const num = m[1]!;
  const head = label.text.slice(0, label.text.length - num.length).trimEnd();
  if (head.length === 0) return null;
  const at = label.e - num.length;
  return {
    label: { ...label, text: head, e: label.s + head.length },
    values: [{ kind: 'value', text: num, s: at, e: label.e, line: label.line }, ...values],
  };
}

// ————— cells run together —————

/** A number as written in one cell: no leading zero (`0`, `12`, `0.5`; not `00`, `05`). */
export function writtenAsOneCell(text: string): boolean {
  return !/^0\d/.test(text);
}

/**
 * Readings of a row whose neighbouring cells ran together into one digit run: a PDF text
 * extractor writes two values less than a space apart as one number (`20` for 2 | 0). Each
 * digit run may be cut into cells written as numbers (no leading zero) until the row has
 * `n` cells. Whether any such reading is taken is left to the row's arithmetic.
 */
export function glueReadings(values: Tok[], n: number, limit = 500): Candidate[] {
  const need = n - values.length;
  if (need <= 0 || need > 3) return [];
  const out: Candidate[] = [];
  const acc: Tok[] = [];
  const rec = (i: number, left: number) => {
    if (out.length >= limit) return;
    if (i === values.length) {
      if (left === 0) out.push({ slots: acc.slice(), kind: 'reconstructed' });
      return;
    }
    const t = values[i]!;
    if (writtenAsOneCell(t.text)) {
      acc.push(t);
      rec(i + 1, left);
      acc.pop();
    }
    if (left === 0 || t.kind !== 'value' || !/^\d{2,}$/.test(t.text)) return;
    // Cut the run into 2 … left+1 parts, each written as a number.
    const parts: Tok[] = [];
    const cut = (pos: number, cutsLeft: number) => {
      for (let end = pos + 1; end <= t.text.length; end++) {
        const piece = t.text.slice(pos, end);
        if (!writtenAsOneCell(piece)) break;
        parts.push({ ...t, text: piece, s: t.s + pos, e: t.s + end });
        if (end === t.text.length) {
          if (parts.length >= 2) {
            acc.push(...parts);
            rec(i + 1, left - (parts.length - 1));
            acc.splice(acc.length - parts.length, parts.length);
          }
        } else if (cutsLeft > 0) cut(end, cutsLeft - 1);
        parts.pop();
      }
    };
    cut(0, left);
  };
  rec(0, need);
  return out;
}

