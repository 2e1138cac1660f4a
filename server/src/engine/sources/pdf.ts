// A PDF → SourceDocument, with pdf.js (Mozilla's maintained reader; no scripts run, nothing
// fetched: the bytes are all it sees). Text comes with positions (getTextContent); tables come
// from their ruling lines (the thin filled or stroked rectangles of cell borders in the
// operator list): the distinct x of vertical rules are the column boundaries, the distinct y of
// horizontal rules the row boundaries, and a missing rule between two slots merges them (colspan,
// rowspan). Each glyph goes to the cell containing it. A table that ends one page and goes on at
// the top of the next with the same columns is joined into one grid. Text outside tables becomes
// paragraphs (wrapped lines rejoined); lines repeated on every page in the margins (a printed
// header/footer) are page chrome and dropped. A table without rules is left as text lines.

import { foldRadical } from '../text/normalize';
import { SOURCE_LIMITS, sourceError, type Block, type GridCell, type SourceDocument, type SourceLocation } from './document';

/** One glyph (or a run of a text item, split per character) with its box in page space (y up). */
interface Glyph {
  ch: string;
  x: number;
  w: number;
  /** Baseline. */
  y: number;
  size: number;
}

interface Rule {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

interface PageTable {
  /** Column boundaries left→right, row boundaries top→bottom (y descending). */
  xs: number[];
  ys: number[];
  hRules: Rule[];
  vRules: Rule[];
  glyphs: Glyph[];
  page: number;
  top: number;
  bottom: number;
}

type PageBlock = { kind: 'line'; glyphs: Glyph[]; y: number; page: number } | { kind: 'table'; t: PageTable };

const TOL = 2.5;
const isWide = (ch: string) => /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(ch);

/** Enough of DOMMatrix for pdf.js to load (an identity 2-D matrix); never used to draw. */
class StandInMatrix {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;
  constructor(init?: number[]) {
    if (init && init.length >= 6) [this.a, this.b, this.c, this.d, this.e, this.f] = init as [number, number, number, number, number, number];
  }
}

let pdfjsPromise: Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')> | null = null;

/** pdf.js with its worker code run in this thread (no Worker, no URL to fetch). */
function pdfjs() {
  pdfjsPromise ??= (async () => {
    const g = globalThis as { pdfjsWorker?: unknown };
    // Quiet: pdf.js warns on load about optional canvas packages a text reader does not need.
    const log = console.log;
    const warn = console.warn;
    console.log = console.warn = () => {};
    // pdf.js's display layer builds one DOMMatrix when it loads (for canvas rendering, which a
    // text reader never does); without a DOM or a native canvas package, lend it a stand-in.
    const g2 = globalThis as { DOMMatrix?: unknown };
    const lent = g2.DOMMatrix === undefined;
    if (lent) g2.DOMMatrix = StandInMatrix;
    try {
      // @ts-expect-error the worker module has no type declarations
      g.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
      lib.GlobalWorkerOptions.workerSrc ||= 'in-thread';
      return lib;
    } finally {
      console.log = log;
      console.warn = warn;
      if (lent) delete g2.DOMMatrix;
    }
  })();
  return pdfjsPromise;
}

/**
 * Adobe's predefined CMaps by name (`UniGB-UCS2-H`, `Adobe-GB1-UCS2`), packed (.bcmap), or null
 * when this environment has none. A PDF whose Chinese font is not embedded (Word/WPS with 宋体
 * left out) encodes its text through them; without them its text cannot be read. The engine
 * stays pure: the file system that holds them belongs to the adapter (node/cmaps.ts).
 */
export type CMapSource = (name: string) => Promise<Uint8Array | null>;

/** pdf.js asks this for CMaps (instead of fetching a URL): the injected source, nothing else. */
function cmapFactory(cmaps: CMapSource | undefined, missing: Set<string>) {
  return class {
    async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
      const name = filename.replace(/\.bcmap$/, '');
      const data = kind === 'cMapUrl' && cmaps ? await cmaps(name) : null;
      if (!data) {
        missing.add(name);
        throw new Error(`no ${kind === 'cMapUrl' ? 'CMap' : kind} data for ${name}`);
      }
      return data;
    }
  };
}

