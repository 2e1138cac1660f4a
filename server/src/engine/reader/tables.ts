// Tables T2, T3, T4: find each region by its anchors (spec §7.3 step 1), cut it into cell
// tokens (cells.ts), assign tokens to template rows by tolerant label matching, and align
// each row's values to the columns (align.ts). Driven by format/templates.ts.

import { squash } from '../format/sections';
import { T3_COLUMN_COUNT, T3_COLUMN_VARIANTS, T4_COLUMN_COUNT, TEMPLATES, type ColumnDef, type RowDef, type T2RowDef, type T3Def } from '../format/templates';
import { equationsFor, rowHolds, tableHolds } from '../format/equations';
import { T3_DEFS, t3VariantOfRegion } from '../format/vocabulary';
import type { Cell, Row, Span, Table } from '../model';
import { spanToOriginal, type NormalizedText } from '../text/normalize';
import { fillEmptyLines, parseNumber, readRow, resolveJointly, slotValue, type Candidate, type Slot } from './align';
import { tokenize, type Tok } from './cells';
import { RUN_TOGETHER, splitFlatLine } from './layouts/flat-t2';
import { gridLines, positionalValues } from './layouts/grid-lines';
import { nextText, resumesOnLine, splitGluedLabel } from './layouts/pdf';

export interface TablesResult {
  tables: { T2?: Table; T3?: Table; T4?: Table };
  /** Normalised ranges occupied by the tables (headings are never looked for there). */
  regions: { start: number; end: number }[];
}

const T2_ANCHOR = /第[二2]十条第\s*\(\s*[一1]\s*\)\s*项/;
// The note printed in the table (`本列数据的勾稽关系为…`), not 勾稽关系 mentioned in prose.
const T3_NOTE = /本列数据的?勾稽关系/;
// The first row's label at the start of a line (or a cell): not 本年新收 in a sentence.
// A Markdown heading marker may stand before it (OCR output: one `### label` heading per row).
const T3_FIRST_ROW = /(?:^|\n)[ \t|]*(?:#{1,6}[ \t]+)?(?:一[ \t]*[、.．]?[ \t]*)?本年新收/;
const T4_ANCHOR = /未经复议\s*直接起诉/;
const SECTION_FIVE = /(?:^|\n)[ \t]*(?:五|5)[ \t]*[、.．][ \t]*\S/;

function lineStart(text: string, i: number): number {
  const nl = text.lastIndexOf('\n', i - 1);
  return nl === -1 ? 0 : nl + 1;
}

function lineNumberAt(text: string, i: number, cache: { pos: number; line: number }): number {
  let line = cache.line;
  for (let p = cache.pos; p < i; p++) if (text.charCodeAt(p) === 10) line++;
  cache.pos = i;
  cache.line = line;
  return line;
}

const msg = (zh: string, en: string) => ({ zh, en });

export function readTables(nt: NormalizedText): TablesResult {
  const text = nt.text;
  const lc = { pos: 0, line: 0 };
  const t2m = T2_ANCHOR.exec(text);
  const noteM = T3_NOTE.exec(text);
  // The 勾稽 note is the table's own anchor; without it, the first line that starts with
  // 本年新收 and is not a sentence (`本年新收…申请23件。`).
  let r1At = -1;
  if (!noteM) {
    const re = new RegExp(T3_FIRST_ROW.source, 'g');
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const ls = m[0].startsWith('\n') ? m.index + 1 : m.index;
      const le = text.indexOf('\n', ls);
      const line = text.slice(ls, le === -1 ? text.length : le);
      if (!/。|\d\s*件/.test(line)) {
        r1At = ls;
        break;
      }
    }
  }
  const t3Anchor = noteM ? noteM.index : r1At;
  const t4m = T4_ANCHOR.exec(t3Anchor >= 0 ? text.slice(t3Anchor) : text);
  const t4Anchor = t4m ? t4m.index + (t3Anchor >= 0 ? t3Anchor : 0) : -1;

  const tables: TablesResult['tables'] = {};
  const regions: TablesResult['regions'] = [];

  // T3 first: its start bounds T2, its end starts the search for T4's header.
  let t3End = -1;
  if (t3Anchor >= 0) {
    const from = lineStart(text, t3Anchor);
    const to = t4Anchor >= 0 ? findT4HeaderStart(text, t4Anchor, from) : Math.min(text.length, from + 20000);
    const t = readT3(nt, from, to, lineNumberAt(text, from, lc));
    if (t) {
      tables.T3 = t.table;
      regions.push(t.region);
      t3End = t.region.end;
    }
  }
  if (t2m && (t3Anchor < 0 || t2m.index < t3Anchor)) {
    const from = lineStart(text, t2m.index);
    const to = t3Anchor >= 0 ? lineStart(text, t3Anchor) : Math.min(text.length, from + 6000);
    const cache = { pos: 0, line: 0 };
    const t = readT2(nt, from, to, lineNumberAt(text, from, cache));
    if (t) {
      tables.T2 = t.table;
      regions.push(t.region);
    }
  }
  if (t4Anchor >= 0) {
    const from = findT4HeaderStart(text, t4Anchor, t3End >= 0 ? t3End : 0);
    const rest = text.slice(t4Anchor);
    const five = SECTION_FIVE.exec(rest);
    const to = five ? t4Anchor + five.index : Math.min(text.length, t4Anchor + 4000);
    const cache = { pos: 0, line: 0 };
    const t = readT4(nt, from, to, lineNumberAt(text, from, cache));
    if (t) {
      tables.T4 = t.table;
      regions.push(t.region);
    }
  }
  if (!tables.T4 && t3End >= 0) {
    const t = t4WithoutHeader(nt, t3End);
    if (t) {
      tables.T4 = t.table;
      regions.push(t.region);
    }
  }
  regions.sort((a, b) => a.start - b.start);
  return { tables, regions };
}

