// Raw HTML tables inside a text (Markdown written by pandoc keeps a table as `<table>` when a
// cell holds several paragraphs or cells are merged): each table is read as a table — its
// rowspan/colspan expanded into the grid (sources/grid.ts) — and shown to the line readers as
// the pipe table it is: one grid row per line, a cell's paragraphs joined (商业 + 企业), the
// slots a merged cell covers beyond its first as empty cells, so that columns are positions
// (layouts/grid-lines.ts). The result is a NormalizedText whose map still points every
// character at the original: cell text at its own characters, an empty cell inside its own
// `<td>` (where a fix would write its 0), the pipes at the end of the cell before them. The
// map stays non-decreasing.

import { expandSpans, type SpanCell } from '../../sources/grid';
import type { NormalizedText } from '../../text/normalize';

interface CellText {
  /** Characters of the cell (paragraphs joined) and the normalised offset of each. */
  chars: string[];
  at: number[];
  /** Where an edit of the cell goes: after its text, or after its opening tags when empty. */
  insertAt: number;
  /** The end of the cell's opening tag. */
  openAt: number;
}

// Attributes up to the first `>`, bounded (linear on any input; a `>` inside a quoted
// attribute value does not occur in the tables exporters write).
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b([^<>]{0,2000})>/g;
const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ensp: ' ', emsp: ' ', thinsp: ' ' };
/** Tables larger than this are left as they are (a report's largest has a few hundred slots). */
const MAX_SLOTS = 20_000;

function attr(attrs: string, name: string): number {
  const m = new RegExp(`\\b${name}\\s*=\\s*["']?\\s*(\\d+)`, 'i').exec(attrs);
  return m ? Number(m[1]) : 1;
}

const isAsciiWord = (c: string | undefined) => c !== undefined && /[\x21-\x7e]/.test(c);

/** One `<table>…</table>` (no nested table) → rows of cells, or null when it is not a plain table. */
function readTable(text: string, start: number, end: number): SpanCell<CellText>[][] | null {
  const rows: SpanCell<CellText>[][] = [];
  let row: SpanCell<CellText>[] | null = null;
  let cell: CellText | null = null;
  let para: { chars: string[]; at: number[] } = { chars: [], at: [] };
  const endPara = () => {
    if (!cell) return;
    let s = 0;
    let e = para.chars.length;
    while (s < e && para.chars[s] === ' ') s++;
    while (e > s && para.chars[e - 1] === ' ') e--;
    if (e > s) {
      // Paragraphs of one cell join without a break (商业 + 企业); ASCII words keep a space.
      if (cell.chars.length > 0 && isAsciiWord(cell.chars[cell.chars.length - 1]) && isAsciiWord(para.chars[s])) {
        cell.chars.push(' ');
        cell.at.push(para.at[s]!);
      }
      for (let i = s; i < e; i++) {
        cell.chars.push(para.chars[i]!);
        cell.at.push(para.at[i]!);
      }
      cell.insertAt = para.at[e - 1]! + 1;
    }
    para = { chars: [], at: [] };
  };
  const addText = (from: number, to: number) => {
    if (!cell) return;
    for (let i = from; i < to; i++) {
      let c = text[i]!;
      const at = i;
      if (c === '&') {
        const m = /^&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|([a-zA-Z]{2,8}));/.exec(text.slice(i, i + 12));
        if (m) {
          const code = m[1] ? Number(m[1]) : m[2] ? parseInt(m[2], 16) : -1;
          c = code >= 0 ? (code === 0xa0 || code === 0x3000 ? ' ' : String.fromCodePoint(code)) : (ENTITIES[m[3]!.toLowerCase()] ?? m[0]);
          i += m[0].length - 1;
        }
      }
      if (/\s/.test(c)) {
        if (para.chars.length > 0 && para.chars[para.chars.length - 1] !== ' ') {
          para.chars.push(' ');
          para.at.push(at);
        }
        continue;
      }
      for (let k = 0; k < c.length; k++) {
        para.chars.push(c[k]!);
        para.at.push(at);
      }
    }
  };
  const closeCell = () => {
    endPara();
    cell = null;
  };
  const closeRow = () => {
    closeCell();
    if (row && row.length > 0) rows.push(row);
    row = null;
  };
  TAG.lastIndex = start;
  let pos = start;
  for (let m = TAG.exec(text); m && m.index < end; m = TAG.exec(text)) {
    addText(pos, m.index);
    pos = m.index + m[0].length;
    const closing = m[1] === '/';
    const name = m[2]!.toLowerCase();
    if (name === 'table' && m.index > start) return null; // a nested table: page layout, not a form
    if (name === 'tr') {
      closeRow();
      if (!closing) row = [];
    } else if (name === 'td' || name === 'th') {
      closeCell();
      if (!closing) {
        row ??= [];
        cell = { chars: [], at: [], insertAt: pos, openAt: pos };
        row.push({ value: cell, rowspan: attr(m[3]!, 'rowspan'), colspan: attr(m[3]!, 'colspan') });
      }
    } else if (name === 'p' || name === 'br' || name === 'div' || name === 'li') {
      endPara();
      // An empty cell is edited inside its (first) paragraph.
      if (cell && cell.chars.length === 0 && !closing && name === 'p' && cell.insertAt === cell.openAt) cell.insertAt = pos;
    }
  }
  closeRow();
  return rows.length > 0 ? rows : null;
}

