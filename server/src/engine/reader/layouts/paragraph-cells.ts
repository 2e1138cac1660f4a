// Layout `paragraph-cells`: a browser's plain-text rendering (innerText, "copy") of an HTML
// table whose cells wrap their text in <p> paragraphs. Every paragraph becomes a line of its
// own with blank lines around it; the cells of a row are separated by a line holding only a
// TAB (a line of k TABs: k − 1 empty cells in between), rows by a run of two or more blank
// lines, and the paragraphs of one cell by a single blank line (商业 / 企业, 自 / 然 / 人).
//
//     一、本年新收政府信息公开申请数量        ← row: label cell
//                                             ← one blank line
//     ⇥                                       ← cell separator
//
//     7
//     …
//     7                                       ← last cell of the row
//     (blank ×4)                               ← row separator
//     二、上年结转政府信息公开申请数量
//
// Rows come out as rows (the last cell of each carries `rowEnd`), like a tab-separated line,
// so the table readers place values by the row they are in, never by a guess across rows.

import type { Tok } from '../cells';

export interface ParagraphLine {
  s: number;
  e: number;
  no: number;
}

/** A line of TABs (and spaces) only: a cell separator; returns how many TABs, else 0. */
function separatorTabs(text: string, l: ParagraphLine): number {
  let tabs = 0;
  for (let i = l.s; i < l.e; i++) {
    const c = text.charCodeAt(i);
    if (c === 9) tabs++;
    else if (!isBlankChar(c)) return 0;
  }
  return tabs;
}

function isBlankChar(c: number): boolean {
  return c === 32 || c === 13 || c === 0xa0 || c === 0x3000;
}

/** 0: a line with text; 1: an empty line (a break between paragraphs); 2: a paragraph of
 *  spaces only (`<p>&nbsp;</p>`, whose no-break spaces normalise to spaces): an empty
 *  paragraph, not a break. */
function emptiness(text: string, l: ParagraphLine): 0 | 1 | 2 {
  let spaces = false;
  for (let i = l.s; i < l.e; i++) {
    const c = text.charCodeAt(i);
    if (isBlankChar(c)) spaces = spaces || c !== 13;
    else return 0;
  }
  return spaces ? 2 : 1;
}

// A numbered label (一、 （一） 1.) always starts a new cell text: it is never the rest of
// the paragraph before it.
const NUMBERED = /^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d))/;

/**
 * Whether paragraph `next` continues the text cell `prev` (a label or header split over
 * several paragraphs: 商业 / 企业, 自 / 然 / 人): both fragments short texts, `next` not a
 * numbered label of its own. `lastPart` is the length of the fragment `prev` ends with.
 */
function continuesCell(prev: Tok, next: Tok, lastPart: number): boolean {
  if (prev.kind !== 'text' || next.kind !== 'text') return false;
  if (NUMBERED.test(next.text)) return false;
  return lastPart <= SPLIT_FRAGMENT && next.text.length <= SPLIT_FRAGMENT;
}

/** Longest fragment of a split cell (`通知收取` / `件数`); prose and headings are longer. */
const SPLIT_FRAGMENT = 8;

/**
 * Cut `lines` (already known to be in this layout) into cell tokens. `classify` and `trim`
 * are the tokenizer's own, so values and texts are told apart the same way in every layout.
 */
export function paragraphCellTokens(
  text: string,
  lines: ParagraphLine[],
  classify: (t: string) => Tok['kind'],
  trim: (s: number, e: number) => { s: number; e: number },
): Tok[] {
  const toks: Tok[] = [];
  let row: Tok[] = [];
  let rowLine = -1;
  let cell: Tok[] = []; // paragraphs of the current cell, each a token (joined when they continue)
  let lastPart = 0; // length of the last paragraph of the current cell
  let cellOpen = false; // a separator opened a cell that has no paragraph yet
  let openedAt = 0;
  let blanks = 0;

  const endCell = () => {
    if (cell.length === 0 && cellOpen) row.push({ kind: 'blank', text: '', s: openedAt, e: openedAt, line: rowLine });
    for (const c of cell) row.push(c);
    cell = [];
    lastPart = 0;
    cellOpen = false;
  };
  const endRow = () => {
    endCell();
    if (row.length === 0) return;
    const hasText = row.some((c) => c.kind === 'text');
    for (const c of row) {
      c.line = rowLine;
      if (hasText) c.onTextLine = true;
      toks.push(c);
    }
    row[row.length - 1]!.rowEnd = true;
    row = [];
    rowLine = -1;
  };

  for (const l of lines) {
    const tabs = separatorTabs(text, l);
    const empty = tabs > 0 ? 0 : emptiness(text, l);
    if (empty === 1) {
      blanks++;
      continue;
    }
    // Two or more empty lines end the row — unless they follow a separator and a separator
    // follows them: then they are an empty cell (its &nbsp; lost to an editor's trimming).
    const emptyCellOpen = cellOpen && cell.length === 0;
    if (blanks >= 2 && (row.length > 0 || cell.length > 0) && !(tabs > 0 && emptyCellOpen)) endRow();
    blanks = 0;
    if (rowLine < 0) rowLine = l.no;
    if (empty === 2) continue;
    if (tabs > 0) {
      // A separator closes the cell before it; at the start of a row that cell is empty.
      if (cell.length === 0 && !cellOpen) row.push({ kind: 'blank', text: '', s: l.s, e: l.s, line: rowLine });
      else endCell();
      // Each further TAB on the line stands for an empty cell between two separators.
      for (let k = 1; k < tabs; k++) row.push({ kind: 'blank', text: '', s: l.s + k, e: l.s + k, line: rowLine });
      cellOpen = true;
      openedAt = l.e;
      continue;
    }
    const t = trim(l.s, l.e);
    const cellText = text.slice(t.s, t.e);
    const tok: Tok = { kind: classify(cellText), text: cellText, s: t.s, e: t.e, line: l.no };
    const prev = cell[cell.length - 1];
    if (prev && continuesCell(prev, tok, lastPart)) {
      prev.text += tok.text;
      prev.e = tok.e;
      prev.kind = classify(prev.text);
    } else cell.push(tok);
    lastPart = tok.text.length;
  }
  endRow();
  return toks;
}