/**
 * Table 4 whose header did not come through as text (a PDF drawn without borders writes its
 * narrow header cells one character per line, so `未经复议直接起诉` is never one run): after
 * table 3, before section 五, the words 行政复议 and 行政诉讼 (read across line breaks) and
 * numbers. The table is there, so it is not missing; its cells cannot be placed, so every
 * one is unreadable — never a guessed reading that could turn into a false total.
 */
function t4WithoutHeader(nt: NormalizedText, from: number): { table: Table; region: { start: number; end: number } } | null {
  const text = nt.text;
  const five = SECTION_FIVE.exec(text.slice(from));
  const to = five ? from + five.index : Math.min(text.length, from + 4000);
  const region = text.slice(from, to);
  const flat = region.replace(/\s+/g, '');
  const review = flat.indexOf('行政复议');
  // A number for every column at least: prose about reviews (`2024年未发生行政复议和行政诉讼`) is no table.
  if (review < 0 || flat.indexOf('行政诉讼', review) < 0 || (region.match(/\d+/g)?.length ?? 0) < T4_COLUMN_COUNT) return null;
  // The table starts at the line holding 行政复议 (not at the end of table 3).
  const start = lineStart(text, from + region.search(/行\s*政\s*复\s*议/));
  let end = to;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  const span = spanToOriginal(nt, start, end);
  const cols = TEMPLATES.F2021.T4.columns;
  const message = msg('表四的表头未能按文字读出（如无边框的 PDF 中逐字换行的窄列），无法确定各数值所属的列', 'Table 4: its header did not come through as text (narrow columns written one character per line, as in a PDF without borders); which value belongs to which column cannot be decided');
  const row: Row = {
    id: 'T4',
    label: '',
    labelSpan: null,
    labelMatch: 'exact',
    templateLabel: '',
    cells: cols.map((c) => ({ col: c.id, state: 'unreadable' as const, raw: '', value: null, span: null })),
    alignment: 'ambiguous',
    alignmentNote: message,
  };
  return { table: { id: 'T4', span, layout: 'unknown', rows: [row], missingRows: [], headerVariants: [], problems: [] }, region: { start, end } };
}

/** The T4 header starts at the line of the last `行政复议` before the anchor. */
function findT4HeaderStart(text: string, anchor: number, notBefore: number): number {
  const lo = Math.max(notBefore, anchor - 1500);
  const i = text.lastIndexOf('行政复议', anchor);
  const start = i >= lo ? lineStart(text, i) : lineStart(text, anchor);
  // Never before the section heading line that names 行政复议 (it is not part of the table).
  const headingLine = text.slice(start, text.indexOf('\n', start) === -1 ? text.length : text.indexOf('\n', start));
  if (/^[ \t]*(?:四|4)[ \t]*[、.．]/.test(headingLine)) {
    const nl = text.indexOf('\n', start);
    return nl === -1 ? start : nl + 1;
  }
  return start;
}

// ————— shared helpers —————

function toSpan(nt: NormalizedText, t: Tok): Span {
  return spanToOriginal(nt, t.s, t.e);
}

/**
 * The number a cell states. Besides plain numbers: a change written in words in a signed
 * column (`减12` = −12, `增3`), and an amount with the unit its column implies (`147230元`
 * where the header names no unit, `1.5万元` under 万元) — written that way, not wrong.
 */
function cellNumber(text: string, col: ColumnDef): number | null {
  const plain = parseNumber(text);
  if (plain !== null) return plain;
  if (col.kind === 'signed') {
    const m = /^([增减])\s*(\d[\d,]*(?:\.\d+)?)$/.exec(text);
    const v = m ? parseNumber(m[2]!) : null;
    return v === null ? null : m![1] === '减' ? -v : v;
  }
  if (col.kind === 'money') {
    const m = /^(\d[\d,]*(?:\.\d+)?)\s*(万元|元)$/.exec(text);
    if (m && (m[2] === '万元') === col.label.includes('万元')) return parseNumber(m[1]!);
  }
  return null;
}