export async function readPdf(bytes: Uint8Array, opts: { timeoutMs?: number; cmaps?: CMapSource } = {}): Promise<SourceDocument> {
  if (bytes.length > SOURCE_LIMITS.maxInputBytes) throw sourceError('PDF 文件过大，不像是年度报告', 'PDF too large; not a report');
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (!head.includes('%PDF-')) throw sourceError('不是有效的 PDF 文件', 'not a valid PDF file');
  const lib = await pdfjs();
  const missingCMaps = new Set<string>();
  const task = lib.getDocument({
    // pdf.js takes the buffer over; give it a copy so the caller's bytes stay usable.
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: 0,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    // CMaps come from the injected source; the URL is only a name pdf.js insists on.
    cMapUrl: 'cmaps/',
    cMapPacked: true,
    BinaryDataFactory: cmapFactory(opts.cmaps, missingCMaps),
  } as Parameters<Lib['getDocument']>[0]);
  const timeoutMs = opts.timeoutMs ?? 60_000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(sourceError('读取 PDF 超时，已放弃', `reading the PDF took longer than ${timeoutMs / 1000} s; gave up`)), timeoutMs);
  });
  try {
    const doc = await Promise.race([readAll(lib, task), timeout]);
    if (missingCMaps.size > 0 && !doc.blocks.some((b) => b.kind === 'table' || b.text.trim())) {
      const names = [...missingCMaps].join(', ');
      throw sourceError(
        `此 PDF 的中文字体未嵌入，文字要用 Adobe 字符映射表（${names}）才能读出，这里没有这些数据（命令行工具 nianbao 自带）`,
        `this PDF's Chinese font is not embedded; its text needs Adobe's character maps (${names}), which are not available here (the nianbao command-line tool has them)`,
      );
    }
    return doc;
  } catch (e) {
    if ((e as { userMessage?: unknown }).userMessage) throw e;
    const name = (e as { name?: string }).name;
    if (name === 'PasswordException') throw sourceError('PDF 有密码保护，无法读取', 'the PDF is password-protected');
    throw sourceError(`无法读取 PDF（${String((e as Error)?.message ?? e).slice(0, 120)}）`, `cannot read the PDF (${String((e as Error)?.message ?? e).slice(0, 120)})`);
  } finally {
    clearTimeout(timer);
    void task.destroy();
  }
}

type Lib = Awaited<ReturnType<typeof pdfjs>>;

async function readAll(lib: Lib, task: ReturnType<Lib['getDocument']>): Promise<SourceDocument> {
  const doc = await task.promise;
  if (doc.numPages > SOURCE_LIMITS.maxPdfPages)
    throw sourceError(`PDF 有 ${doc.numPages} 页，不像是年度报告（上限 ${SOURCE_LIMITS.maxPdfPages} 页）`, `the PDF has ${doc.numPages} pages; not a report (limit ${SOURCE_LIMITS.maxPdfPages})`);
  const pages: { blocks: PageBlock[]; height: number }[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [tc, ops] = await Promise.all([page.getTextContent(), page.getOperatorList()]);
    const glyphs = glyphsOf(tc.items as { str?: string; transform?: number[]; width?: number }[]);
    const rules = rulesOf(lib, ops.fnArray, ops.argsArray);
    const [, y0, , y1] = page.view as number[];
    pages.push({ blocks: layoutPage(n, glyphs, rules), height: (y1 ?? 842) - (y0 ?? 0) });
    page.cleanup();
  }
  return assemble(dropChrome(pages));
}

