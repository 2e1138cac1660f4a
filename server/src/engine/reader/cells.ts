// Cell tokens: every table region is cut into a stream of cells, whatever the layout
// (spec §7.2): one cell per tab-prefixed line (A), tab-separated rows (B), `label n n n`
// PDF lines (C), Markdown pipe tables, `|`-terminated cell lines, one cell per line.
// Row assembly (rows.ts) then works on the stream alone.

import type { TableLayout } from '../model';
import { paragraphCellTokens } from './layouts/paragraph-cells';

export type TokKind = 'text' | 'value' | 'blank';

export interface Tok {
  kind: TokKind;
  /** Cell text, trimmed; continuation lines of a wrapped cell are joined without a break. */
  text: string;
  /** Normalised offsets of the cell text (for a blank cell: a zero-length position). */
  s: number;
  e: number;
  line: number;
  /** The cell is the last one of a layout row (end of a TSV/Markdown/PDF line, or a blank line in layout A). */
  rowEnd?: boolean;
  /** The cell sits on a line that also has text cells (headers, labels). */
  onTextLine?: boolean;
  /**
   * One cell per line: empty lines before this cell beyond the region's usual separator
   * (none in a word processor's export, one in a browser's clipboard text) — an empty cell
   * each, when that fills the row exactly (align.ts `fillEmptyLines`). `at`: where the
   * last of them starts.
   */
  extraEmptyLines?: { count: number; at: number };
  /** A value separated from its neighbours by spaces only (PDF text): neighbouring values may have run together. */
  spaced?: boolean;
}

const NUMBER_RE = /^[-+−]?\d[\d,]*(?:\.\d+)?$/;
const PLACEHOLDERS = new Set(['-', '—', '－', '--', '——', '/', '／', '无', '空', '×', 'N/A', 'n/a', '/ ', '*', '…', '...']);
const NUMBER_WITH_UNIT = /^[-+−]?\d[\d,]*(?:\.\d+)?\s*(?:件|个|条|项|万元|元|次)$/;
// A change written in words (`减12`, `增3`: the 2019 table's 本年增/减 column).
const SIGNED_CHANGE = /^[增减]\s*\d[\d,]*(?:\.\d+)?$/;

export function classify(text: string): TokKind {
  if (text.length === 0) return 'blank';
  if (NUMBER_RE.test(text)) return 'value';
  if (text.length <= 8 && PLACEHOLDERS.has(text)) return 'value';
  if (text.length <= 20 && (NUMBER_WITH_UNIT.test(text) || SIGNED_CHANGE.test(text))) return 'value';
  return 'text';
}

interface Line {
  s: number; // normalised start
  e: number; // normalised end (before the line break)
  no: number;
}

function splitLines(text: string, from: number, to: number, firstLineNo: number): Line[] {
  const out: Line[] = [];
  let pos = from;
  let no = firstLineNo;
  while (pos <= to) {
    let nl = text.indexOf('\n', pos);
    if (nl === -1 || nl > to) nl = to;
    let e = nl;
    if (e > pos && text.charCodeAt(e - 1) === 13) e--;
    out.push({ s: pos, e, no });
    if (nl >= to) break;
    pos = nl + 1;
    no++;
  }
  return out;
}

function trimmed(text: string, s: number, e: number): { s: number; e: number } {
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  return { s, e };
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 0xa0 || c === 0x3000;
}

/** `… n n` at the end of the line: at least two space-separated numbers after some text (one backward scan). */
function endsWithNumberRun(text: string, s: number, e: number): boolean {
  let i = e;
  while (i > s && (text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9 || text.charCodeAt(i - 1) === 13)) i--;
  let numbers = 0;
  for (;;) {
    const end = i;
    while (i > s && text.charCodeAt(i - 1) >= 48 && text.charCodeAt(i - 1) <= 57) i--;
    if (i === end) break; // not a number
    numbers++;
    const beforeSpaces = i;
    while (i > s && text.charCodeAt(i - 1) === 32) i--;
    if (i === beforeSpaces || i === s) return numbers >= 2 && i > s;
  }
  return numbers >= 2 && i > s;
}

