// A web page (.html) → SourceDocument, with htmlparser2 (a streaming tokenizer: no DOM, no
// recursion, nothing fetched or run). Paragraphs become blocks; each data table becomes a grid
// with rowspan/colspan expanded; a table that holds another table is page layout, so its cells
// flow as blocks. Page chrome is left out: <head>, scripts and styles, <nav>/<header>/<footer>/
// <aside>, hidden elements, and paragraphs made only of links (menus, breadcrumbs, related links).

import { Parser } from 'htmlparser2';
import { LineIndex } from '../text/lineIndex';
import { joinCellParts, SOURCE_LIMITS, sourceError, type Block, type GridCell, type SourceDocument, type SourceLocation } from './document';

const SKIP = new Set(['head', 'script', 'style', 'noscript', 'template', 'nav', 'header', 'footer', 'aside', 'iframe', 'object', 'embed', 'svg', 'math', 'select', 'button', 'textarea', 'canvas', 'video', 'audio', 'map']);
const BLOCK = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'section', 'article', 'main',
  'table', 'caption', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'hr', 'br', 'address', 'center', 'figure', 'figcaption', 'form', 'fieldset', 'body', 'html',
]);

interface Text {
  chars: string[];
  src: number[];
  /** Characters inside <a>, to recognise menus (a paragraph of links only). */
  linkChars: number;
}

interface CellBuild {
  parts: Text[];
  /** Tables nested in this cell (the outer table is then layout). */
  nested: Block[];
  /** Blocks in order, for a layout table's flow. */
  flow: Block[];
  rowspan: number;
  colspan: number;
  tagAt: number;
}

interface TableBuild {
  rows: CellBuild[][];
  row: CellBuild[] | null;
  cell: CellBuild | null;
  layout: boolean;
  depth: number;
}

const isSpace = (c: string) => c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\f';