function makeCell(nt: NormalizedText, col: ColumnDef, slot: Slot | undefined, state?: 'unreadable'): Cell {
  if (state === 'unreadable') return { col: col.id, state: 'unreadable', raw: slot ? slot.text : '', value: null, span: slot ? toSpan(nt, slot) : null };
  if (slot === null || slot === undefined) return { col: col.id, state: 'absent', raw: '', value: null, span: null };
  const span = toSpan(nt, slot);
  const raw = nt.original.slice(span.start, span.end);
  if (slot.kind === 'blank') return { col: col.id, state: 'blank', raw: '', value: null, span };
  const v = cellNumber(slot.text, col);
  if (v === null) return { col: col.id, state: 'invalid', raw, value: null, span };
  const ok =
    col.kind === 'money' ? v >= 0 : col.kind === 'signed' ? Number.isInteger(v) : Number.isInteger(v) && v >= 0 && !/^[+]/.test(slot.text);
  if (!ok) return { col: col.id, state: 'invalid', raw, value: v, span };
  return { col: col.id, state: 'number', raw, value: v, span };
}

/** Label core: without numbering prefixes and group-label fragments, for exact comparison. */
function labelCore(s: string): string {
  return squash(s)
    .replace(/^(?:[一二三四]|[0-9]+)(?=\S)/, '')
    .replace(/^本年度办理结果/, '')
    .replace(/^(?:[一二三四五六七]|[0-9]+)(?=\S)/, '')
    .replace(/^(?:不予公开|无法提供|不予处理|其他处理)(?=[0-9])/, '')
    .replace(/^[0-9]+/, '');
}

function labelMatch(written: string, def: { label: string; variants?: string[] }): Row['labelMatch'] {
  const core = labelCore(written);
  if (core === labelCore(def.label)) return 'exact';
  if (def.variants?.some((v) => labelCore(v) === core)) return 'variant';
  return 'fuzzy';
}

/** Flattened digits `…数量690000069`: split a trailing digit run into n values when certain. */
function splitFlattened(
  tok: Tok,
  n: number,
  rowCheck: (nums: number[]) => boolean,
  allDigits = false,
): { label: Tok; values: Tok[]; note: string } | null {
  const m = allDigits ? /^(\d+)$/.exec(tok.text) : /(\d{3,})$/.exec(tok.text);
  if (!m) return null;
  const digits = m[1]!;
  const base = tok.e - digits.length;
  const label: Tok = { ...tok, text: tok.text.slice(0, tok.text.length - digits.length), e: base, kind: 'text' };
  const mk = (from: number, to: number): Tok => ({ kind: 'value', text: digits.slice(from, to), s: base + from, e: base + to, line: tok.line });
  if (digits.length === n) return { label, values: [...digits].map((_, i) => mk(i, i + 1)), note: 'one digit per cell' };
  if (digits.length < n || digits.length > n + 12) return null;
  // Try every cut into n numbers without leading zeros; accept the sole one satisfying the row.
  const sols: number[][] = [];
  const cuts: number[] = [];
  const rec = (pos: number, k: number) => {
    if (sols.length > 1) return;
    if (k === n - 1) {
      const last = digits.slice(pos);
      if (last.length > 1 && last[0] === '0') return;
      const all = [...cuts, pos];
      const nums = all.map((p, i) => Number(digits.slice(p, i + 1 < all.length ? all[i + 1] : digits.length)));
      if (rowCheck(nums)) sols.push(all.slice());
      return;
    }
    for (let len = 1; pos + len <= digits.length - (n - 1 - k); len++) {
      if (len > 1 && digits[pos] === '0') break;
      cuts.push(pos);
      rec(pos + len, k + 1);
      cuts.pop();
    }
  };
  rec(0, 0);
  if (sols.length !== 1) return null;
  const cut = sols[0]!;
  return { label, values: cut.map((p, i) => mk(p, i + 1 < cut.length ? cut[i + 1]! : digits.length)), note: 'the only cut satisfying the row total' };
}

// ————— T3 —————