/** Replace every raw HTML table of `nt` by its rows as tab-separated lines. */
export function htmlTablesAsRows(nt: NormalizedText): NormalizedText {
  const t = nt.text;
  if (!/<table\b/i.test(t)) return nt;
  let out = '';
  const map: number[] = [];
  let pos = 0;
  const copy = (to: number) => {
    out += t.slice(pos, to);
    for (let k = pos; k < to; k++) map.push(nt.map[k]!);
    pos = to;
  };
  const put = (s: string, at: number) => {
    out += s;
    for (let k = 0; k < s.length; k++) map.push(nt.map[at]!);
  };
  const open = /<table\b/gi;
  const close = /<\/table\s*>/gi;
  let cm: RegExpExecArray | null = null;
  for (let m = open.exec(t); m; m = open.exec(t)) {
    if (m.index < pos) continue;
    // The next `</table>` (found once for all the tables that open before it).
    if (!cm || cm.index < m.index) {
      close.lastIndex = m.index;
      cm = close.exec(t);
    }
    if (!cm) break;
    const end = cm.index + cm[0].length;
    const rows = readTable(t, m.index, cm.index);
    const grid = rows ? expandSpans(rows, MAX_SLOTS) : null;
    if (!grid) continue;
    copy(m.index);
    put('\n', m.index);
    let last = m.index;
    grid.forEach((slots, r) => {
      const at: number[] = [];
      let line = '';
      const emit = (s: string, a: number) => {
        line += s;
        for (let k = 0; k < s.length; k++) at.push(a);
      };
      for (const slot of slots) {
        emit('|', last);
        const v = slot?.origin ? slot.value : null;
        if (v && v.chars.length > 0) {
          emit(' ', v.at[0]!);
          // A pipe inside a cell would split it: shown as a full-width bar.
          line += v.chars.map((c) => (c === '|' ? '｜' : c)).join('');
          at.push(...v.at);
          last = Math.max(last, v.insertAt);
          emit(' ', last);
        } else {
          if (v) last = Math.max(last, v.insertAt);
          emit('  ', last);
        }
      }
      emit('|', last);
      out += line + '\n';
      for (const a of at) map.push(nt.map[a]!);
      map.push(nt.map[last]!);
      // The delimiter row after the first: a pipe table's shape, read as such.
      if (r === 0) put(`|${'---|'.repeat(slots.length)}\n`, last);
    });
    pos = end;
    open.lastIndex = end;
  }
  copy(t.length);
  map.push(nt.map[t.length]!);
  return { text: out, map: Int32Array.from(map), original: nt.original };
}