/** Decide the layout of a region from its lines (one pass over each line's characters). */
function detectLayout(text: string, lines: Line[]): TableLayout {
  let tsv = 0;
  let tabPrefixed = 0;
  let loneTabs = 0;
  let separators = 0; // lone-TAB lines with an empty line on each side (layouts/paragraph-cells)
  const empty = (k: number) => {
    const x = lines[k];
    return !!x && x.e <= x.s;
  };
  let md = 0;
  let pipeEnd = 0;
  let spaceNums = 0;
  let nonEmpty = 0;
  for (let k = 0; k < lines.length; k++) {
    const l = lines[k]!;
    if (l.e <= l.s) continue;
    let lead = 0;
    while (l.s + lead < l.e && text.charCodeAt(l.s + lead) === 9) lead++;
    let innerTab = false;
    let pipes = 0;
    let nonSpace = 0;
    let onlyPipes = true;
    let lastNonSpace = -1;
    for (let i = l.s + lead; i < l.e; i++) {
      const c = text.charCodeAt(i);
      if (c === 9) innerTab = true;
      else if (c === 124) pipes++;
      if (c !== 32 && c !== 9 && c !== 13) {
        nonSpace++;
        lastNonSpace = c;
        if (c !== 124) onlyPipes = false;
      }
    }
    if (nonSpace === 0 && lead === 0) continue;
    nonEmpty++;
    if (innerTab) tsv++;
    else if (lead > 0 && nonSpace === 0) {
      loneTabs++;
      if (empty(k - 1) && empty(k + 1)) separators++;
    } else if (lead > 0) tabPrefixed++;
    if (pipes >= 2 && !onlyPipes) md++;
    else if (lastNonSpace === 124) pipeEnd++;
    if (!innerTab && endsWithNumberRun(text, l.s, l.e)) spaceNums++;
  }
  if (nonEmpty === 0) return 'unknown';
  if (md >= 3 && md >= nonEmpty * 0.3) return 'markdown';
  if (pipeEnd >= 3 && pipeEnd >= nonEmpty * 0.3) return 'pipe-per-line';
  if (tsv >= 3 && tsv >= tabPrefixed) return 'tsv';
  // Lines holding only a TAB between paragraphs: cells of a browser copy (layouts/paragraph-cells).
  if (separators >= 3 && separators > tabPrefixed) return 'paragraph-cells';
  if (tabPrefixed + loneTabs >= 3) return 'cell-per-line';
  if (spaceNums >= 2) return 'space';
  return 'cell-per-line-blank-separated';
}

/** A Markdown heading marker at a line's start (sticky: matched in place, no slice per line). */
const MD_HEADING = /[ \t]*#{1,6}[ \t]+/y;