/** Text items → glyphs: each character gets its share of the item's width (CJK a full em). */
function glyphsOf(items: { str?: string; transform?: number[]; width?: number }[]): Glyph[] {
  const out: Glyph[] = [];
  for (const it of items) {
    if (!it.str || !it.transform) continue;
    const [a, b, , , e, f] = it.transform as [number, number, number, number, number, number];
    const size = Math.hypot(a, b) || 1;
    const chars = [...it.str];
    const wide = chars.filter(isWide).length;
    const narrow = chars.length - wide;
    const total = it.width ?? size * chars.length;
    const narrowW = narrow ? Math.max(0, total - wide * size) / narrow : 0;
    const wideW = narrow ? size : total / Math.max(1, wide);
    let x = e;
    for (const ch of chars) {
      const w = isWide(ch) ? wideW : narrowW;
      // The glyph's meaning, not the radical code point some fonts map it to (`⼀` → `一`).
      if (ch.trim()) out.push({ ch: foldRadical(ch), x, w, y: f, size });
      x += w;
    }
  }
  return out;
}

/** Thin rectangles of filled or stroked paths: the rules of tables (page space, y up). */
function rulesOf(lib: Lib, fns: number[], args: unknown[][]): { h: Rule[]; v: Rule[] } {
  const OPS = lib.OPS as Record<string, number>;
  const paint = new Set([OPS.stroke, OPS.closeStroke, OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  let ctm = [1, 0, 0, 1, 0, 0];
  const stack: number[][] = [];
  const h: Rule[] = [];
  const v: Rule[] = [];
  const mul = (m: number[], n: number[]) => [
    m[0]! * n[0]! + m[2]! * n[1]!,
    m[1]! * n[0]! + m[3]! * n[1]!,
    m[0]! * n[2]! + m[2]! * n[3]!,
    m[1]! * n[2]! + m[3]! * n[3]!,
    m[0]! * n[4]! + m[2]! * n[5]! + m[4]!,
    m[1]! * n[4]! + m[3]! * n[5]! + m[5]!,
  ];
  const pt = (x: number, y: number) => [ctm[0]! * x + ctm[2]! * y + ctm[4]!, ctm[1]! * x + ctm[3]! * y + ctm[5]!] as const;
  for (let i = 0; i < fns.length; i++) {
    const fn = fns[i];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = mul(ctm, args[i] as number[]);
    else if (fn === OPS.constructPath) {
      const [op, , minMax] = args[i] as [number, unknown, ArrayLike<number> | null];
      if (!paint.has(op) || !minMax) continue;
      const [p0x, p0y] = pt(minMax[0]!, minMax[1]!);
      const [p1x, p1y] = pt(minMax[2]!, minMax[3]!);
      const r: Rule = { x0: Math.min(p0x, p1x), x1: Math.max(p0x, p1x), y0: Math.min(p0y, p1y), y1: Math.max(p0y, p1y) };
      const w = r.x1 - r.x0;
      const ht = r.y1 - r.y0;
      if (ht <= TOL && w > TOL) h.push(r);
      else if (w <= TOL && ht > TOL) v.push(r);
      else if (w > TOL && ht > TOL && (op === OPS.stroke || op === OPS.closeStroke)) {
        // A stroked box: its four edges.
        h.push({ ...r, y1: r.y0 }, { ...r, y0: r.y1 });
        v.push({ ...r, x1: r.x0 }, { ...r, x0: r.x1 });
      }
    }
  }
  return { h, v };
}

/** Cluster sorted coordinates: values closer than TOL are one boundary (their mean). */
function clusters(values: number[]): number[] {
  const s = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of s) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1]! <= TOL) last.push(v);
    else out.push([v]);
  }
  return out.map((c) => c.reduce((a, b) => a + b, 0) / c.length);
}