/** A text cell that continues a wrapped row label (`公开申请`), not a new heading or row. */
function isLabelContinuation(text: string, label: string): boolean {
  if (/\d$/.test(label)) return false; // a flattened label already carries its digits
  const t = text.trim();
  if (t.length > 24) return false;
  return !/^(?:[一二三四五六七八九十]|\d+)\s*[、.．]|^[(（]/.test(t);
}

const T3_HEADER_WORDS = /申请人情况|自然人|法人或其他组织|商业企业/;
// Generic column names that OCR and spreadsheet tools write in place of the form's (`数据1`, `列3`).
const GENERIC_COLUMN = /^(?:数据|列|栏|字段|column|col)\s*\d+$/i;

/**
 * Lines that are a column-header row of table 3: three or more cells, no value, every cell a
 * column name (the form's, a known variant, 总计/合计, or a generic `数据1`). Such a row may
 * stand between a row's label and its values (OCR Markdown writes one small table per row) or
 * repeat mid-table; it neither continues a label nor closes one, and its 总计 is no row.
 */
function t3HeaderLines(toks: Tok[], def: T3Def): Set<number> {
  const names = new Set<string>([...def.columns.map((c) => squash(c.label)), ...Object.values(T3_COLUMN_VARIANTS).flat(), '合计', '申请人情况', '法人或其他组织']);
  const isName = (text: string) => names.has(squash(text)) || GENERIC_COLUMN.test(text.trim());
  const byLine = new Map<number, Tok[]>();
  for (const t of toks) {
    const l = byLine.get(t.line);
    if (l) l.push(t);
    else byLine.set(t.line, [t]);
  }
  const out = new Set<number>();
  for (const [line, cells] of byLine) {
    const texts = cells.filter((c) => c.kind === 'text');
    if (texts.length >= 3 && !cells.some((c) => c.kind === 'value') && texts.every((c) => isName(c.text))) out.add(line);
  }
  return out;
}

function matchT3Row(text: string, def: T3Def, seen: Set<string>): RowDef | null {
  // A sentence (`本年新收政府信息公开申请23件。`) is prose, not a row label.
  if (/。|\d\s*件/.test(text)) return null;
  const sq = squash(text);
  if (sq.length === 0 || sq.length > 60) return null;
  // The header row (repeated on a new page: `自然人 法人或其他组织 总计`) names columns, not a row.
  if (T3_HEADER_WORDS.test(sq)) return null;
  let best: RowDef | null = null;
  let bestLen = 0;
  for (const r of def.rows) {
    if (r.keywords.length === 0 || seen.has(r.id)) continue;
    if (r.after && !seen.has(r.after)) continue;
    for (const k of r.keywords) {
      if (k.length > bestLen && sq.includes(k)) {
        // `其他` alone must be the whole label (`3.其他`), not part of a longer text.
        if (k === '其他' && labelCore(text) !== '其他') continue;
        best = r;
        bestLen = k.length;
      }
    }
  }
  return best;
}

const T3_SUSPICIOUS = (slots: Slot[]) => {
  const total = slots[6];
  if (total && total.kind === 'blank' && slots.slice(0, 6).some((s) => s !== null && s.kind === 'value')) return 1;
  return 0;
};

function readT3(nt: NormalizedText, from: number, to: number, firstLine: number): { table: Table; region: { start: number; end: number } } | null {
  const text = nt.text;
  const { layout, toks } = tokenize(text, from, to, firstLine);
  const def = T3_DEFS[t3VariantOfRegion(text.slice(from, to))];
  // The row and table tests come from the equations the rules check (format/equations.ts).
  const columnIds = def.columns.map((c) => c.id);
  const rowChecks = new Map<string, (nums: readonly number[]) => boolean>();
  const rowCheck = (row: string) => {
    let c = rowChecks.get(row);
    if (!c) rowChecks.set(row, (c = rowHolds(equationsFor(def), 'T3', row, columnIds)));
    return c;
  };
  const seen = new Set<string>();
  interface Pending {
    def: RowDef;
    label: Tok;
    labelEnd: number;
    /** The line of the label's last part: a wrapped label's values follow its last part. */
    labelLine: number;
    labelText: string;
    values: Tok[];
    closed: boolean;
    /** Closed by the end of its values' line, not by other text (the wrap may resume it). */
    closedAtRowEnd?: boolean;
    flattenedNote?: string;
  }
  const found: Pending[] = [];
  let pending: Pending | null = null;
  let regionStart = -1;
  let regionEnd = -1;
  const headerVariants: Table['headerVariants'] = [];
  const problems: Table['problems'] = [];
  let sawFirstRow = false;

  // Label parts already joined to the label they continue (see the look-ahead below).
  const consumed = new Set<Tok>();
  // Rows as lines of text (PDF text): a long label wraps onto the next lines, before or
  // after the row's values.
  const wrapsLines = layout === 'space';
  const headerLines = t3HeaderLines(toks, def);
  /** A column header written as a known variant (社会组织 for 社会公益组织): label-variant. */
  const noteHeaderVariant = (t: Tok) => {
    for (const [col, vars] of Object.entries(T3_COLUMN_VARIANTS)) {
      for (const v of vars) {
        if (squash(t.text) === v) {
          const c = def.columns.find((x) => x.id === col)!;
          headerVariants.push({ text: t.text, expected: c.label, span: toSpan(nt, t) });
        }
      }
    }
  };
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (headerLines.has(t.line)) {
      if (t.kind === 'text' && !sawFirstRow) noteHeaderVariant(t);
      continue;
    }
    if (t.kind === 'text') {
      if (regionStart < 0) regionStart = t.s;
      if (consumed.has(t)) {
        regionEnd = Math.max(regionEnd, t.e);
        if (pending && wrapsLines && resumesOnLine(pending, toks, i, T3_COLUMN_COUNT)) {
          pending.labelLine = t.line;
          pending.closed = false;
        }
        continue;
      }
      const continues = !!pending && pending.values.length === 0 && !pending.closed && isLabelContinuation(t.text, pending.labelText);
      let row = matchT3Row(t.text, def, seen);
      let tail: Tok | null = null;
      if (!row && !continues && wrapsLines) {
        // A label wrapped after its first part (`5.要求行政机关确认或重新 0 0 …` / `出具已获取信息`):
        // the keyword may straddle the wrap, so the part on the next line is read with it.
        const next = nextText(toks, i);
        if (next && next.line > t.line && isLabelContinuation(next.text, t.text)) {
          row = matchT3Row(t.text + next.text, def, seen);
          if (row) tail = next;
        }
      }
      if (row) {
        pending = { def: row, label: t, labelEnd: t.e, labelLine: t.line, labelText: t.text, values: [], closed: false };
        if (tail) {
          consumed.add(tail);
          pending.labelText += tail.text;
          // Values come after the last part unless the first part's line already holds them.
          if (toks[i + 1]?.kind !== 'value' || toks[i + 1]!.line !== t.line) {
            pending.labelEnd = tail.e;
            pending.labelLine = tail.line;
          }
        }
        found.push(pending);
        seen.add(row.id);
        sawFirstRow = true;
        regionEnd = Math.max(t.e, tail?.e ?? t.e);
        continue;
      }
      if (!sawFirstRow) noteHeaderVariant(t);
      const resumes = wrapsLines && !!pending && resumesOnLine(pending, toks, i, T3_COLUMN_COUNT) && isLabelContinuation(t.text, pending.labelText);
      if (pending && (continues || resumes)) {
        // A wrapped label continues (`公开申请` after `…不再处理其政府信息`); when the row's
        // values were cut by the wrap too, the rest follow on the continuation's line.
        pending.labelText += t.text;
        pending.labelLine = t.line;
        if (continues) pending.labelEnd = t.e;
        pending.closed = false;
        regionEnd = Math.max(regionEnd, t.e);
      } else if (pending) {
        pending.closed = true;
        pending.closedAtRowEnd = false;
      }
      continue;
    }
    if (pending && !pending.closed && !(t.onTextLine && t.line !== pending.labelLine)) {
      pending.values.push(t);
      regionEnd = Math.max(regionEnd, t.e);
    }
    if (t.rowEnd && pending && pending.values.length > 0 && !pending.closed) {
      pending.closed = true;
      pending.closedAtRowEnd = true;
    }
  }
  if (found.length === 0) return null;

  // A pipe table is a grid (every row as wide as its delimiter row): values by position.
  const grid = layout === 'markdown' ? gridLines(toks) : null;
  // Flattened rows: a label token that ends in digits and has no values.
  for (const p of found) {
    p.values = positionalValues(grid, p.label, T3_COLUMN_COUNT) ?? fillEmptyLines(p.values, T3_COLUMN_COUNT, true);
    if (p.values.length === 0) {
      const sp = splitFlattened({ ...p.label, text: p.labelText, e: p.labelEnd }, T3_COLUMN_COUNT, rowCheck(p.def.id));
      if (sp) {
        p.values = sp.values;
        p.flattenedNote = sp.note;
        p.labelEnd = sp.label.e;
        p.labelText = sp.label.text;
      }
    }
  }

  // Per-row readings, then the joint resolution with the column equations.
  // First without suspecting blank edge cells; if some row can only be read by assuming a
  // lost cell (sample 003), the table lost a column and blank edges are likely debris too.
  const readAll = (edgeDebris: boolean) => {
    const out = new Map<string, Candidate[]>();
    for (const p of found) {
      if (p.def.kind === 'group' || p.values.length === 0) continue;
      out.set(p.def.id, readRow(p.values, T3_COLUMN_COUNT, rowCheck(p.def.id), T3_SUSPICIOUS, edgeDebris).options);
    }
    return out;
  };
  let readings = readAll(false);
  const lostColumn = found.some((p) => {
    const o = readings.get(p.def.id);
    return !!o && o.length > 0 && p.values.length > T3_COLUMN_COUNT && o.every((c) => c.kind === 'reconstructed');
  });
  if (lostColumn) readings = readAll(true);
  const chosen = resolveJointly(readings, tableHolds(equationsFor(def), 'T3', columnIds));

  const rows: Row[] = [];
  for (const p of found) {
    if (p.def.kind === 'group') continue;
    const labelSpan = spanToOriginal(nt, p.label.s, p.labelEnd);
    const base = {
      id: p.def.id,
      label: nt.original.slice(labelSpan.start, labelSpan.end),
      labelSpan,
      labelMatch: labelMatch(p.labelText, p.def),
      templateLabel: p.def.label,
    };
    const opts = readings.get(p.def.id);
    if (!opts || opts.length === 0) {
      rows.push({ ...base, cells: def.columns.map((c) => makeCell(nt, c, null, 'unreadable')), alignment: 'ambiguous', alignmentNote: msg('此行未读到数值。', 'No values were found for this row.') });
      problems.push({ span: labelSpan, message: msg(`表三“${p.def.label}”行未读到数值`, `Table 3 row “${p.def.label}”: no values found`) });
      continue;
    }
    const pick = chosen.get(p.def.id);
    if (!pick) {
      rows.push({
        ...base,
        cells: def.columns.map((c, i) => makeCell(nt, c, p.values[i], 'unreadable')),
        alignment: 'ambiguous',
        alignmentNote: msg(
          `此行有 ${p.values.length} 个单元格（应为 ${T3_COLUMN_COUNT} 个），无法确定各数值所属的列。`,
          `This row has ${p.values.length} cells for ${T3_COLUMN_COUNT} columns; which value belongs to which column cannot be decided.`,
        ),
      });
      continue;
    }
    const note =
      p.flattenedNote !== undefined
        ? msg(`数字连写在一起，按${p.flattenedNote === 'one digit per cell' ? '每格一位' : '唯一满足行合计的拆分'}读取。`, `Digits were run together; read as ${p.flattenedNote}.`)
        : pick.kind === 'direct'
          ? undefined
          : msg(
              `此行有 ${p.values.length} 个单元格（应为 ${T3_COLUMN_COUNT} 个），已按表格的勾稽关系确定对齐方式。`,
              `This row has ${p.values.length} cells for ${T3_COLUMN_COUNT} columns; the alignment was reconstructed from the table's arithmetic.`,
            );
    rows.push({
      ...base,
      cells: def.columns.map((c, i) => makeCell(nt, c, pick.slots[i])),
      alignment: p.flattenedNote !== undefined ? 'reconstructed' : pick.kind,
      ...(note ? { alignmentNote: note } : {}),
    });
  }
  const order = new Map(def.rows.map((r, i) => [r.id, i]));
  rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  const missingRows = def.rows.filter((r) => r.kind !== 'group' && !seen.has(r.id)).map((r) => r.id);
  const start = regionStart >= 0 ? Math.min(regionStart, found[0]!.label.s) : found[0]!.label.s;
  const region = { start: lineStart(text, start), end: Math.max(regionEnd, found[found.length - 1]!.labelEnd) };
  return {
    table: {
      id: 'T3',
      span: spanToOriginal(nt, region.start, region.end),
      layout,
      rows,
      missingRows,
      headerVariants,
      problems,
    },
    region,
  };
}