/** Cut the normalised region [from, to) into cell tokens. */
export function tokenize(text: string, from: number, to: number, firstLineNo: number): { layout: TableLayout; toks: Tok[] } {
  const lines = splitLines(text, from, to, firstLineNo);
  const layout = detectLayout(text, lines);
  const toks: Tok[] = [];
  const markRowEnd = () => {
    const last = toks[toks.length - 1];
    if (last) last.rowEnd = true;
  };
  const pushLineCells = (cells: Tok[]) => {
    const hasText = cells.some((c) => c.kind === 'text');
    for (const c of cells) {
      if (hasText) c.onTextLine = true;
      toks.push(c);
    }
    if (cells.length) markRowEnd();
  };

  switch (layout) {
    case 'paragraph-cells':
      toks.push(...paragraphCellTokens(text, lines, classify, (s, e) => trimmed(text, s, e)));
      break;
    case 'tsv': {
      for (const l of lines) {
        if (l.e <= l.s) continue;
        const cells: Tok[] = [];
        let s = l.s;
        for (let i = l.s; i <= l.e; i++) {
          if (i === l.e || text.charCodeAt(i) === 9) {
            const t = trimmed(text, s, i);
            const cellText = text.slice(t.s, t.e);
            cells.push({ kind: classify(cellText), text: cellText, s: t.s, e: t.e, line: l.no });
            s = i + 1;
          }
        }
        if (cells.every((c) => c.kind === 'blank') && text.slice(l.s, l.e).trim() === '' && !text.slice(l.s, l.e).includes('\t')) continue;
        pushLineCells(cells);
      }
      break;
    }
    case 'cell-per-line': {
      let cur: Tok | null = null;
      for (const l of lines) {
        const raw = text.slice(l.s, l.e);
        if (raw.trim().length === 0 && !raw.startsWith('\t')) {
          markRowEnd();
          cur = null;
          continue;
        }
        if (raw.startsWith('\t')) {
          const t = trimmed(text, l.s + 1, l.e);
          const cellText = text.slice(t.s, t.e);
          cur = { kind: classify(cellText), text: cellText, s: cellText ? t.s : l.s + 1, e: cellText ? t.e : l.s + 1, line: l.no };
          toks.push(cur);
        } else if (cur) {
          // Text wrapped inside the cell continues on an untabbed line.
          const t = trimmed(text, l.s, l.e);
          cur.text += text.slice(t.s, t.e);
          cur.e = t.e;
          cur.kind = classify(cur.text);
        } else {
          const t = trimmed(text, l.s, l.e);
          const cellText = text.slice(t.s, t.e);
          cur = { kind: classify(cellText), text: cellText, s: t.s, e: t.e, line: l.no };
          toks.push(cur);
        }
      }
      break;
    }
    case 'markdown': {
      for (const l of lines) {
        const tt = text.slice(l.s, l.e).trim();
        if (tt.length === 0) continue;
        if (/^\|?[\s:|-]+$/.test(tt) && tt.includes('-')) continue; // |---|---|
        if (/^\|+$/.test(tt)) continue; // `|||` filler from merged cells
        // `### 一、本年新收…`: a heading marker is Markdown syntax, not part of the label (OCR
        // output writes each row's label as a heading over a small table of its values).
        MD_HEADING.lastIndex = l.s;
        const heading = MD_HEADING.exec(text);
        const body = heading && heading.index + heading[0].length <= l.e ? { ...l, s: l.s + heading[0].length } : l;
        pushLineCells(hasPipeCells(tt) ? pipeLineCells(text, l) : spaceLineCells(text, body));
      }
      break;
    }
    case 'pipe-per-line': {
      for (const l of lines) {
        const raw = text.slice(l.s, l.e);
        const tt = raw.trim();
        if (tt.length === 0) {
          markRowEnd();
          continue;
        }
        if (/^\|{2,}$/.test(tt)) continue; // `|||` filler from merged cells
        if (tt === '|') {
          const at = l.s + raw.indexOf('|');
          toks.push({ kind: 'blank', text: '', s: at, e: at, line: l.no });
          continue;
        }
        const body = tt.endsWith('|') ? raw.slice(0, raw.lastIndexOf('|')) : raw;
        const t = trimmed(text, l.s, l.s + body.length);
        const cellText = text.slice(t.s, t.e);
        toks.push({ kind: classify(cellText), text: cellText, s: t.s, e: t.e, line: l.no });
      }
      break;
    }
    default: {
      // PDF-like text (C): a line is a row. One cell per line without tabs: a stream of
      // cells where only labels delimit rows (no row ends).
      const lineRows = layout === 'space';
      // Empty lines before each cell line, to find the usual separator (the most frequent
      // count); a line of spaces only is a paragraph of its own (an empty `&nbsp;` cell).
      const gaps: { tok: Tok; empty: number; spaceLines: number; at: number }[] = [];
      const seen: number[] = [];
      let empty = 0;
      let spaceLines = 0;
      let lastEmptyAt = 0;
      for (const l of lines) {
        const tt = text.slice(l.s, l.e).trim();
        if (tt.length === 0) {
          lastEmptyAt = l.s;
          if (l.e > l.s && !lineRows) {
            seen.push(empty);
            empty = 0;
            spaceLines++;
          } else empty++;
          continue;
        }
        const before = empty;
        const spaces = spaceLines;
        empty = 0;
        spaceLines = 0;
        // A lone pipe-joined line (a table-4 data row in an HTML-to-text export) is a row too.
        if (hasPipeCells(tt)) {
          pushLineCells(pipeLineCells(text, l));
          continue;
        }
        const cells = spaceLineCells(text, l);
        if (lineRows) pushLineCells(cells);
        else {
          if (cells.length === 1 && toks.length > 0) {
            gaps.push({ tok: cells[0]!, empty: before, spaceLines: spaces, at: lastEmptyAt });
            seen.push(before);
          }
          toks.push(...cells);
        }
      }
      if (!lineRows && gaps.length > 0) {
        const freq = new Map<number, number>();
        for (const g of seen) freq.set(g, (freq.get(g) ?? 0) + 1);
        let usual = 0;
        for (const [k, n] of freq) if (n > (freq.get(usual) ?? 0)) usual = k;
        for (const g of gaps) {
          const count = Math.max(0, g.empty - usual) + g.spaceLines;
          if (count > 0) g.tok.extraEmptyLines = { count, at: g.at };
        }
      }
    }
  }
  return { layout, toks };
}