function layoutPage(page: number, glyphs: Glyph[], rules: { h: Rule[]; v: Rule[] }): PageBlock[] {
  // Tables: groups of rules that touch each other.
  const all = [...rules.h.map((r) => ({ r, h: true })), ...rules.v.map((r) => ({ r, h: false }))];
  const parent = all.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const touch = (a: Rule, b: Rule) => a.x0 - TOL <= b.x1 && b.x0 - TOL <= a.x1 && a.y0 - TOL <= b.y1 && b.y0 - TOL <= a.y1;
  // Sort by x0 to limit comparisons to overlapping x ranges.
  const order = all.map((_, i) => i).sort((i, j) => all[i]!.r.x0 - all[j]!.r.x0);
  for (let a = 0; a < order.length; a++)
    for (let b = a + 1; b < order.length; b++) {
      const ra = all[order[a]!]!.r;
      const rb = all[order[b]!]!.r;
      if (rb.x0 - TOL > ra.x1) break;
      if (touch(ra, rb)) parent[find(order[a]!)] = find(order[b]!);
    }
  const groups = new Map<number, { h: Rule[]; v: Rule[] }>();
  all.forEach((x, i) => {
    const g = groups.get(find(i)) ?? { h: [], v: [] };
    (x.h ? g.h : g.v).push(x.r);
    groups.set(find(i), g);
  });
  const tables: PageTable[] = [];
  for (const g of groups.values()) {
    const xs = clusters(g.v.flatMap((r) => [(r.x0 + r.x1) / 2]));
    const ys = clusters(g.h.flatMap((r) => [(r.y0 + r.y1) / 2])).reverse();
    if (xs.length < 2 || ys.length < 2) continue;
    tables.push({ xs, ys, hRules: g.h, vRules: g.v, glyphs: [], page, top: ys[0]!, bottom: ys[ys.length - 1]! });
  }
  const free: Glyph[] = [];
  for (const gl of glyphs) {
    const cx = gl.x + gl.w / 2;
    const cy = gl.y + gl.size * 0.35;
    const t = tables.find((t) => cx > t.xs[0]! && cx < t.xs[t.xs.length - 1]! && cy < t.top && cy > t.bottom);
    if (t) t.glyphs.push(gl);
    else free.push(gl);
  }
  const blocks: PageBlock[] = [];
  for (const line of textLines(free)) blocks.push({ kind: 'line', glyphs: line, y: line[0]!.y, page });
  for (const t of tables) if (t.glyphs.length) blocks.push({ kind: 'table', t });
  // Top to bottom.
  const topOf = (b: PageBlock) => (b.kind === 'line' ? b.y + b.glyphs[0]!.size : b.t.top);
  return blocks.sort((a, b) => topOf(b) - topOf(a));
}

/** Glyphs → lines (same baseline within a third of the size), each left to right. */
function textLines(glyphs: Glyph[]): Glyph[][] {
  const sorted = [...glyphs].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Glyph[][] = [];
  for (const g of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line[0]!.y - g.y) <= g.size / 3) line.push(g);
    else lines.push([g]);
  }
  return lines.map((l) => l.sort((a, b) => a.x - b.x));
}

/** A line's text: a space where glyphs stand apart (more than a third of an em). */
function lineText(line: Glyph[]): string {
  let s = '';
  let prevEnd = -Infinity;
  for (const g of line) {
    if (s && g.x - prevEnd > g.size / 3) s += ' ';
    s += g.ch;
    prevEnd = g.x + g.w;
  }
  return s;
}

/** Lines in the top or bottom margin that recur (digits aside) on most pages: header/footer. */
function dropChrome(pages: { blocks: PageBlock[]; height: number }[]): PageBlock[][] {
  if (pages.length < 2) return pages.map((p) => p.blocks);
  const key = (b: PageBlock) => (b.kind === 'line' ? lineText(b.glyphs).replace(/\d+/g, '#') : '');
  const inMargin = (b: PageBlock, height: number) => b.kind === 'line' && (b.y > height * 0.9 || b.y < height * 0.1);
  const seen = new Map<string, number>();
  for (const p of pages) for (const k of new Set(p.blocks.filter((b) => inMargin(b, p.height)).map(key))) seen.set(k, (seen.get(k) ?? 0) + 1);
  const min = Math.max(2, Math.ceil(pages.length / 2));
  return pages.map((p) => p.blocks.filter((b) => !(inMargin(b, p.height) && (seen.get(key(b)) ?? 0) >= min)));
}