// ————— T2 —————

/** What a table-2 row's own values must satisfy: 现行有效 ≥ 制发 − 废止 (F2021), 对外公开总数 ≥
 *  本年新公开 (F2019); other rows have no relation of their own. */
function t2RowCheck(def: T2RowDef): (nums: number[]) => boolean {
  const ids = def.columns.map((c) => c.id);
  if (ids.join() === 'MADE,REPEALED,VALID') return ([made, repealed, valid]) => valid! >= made! - repealed!;
  if (ids.join() === 'NEW_MADE,NEW_PUB,TOTAL_PUB') return ([, pub, total]) => total! >= pub!;
  return () => true;
}

function readT2(nt: NormalizedText, from: number, to: number, firstLine: number): { table: Table; region: { start: number; end: number } } | null {
  const text = nt.text;
  const regionText = text.slice(from, to);
  const tpl = /本年新制作数量|上一年项目数量|对外公开总数量|政府集中采购|本年新公开数量/.test(regionText) ? TEMPLATES.F2019 : TEMPLATES.F2021;
  const tokenized = tokenize(text, from, to, firstLine);
  const layout = tokenized.layout;
  // A table flattened into one line: cut at the row labels (layouts/flat-t2.ts).
  const labels = tpl.T2.rows.flatMap((r) => [r.label, ...(r.variants ?? [])]);
  const toks = tokenized.toks.flatMap((t) => (t.kind === 'text' ? (splitFlatLine(t, labels) ?? [t]) : [t]));
  const seen = new Set<string>();
  const found: { def: T2RowDef; label: Tok; values: Tok[]; closed: boolean }[] = [];
  let pending: (typeof found)[number] | null = null;
  let end = from;
  let feeHeader: Table['feeHeader'];
  for (const t of toks) {
    if (t.kind === 'text') {
      const sq = squash(t.text);
      if (/本年收费金额/.test(sq)) {
        const sp = toSpan(nt, t);
        feeHeader = { text: nt.original.slice(sp.start, sp.end), span: sp, fourDecimals: /保留(?:4|四)位小数/.test(sq) };
      }
      let def: T2RowDef | null = null;
      let best = 0;
      for (const r of tpl.T2.rows) {
        if (seen.has(r.id)) continue;
        for (const k of r.keywords) if (k.length > best && sq.includes(k) && sq.length <= k.length + 8) {
          def = r;
          best = k.length;
        }
      }
      // 规章 must not swallow 行政规范性文件, nor the reverse.
      if (def && def.id === 'REG' && sq.includes('规范性文件')) def = null;
      if (def) {
        pending = { def, label: t, values: [], closed: false };
        found.push(pending);
        seen.add(def.id);
        end = Math.max(end, t.e);
      } else if (pending && !pending.closed && t.line === pending.label.line && pending.values.length > 0 && /\d/.test(sq) && sq.length <= 24) {
        // A value written as text on the row's own line (`减12`, `38518699.09元`) is a cell
        // (an invalid one), not the end of the row.
        pending.values.push(t);
        end = Math.max(end, t.e);
      } else if (pending) pending.closed = true;
      continue;
    }
    if (pending && !pending.closed && !(t.onTextLine && t.line !== pending.label.line)) {
      pending.values.push(t);
      end = Math.max(end, t.e);
    }
    if (t.rowEnd && pending && pending.values.length > 0) pending.closed = true;
  }
  if (found.length === 0) return null;
  const rows: Row[] = [];
  for (const f of found) {
    const n = f.def.columns.length;
    const glued = splitGluedLabel(f.label, f.values, n);
    if (glued) {
      f.label = glued.label;
      f.values = glued.values;
    }
    const filled = fillEmptyLines(f.values, n, true);
    const v = filled.slice();
    while (v.length > n && v[v.length - 1]!.kind === 'blank') v.pop();
    while (v.length > n && v[0]!.kind === 'blank') v.shift();
    const labelSpan = toSpan(nt, f.label);
    const base = {
      id: f.def.id,
      label: nt.original.slice(labelSpan.start, labelSpan.end),
      labelSpan,
      labelMatch: labelMatch(f.label.text, f.def),
      templateLabel: f.def.label,
    };
    // Digits run together (a flattened table): cut only where forced or unique.
    if (n > 1 && v.length === 1 && RUN_TOGETHER.has(v[0]!)) {
      const sp = splitFlattened({ ...v[0]!, kind: 'text' }, n, t2RowCheck(f.def), true);
      if (sp) {
        rows.push({
          ...base,
          cells: f.def.columns.map((c, i) => makeCell(nt, c, sp.values[i])),
          alignment: 'reconstructed',
          alignmentNote: msg(`数字连写在一起，按${sp.note === 'one digit per cell' ? '每格一位' : '唯一满足本行关系的拆分'}读取。`, `Digits were run together; read as ${sp.note === 'one digit per cell' ? sp.note : 'the only cut satisfying the row'}.`),
        });
      } else {
        rows.push({
          ...base,
          cells: f.def.columns.map((c) => makeCell(nt, c, v[0], 'unreadable')),
          alignment: 'ambiguous',
          alignmentNote: msg(`数字“${v[0]!.text}”连写在一起，有多种拆分为 ${n} 格的方式。`, `The digits “${v[0]!.text}” run together and can be cut into ${n} cells in several ways.`),
        });
      }
      continue;
    }
    if (v.length > n) {
      rows.push({
        ...base,
        cells: f.def.columns.map((c, i) => makeCell(nt, c, v[i], 'unreadable')),
        alignment: 'ambiguous',
        alignmentNote: msg(`此行有 ${v.length} 个数值（应为 ${n} 个）。`, `This row has ${v.length} values for ${n} columns.`),
      });
      continue;
    }
    rows.push({
      ...base,
      cells: f.def.columns.map((c, i) => makeCell(nt, c, i < v.length ? v[i] : null)),
      alignment: v.length === filled.length && v.length === n ? 'direct' : v.length < n ? 'reconstructed' : 'trimmed',
    });
  }
  const region = { start: from, end: Math.max(end, from) };
  return {
    table: {
      id: 'T2',
      span: spanToOriginal(nt, region.start, region.end),
      layout,
      rows,
      missingRows: tpl.T2.rows.filter((r) => !seen.has(r.id)).map((r) => r.id),
      headerVariants: [],
      problems: [],
      template: tpl.id,
      ...(feeHeader ? { feeHeader } : {}),
    },
    region,
  };
}