/** A line of cells joined by `|` (Markdown, or `a | b | c` from HTML-to-text). */
function hasPipeCells(tt: string): boolean {
  const first = tt.indexOf('|');
  return first !== -1 && tt.indexOf('|', first + 1) !== -1 && !/^\|+$/.test(tt);
}

function pipeLineCells(text: string, l: Line): Tok[] {
  const raw = text.slice(l.s, l.e);
  const cells: Tok[] = [];
  const first = raw.indexOf('|');
  const lastPipe = raw.lastIndexOf('|');
  const push = (a: number, b: number, blankAt: number) => {
    const t = trimmed(text, a, b);
    const cellText = text.slice(t.s, t.e);
    cells.push({ kind: classify(cellText), text: cellText, s: cellText ? t.s : blankAt, e: cellText ? t.e : blankAt, line: l.no });
  };
  // Text before the first pipe is a cell unless the line starts with the pipe.
  if (raw.slice(0, first).trim().length > 0) push(l.s, l.s + first, l.s);
  let s = l.s + first + 1;
  for (let i = l.s + first + 1; i <= l.s + lastPipe; i++) {
    if (text.charCodeAt(i) === 124 /* | */) {
      push(s, i, s);
      s = i + 1;
    }
  }
  if (raw.slice(lastPipe + 1).trim().length > 0) push(l.s + lastPipe + 1, l.e, l.e);
  return cells;
}

/** `label n n n` → one text token and the trailing numbers; a line of numbers → values. */
function spaceLineCells(text: string, l: Line): Tok[] {
  const words: { s: number; e: number }[] = [];
  let i = l.s;
  while (i < l.e) {
    while (i < l.e && isSpace(text.charCodeAt(i))) i++;
    if (i >= l.e) break;
    const s = i;
    while (i < l.e && !isSpace(text.charCodeAt(i))) i++;
    words.push({ s, e: i });
  }
  let k = words.length;
  while (k > 0 && classify(text.slice(words[k - 1]!.s, words[k - 1]!.e)) === 'value') k--;
  const out: Tok[] = [];
  if (k > 0) {
    const s = words[0]!.s;
    const e = words[k - 1]!.e;
    out.push({ kind: 'text', text: text.slice(s, e), s, e, line: l.no });
  }
  for (let j = k; j < words.length; j++) {
    const w = words[j]!;
    out.push({ kind: 'value', text: text.slice(w.s, w.e), s: w.s, e: w.e, line: l.no, spaced: true });
  }
  return out;
}