/** Pages → blocks: tables continued across a page break joined, text lines rejoined into paragraphs. */
function assemble(pages: PageBlock[][]): SourceDocument {
  // Join a table that ends a page with a table that starts the next one on the same columns.
  const flat: PageBlock[] = [];
  const parts = new Map<PageTable, PageTable[]>();
  for (const blocks of pages) {
    blocks.forEach((b, i) => {
      const prev = flat[flat.length - 1];
      if (i === 0 && b.kind === 'table' && prev?.kind === 'table' && sameColumns(prev.t, b.t)) {
        parts.get(prev.t)!.push(b.t);
        return;
      }
      if (b.kind === 'table') parts.set(b.t, [b.t]);
      flat.push(b);
    });
  }
  const blocks: Block[] = [];
  let tableNo = 0;
  let para: { lines: Glyph[][]; page: number } | null = null;
  const flushPara = () => {
    if (!para) return;
    const p = para;
    para = null;
    const text = p.lines.map(lineText).join('');
    blocks.push({ kind: 'paragraph', text, at: { kind: 'pdf', page: p.page } });
  };
  // Paragraph geometry: the text's left edge and right edge over the document.
  const lines = flat.filter((b): b is Extract<PageBlock, { kind: 'line' }> => b.kind === 'line');
  const left = Math.min(...lines.map((l) => l.glyphs[0]!.x));
  const right = Math.max(...lines.map((l) => l.glyphs[l.glyphs.length - 1]!.x + l.glyphs[l.glyphs.length - 1]!.w));
  let prevLine: Glyph[] | null = null;
  for (const b of flat) {
    if (b.kind === 'table') {
      flushPara();
      prevLine = null;
      const index = ++tableNo;
      blocks.push({ kind: 'table', index, rows: gridOf(parts.get(b.t)!, index) });
      continue;
    }
    const first = b.glyphs[0]!;
    const last = prevLine?.[prevLine.length - 1];
    // A line continues the paragraph when the one before ran to the right edge and this one
    // starts at the left edge (no indent) and is not a numbered heading.
    const continues =
      para && last && last.x + last.w >= right - 2 * last.size && first.x <= left + first.size / 2 && !/^[一二三四五六七八九十]+、|^（[一二三四五六七八九十]+）/.test(lineText(b.glyphs));
    if (!continues) flushPara();
    para ??= { lines: [], page: b.page };
    para.lines.push(b.glyphs);
    prevLine = b.glyphs;
  }
  flushPara();
  return { source: 'pdf', blocks };
}

function sameColumns(a: PageTable, b: PageTable): boolean {
  const near = (x: number, xs: number[]) => xs.some((y) => Math.abs(x - y) <= TOL * 2);
  return Math.abs(a.xs[0]! - b.xs[0]!) <= TOL * 2 && Math.abs(a.xs[a.xs.length - 1]! - b.xs[b.xs.length - 1]!) <= TOL * 2 && (b.xs.every((x) => near(x, a.xs)) || a.xs.every((x) => near(x, b.xs)));
}