// ————— T4 —————

/** A flattened table-4 row: all its digits run together, at least one per column. */
const FLAT_T4 = new RegExp(`^\\d{${T4_COLUMN_COUNT},}$`);

// Each group total = its four parts: table 4's equations (the same for every template).
const T4_CHECK = rowHolds(equationsFor(T3_DEFS.F2021), 'T4', 'T4', TEMPLATES.F2021.T4.columns.map((c) => c.id));
const T4_SUSPICIOUS = (slots: Slot[]) => {
  let n = 0;
  for (const t of [4, 9, 14]) {
    const total = slots[t];
    if (total && total.kind === 'blank' && slots.slice(t - 4, t).some((s) => s !== null && s.kind === 'value')) n++;
  }
  return n;
};

function readT4(nt: NormalizedText, from: number, to: number, firstLine: number): { table: Table; region: { start: number; end: number } } | null {
  const text = nt.text;
  const { layout, toks } = tokenize(text, from, to, firstLine);
  const cols = TEMPLATES.F2021.T4.columns;
  // The data row: the first run of ≥ 5 cells outside text lines holding a number (a run of
  // blanks alone is merged header cells, as in layout A); values start after the last text
  // cell before it. A single long digit run is a flattened row.
  let lastText = -1;
  let runStart = -1;
  let dataStart = -1;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.kind === 'text' || t.onTextLine) {
      if (t.kind === 'text' && FLAT_T4.test(squash(t.text))) {
        dataStart = i;
        break;
      }
      if (t.kind === 'text') lastText = i;
      runStart = -1;
      continue;
    }
    if (t.kind === 'value' && FLAT_T4.test(t.text)) {
      dataStart = i;
      break;
    }
    if (runStart < 0) runStart = i;
    if (i - runStart + 1 >= 5 && toks.slice(runStart, i + 1).some((x) => x.kind === 'value')) {
      dataStart = lastText + 1;
      break;
    }
  }
  if (dataStart < 0 && lastText >= 0) {
    // A blank form: the data row is one empty cell per column after the last header cell.
    const rest = toks.slice(lastText + 1).filter((t) => t.kind !== 'text' && !t.onTextLine);
    const firstText = toks.findIndex((t, i) => i > lastText && t.kind === 'text');
    const upto = firstText < 0 ? rest.length : toks.slice(lastText + 1, firstText).filter((t) => !t.onTextLine).length;
    if (upto >= T4_COLUMN_COUNT) dataStart = lastText + 1;
  }
  if (dataStart < 0 || lastText < 0) return null;
  const values: Tok[] = [];
  let flattened: { values: Tok[]; note: string } | null = null;
  const first = toks[dataStart]!;
  if (FLAT_T4.test(first.text)) {
    const sp = splitFlattened({ ...first, kind: 'text', text: first.text }, T4_COLUMN_COUNT, T4_CHECK, true);
    if (sp) flattened = { values: sp.values, note: sp.note };
  } else {
    for (let i = dataStart; i < toks.length; i++) {
      const t = toks[i]!;
      if (t.kind === 'text') break;
      if (t.onTextLine) continue;
      values.push(t);
    }
  }
  const vals = flattened ? flattened.values : fillEmptyLines(values, T4_COLUMN_COUNT, false);
  const headerTok = toks[lastText]!;
  const region = { start: from, end: Math.max(headerTok.e, vals.length ? vals[vals.length - 1]!.e : headerTok.e) };
  const problems: Table['problems'] = [];
  let row: Row;
  const base = { id: 'T4', label: '', labelSpan: null, labelMatch: 'exact' as const, templateLabel: '' };
  if (vals.length === 0) {
    problems.push({ span: spanToOriginal(nt, headerTok.s, headerTok.e), message: msg('表四未读到数据行', 'Table 4: no data row found') });
    row = { ...base, cells: cols.map((c) => makeCell(nt, c, null, 'unreadable')), alignment: 'ambiguous' };
  } else {
    const opts = readRow(vals, T4_COLUMN_COUNT, T4_CHECK, T4_SUSPICIOUS).options;
    if (opts.length === 1) {
      const pick = opts[0]!;
      row = {
        ...base,
        cells: cols.map((c, i) => makeCell(nt, c, pick.slots[i])),
        alignment: flattened ? 'reconstructed' : pick.kind,
        ...(pick.kind !== 'direct'
          ? { alignmentNote: msg(`数据行有 ${vals.length} 个单元格（应为 ${T4_COLUMN_COUNT} 个），已按合计关系确定对齐方式。`, `The data row has ${vals.length} cells for ${T4_COLUMN_COUNT} columns; the alignment was reconstructed from the totals.`) }
          : {}),
      };
    } else {
      row = {
        ...base,
        cells: cols.map((c, i) => makeCell(nt, c, vals[i], 'unreadable')),
        alignment: 'ambiguous',
        alignmentNote: msg(`数据行有 ${vals.length} 个单元格（应为 ${T4_COLUMN_COUNT} 个），无法确定各数值所属的列。`, `The data row has ${vals.length} cells for ${T4_COLUMN_COUNT} columns; which value belongs to which column cannot be decided.`),
      };
    }
  }
  void slotValue;
  return {
    table: { id: 'T4', span: spanToOriginal(nt, region.start, region.end), layout, rows: [row], missingRows: [], headerVariants: [], problems },
    region,
  };
}