function spanAttr(v: string | undefined, max: number): number {
  const n = Number.parseInt(v ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : 1;
}

function hidden(attribs: Record<string, string>): boolean {
  if ('hidden' in attribs) return true;
  const st = (attribs.style ?? '').replace(/\s/g, '').toLowerCase();
  return st.includes('display:none') || st.includes('visibility:hidden');
}

/** Read a web page. Throws SourceError for input that is too large or too deeply nested. */
export function readHtml(html: string): SourceDocument {
  if (html.length > SOURCE_LIMITS.maxMarkupChars)
    throw sourceError(`网页过大（${html.length} 字符），不像是年度报告`, `web page too large (${html.length} characters); not a report`);
  const lines = new LineIndex(html);
  const locAt = (i: number): SourceLocation => {
    const p = lines.positionAt(i);
    return { kind: 'html', line: p.line + 1, column: p.character + 1 };
  };
  const blocks: Block[] = [];
  const tables: TableBuild[] = [];
  let cur: Text = { chars: [], src: [], linkChars: 0 };
  let depth = 0;
  let skipDepth = 0; // >0: inside chrome
  let linkDepth = 0;
  let tooDeep = false;
  let gridCells = 0;
  let tableCount = 0;

  const sink = (): Block[] => {
    const t = tables[tables.length - 1];
    return t?.cell ? t.cell.flow : blocks;
  };

  const flush = () => {
    // Trim (collapsed) spaces at both ends.
    let s = 0;
    let e = cur.chars.length;
    while (s < e && cur.chars[s] === ' ') s++;
    while (e > s && cur.chars[e - 1] === ' ') e--;
    const linkOnly = cur.linkChars > 0 && cur.linkChars >= cur.chars.filter((c) => c !== ' ').length;
    if (e > s && !linkOnly) {
      const text = cur.chars.slice(s, e).join('');
      const src = cur.src.slice(s, e);
      const t = tables[tables.length - 1];
      if (t?.cell) t.cell.parts.push({ chars: cur.chars.slice(s, e), src, linkChars: 0 });
      const at = (o: number) => locAt(src[Math.max(0, Math.min(o, src.length - 1))]!);
      sink().push({ kind: 'paragraph', text, at });
    }
    cur = { chars: [], src: [], linkChars: 0 };
  };

  const closeCell = (t: TableBuild) => {
    if (!t.cell) return;
    flush();
    t.cell = null;
  };
  const closeRow = (t: TableBuild) => {
    closeCell(t);
    if (t.row) t.rows.push(t.row);
    t.row = null;
  };

  const finishTable = (t: TableBuild) => {
    closeRow(t);
    if (t.layout) {
      for (const row of t.rows) for (const c of row) sink().push(...c.flow);
      return;
    }
    const grid = expand(t.rows);
    if (!grid) {
      for (const row of t.rows) for (const c of row) sink().push(...c.flow);
      return;
    }
    gridCells += grid.length * (grid[0]?.length ?? 0);
    if (gridCells > SOURCE_LIMITS.maxGridCells) throw sourceError('网页表格过大，不像是年度报告', 'tables too large; not a report');
    const rows: GridCell[][] = grid.map((r) =>
      r.map(({ cell, origin }) => {
        const parts = cell.parts.map((p) => p.chars.join(''));
        const first = cell.parts[0]?.src[0] ?? cell.tagAt;
        return { text: joinCellParts(parts), at: locAt(first), origin };
      }),
    );
    const table: Block = { kind: 'table', index: ++tableCount, rows };
    const outer = tables[tables.length - 1];
    if (outer?.cell) {
      outer.layout = true;
      outer.cell.flow.push(table);
    } else blocks.push(table);
  };

  const handler = {
    onopentag(name: string, attribs: Record<string, string>) {
      depth++;
      if (depth > SOURCE_LIMITS.maxDepth) tooDeep = true;
      if (skipDepth > 0 || SKIP.has(name) || hidden(attribs)) {
        skipDepth++;
        return;
      }
      if (name === 'a') linkDepth++;
      if (!BLOCK.has(name)) return;
      flush();
      const t = tables[tables.length - 1];
      if (name === 'table') {
        tables.push({ rows: [], row: null, cell: null, layout: false, depth });
      } else if (t && (name === 'td' || name === 'th')) {
        closeCell(t);
        if (!t.row) t.row = [];
        t.cell = { parts: [], nested: [], flow: [], rowspan: spanAttr(attribs.rowspan, 1000), colspan: spanAttr(attribs.colspan, 1000), tagAt: parser.startIndex };
        t.row.push(t.cell);
      } else if (t && name === 'tr') {
        closeRow(t);
        t.row = [];
      }
    },
    onclosetag(name: string) {
      depth--;
      if (skipDepth > 0) {
        skipDepth--;
        return;
      }
      if (name === 'a') linkDepth = Math.max(0, linkDepth - 1);
      if (!BLOCK.has(name)) return;
      flush();
      const t = tables[tables.length - 1];
      if (!t) return;
      if (name === 'table') {
        tables.pop();
        finishTable(t);
      } else if (name === 'td' || name === 'th') closeCell(t);
      else if (name === 'tr') closeRow(t);
    },
    ontext(data: string) {
      if (skipDepth > 0) return;
      const start = parser.startIndex;
      // An entity is one decoded character for a longer source run: all of it maps to its start.
      const raw = parser.endIndex - start + 1 === data.length;
      for (let i = 0; i < data.length; i++) {
        const c = data[i]!;
        if (isSpace(c)) {
          if (cur.chars.length === 0 || cur.chars[cur.chars.length - 1] === ' ') continue;
          cur.chars.push(' ');
        } else {
          cur.chars.push(c);
          if (linkDepth > 0) cur.linkChars++;
        }
        cur.src.push(raw ? start + i : start);
      }
    },
  };
  // The handler reads parser.startIndex/endIndex while parsing: it is defined first.
  const parser = new Parser(handler, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  parser.end(html);
  if (tooDeep) throw sourceError(`网页元素嵌套过深（超过 ${SOURCE_LIMITS.maxDepth} 层），不像是年度报告`, `elements nested too deeply (over ${SOURCE_LIMITS.maxDepth}); not a report`);
  flush();
  while (tables.length) finishTable(tables.pop()!);
  return { source: 'html', blocks };
}

/** Expand rowspan/colspan into a rectangular grid (the HTML table model). null: no cells. */
function expand(rows: CellBuild[][]): { cell: CellBuild; origin: boolean }[][] | null {
  const grid: ({ cell: CellBuild; origin: boolean } | undefined)[][] = [];
  let width = 0;
  rows.forEach((row, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const cell of row) {
      while (grid[r]![c]) c++;
      // A rowspan never reaches past the table's last row (as in browsers).
      const rs = Math.min(cell.rowspan, rows.length - r);
      for (let dr = 0; dr < rs; dr++) {
        grid[r + dr] ??= [];
        for (let dc = 0; dc < cell.colspan; dc++) grid[r + dr]![c + dc] = { cell, origin: dr === 0 && dc === 0 };
      }
      c += cell.colspan;
      width = Math.max(width, c);
      if (width * rows.length > SOURCE_LIMITS.maxGridCells) throw sourceError('网页表格过大，不像是年度报告', 'table too large; not a report');
    }
  });
  if (width === 0) return null;
  const empty: CellBuild = { parts: [], nested: [], flow: [], rowspan: 1, colspan: 1, tagAt: 0 };
  return grid.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? { cell: empty, origin: true }));
}

/**
 * Bytes of a web page → text: a BOM decides, else a `<meta charset>` / `http-equiv` in the first
 * 4 KB, else UTF-8 when valid, else GB18030 (pages saved on Chinese Windows).
 */
export function decodeHtml(bytes: Uint8Array): string {
  if (bytes.length > SOURCE_LIMITS.maxMarkupChars * 2) throw sourceError('网页过大，不像是年度报告', 'web page too large; not a report');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_-]+)/i.exec(head);
  const declared = m?.[1]?.toLowerCase();
  if (declared && /^(gb2312|gbk|gb18030|x-gbk|cp936)$/.test(declared)) return new TextDecoder('gb18030').decode(bytes);
  if (declared === 'big5') return new TextDecoder('big5').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