/** The grid of a table (its parts on consecutive pages stacked), merged slots from missing rules. */
function gridOf(parts: PageTable[], index: number): GridCell[][] {
  const xs = clusters(parts.flatMap((p) => p.xs));
  // Rows of every part, top to bottom, part after part; each row knows its part.
  const rows: { top: number; bottom: number; part: PageTable }[] = [];
  for (const p of parts) for (let r = 0; r + 1 < p.ys.length; r++) rows.push({ top: p.ys[r]!, bottom: p.ys[r + 1]!, part: p });
  const nr = rows.length;
  const nc = xs.length - 1;
  if (nr * nc > SOURCE_LIMITS.maxGridCells) throw sourceError('PDF 表格过大，不像是年度报告', 'table too large; not a report');
  const covers = (rs: Rule[], pred: (r: Rule) => boolean) => rs.some(pred);
  // Slot owner via union-find.
  const id = (r: number, c: number) => r * nc + c;
  const parent = Array.from({ length: nr * nc }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    // Keep the top-left slot as the root.
    if (ra < rb) parent[rb] = ra;
    else if (rb < ra) parent[ra] = rb;
  };
  for (let r = 0; r < nr; r++) {
    const row = rows[r]!;
    const midY = (row.top + row.bottom) / 2;
    for (let c = 0; c + 1 < nc; c++) {
      const x = xs[c + 1]!;
      const ruled = covers(row.part.vRules, (v) => Math.abs((v.x0 + v.x1) / 2 - x) <= TOL && v.y0 - TOL <= midY && v.y1 + TOL >= midY);
      if (!ruled) union(id(r, c), id(r, c + 1));
    }
    if (r + 1 < nr) {
      const next = rows[r + 1]!;
      for (let c = 0; c < nc; c++) {
        const midX = (xs[c]! + xs[c + 1]!) / 2;
        // Across a page break the parts are separate boxes: a cell continues when neither the
        // bottom of this part nor the top of the next has a rule there.
        const ruledBelow = covers(row.part.hRules, (h) => Math.abs((h.y0 + h.y1) / 2 - row.bottom) <= TOL && h.x0 - TOL <= midX && h.x1 + TOL >= midX);
        const ruledAbove = next.part === row.part ? ruledBelow : covers(next.part.hRules, (h) => Math.abs((h.y0 + h.y1) / 2 - next.top) <= TOL && h.x0 - TOL <= midX && h.x1 + TOL >= midX);
        if (!ruledBelow && !ruledAbove) union(id(r, c), id(r + 1, c));
      }
    }
  }
  // Glyphs → slots → cells.
  const cellGlyphs = new Map<number, Glyph[]>();
  for (let r = 0; r < nr; r++) {
    const row = rows[r]!;
    for (const g of row.part.glyphs) {
      const cy = g.y + g.size * 0.35;
      if (!(cy < row.top && cy >= row.bottom)) continue;
      const cx = g.x + g.w / 2;
      let c = 0;
      while (c + 1 < nc && cx > xs[c + 1]!) c++;
      const root = find(id(r, c));
      const list = cellGlyphs.get(root) ?? [];
      list.push(g);
      cellGlyphs.set(root, list);
    }
  }
  const text = new Map<number, string>();
  for (const [root, gs] of cellGlyphs) text.set(root, textLines(gs).map(lineText).join(''));
  // A row that starts no cell with text adds nothing: a sliver between two rules that only
  // part of the table has (a merged cell's edge, a border cut at a page break).
  const kept = [...Array(nr).keys()].filter((r) => [...Array(nc).keys()].some((c) => find(id(r, c)) === id(r, c) && text.get(id(r, c))));
  const rowNo = new Map<number, number>();
  kept.forEach((r, i) => rowNo.set(r, i + 1));
  const numberOf = (r: number) => rowNo.get(r) ?? rowNo.get(kept.find((k) => k > r) ?? -1) ?? kept.length;
  const grid: GridCell[][] = [];
  for (const r of kept) {
    const out: GridCell[] = [];
    for (let c = 0; c < nc; c++) {
      const root = find(id(r, c));
      const rr = Math.floor(root / nc);
      const rc = root % nc;
      const at: SourceLocation = { kind: 'pdf', page: rows[rr]!.part.page, table: index, row: numberOf(rr), col: rc + 1 };
      out.push({ text: text.get(root) ?? '', at, origin: root === id(r, c) });
    }
    grid.push(out);
  }
  return grid;
}
