// A Word document (.docx) → SourceDocument. The zip is read with fflate (small, pure JS, runs in
// browsers) and only `word/document.xml` is inflated, in slices with a cap on the output, so a
// zip bomb stops at the cap instead of filling memory. The XML is read with htmlparser2 in XML
// mode: it never reads a DTD, so external entities are neither fetched nor expanded. Tables
// become grids with `w:gridSpan` (columns) and `w:vMerge` (rows) expanded; each `w:p` of a cell
// is joined into the cell's text; a table inside a table cell makes the outer one layout.

import { Inflate } from 'fflate';
import { Parser } from 'htmlparser2';
import { joinCellParts, SOURCE_LIMITS, sourceError, type Block, type GridCell, type SourceDocument } from './document';

const notDocx = () => sourceError('不是有效的 Word 文档（.docx）', 'not a valid Word document (.docx)');

/** The bytes of one zip entry, inflated with a cap. */
function unzipEntry(zip: Uint8Array, name: string, maxBytes: number): Uint8Array | null {
  const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  // End of central directory: in the last 64 KB + 22 bytes.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65557); i--)
    if (dv.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw notDocx();
  const count = dv.getUint16(eocd + 10, true);
  let p = dv.getUint32(eocd + 16, true);
  const dec = new TextDecoder('utf-8');
  for (let k = 0; k < count; k++) {
    if (p + 46 > zip.length || dv.getUint32(p, true) !== 0x02014b50) throw notDocx();
    const method = dv.getUint16(p + 10, true);
    const compSize = dv.getUint32(p + 20, true);
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    const local = dv.getUint32(p + 42, true);
    const entry = dec.decode(zip.subarray(p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;
    if (entry !== name) continue;
    if (local + 30 > zip.length || dv.getUint32(local, true) !== 0x04034b50) throw notDocx();
    const start = local + 30 + dv.getUint16(local + 26, true) + dv.getUint16(local + 28, true);
    const data = zip.subarray(start, Math.min(zip.length, start + compSize));
    if (method === 0) {
      if (data.length > maxBytes) throw tooBig();
      return data;
    }
    if (method !== 8) throw notDocx();
    return inflateCapped(data, maxBytes);
  }
  return null;
}

const tooBig = () => sourceError('Word 文档解压后过大（可能是“压缩炸弹”），已拒绝', 'the Word document inflates to too much data (a zip bomb?); refused');

function inflateCapped(data: Uint8Array, maxBytes: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inf = new Inflate((chunk) => {
    total += chunk.length;
    if (total > maxBytes) throw tooBig();
    chunks.push(chunk);
  });
  // Small input slices bound the output of each step (deflate expands at most ~1032×).
  const SLICE = 8192;
  try {
    for (let i = 0; i < data.length; i += SLICE) inf.push(data.subarray(i, Math.min(data.length, i + SLICE)), i + SLICE >= data.length);
  } catch (e) {
    if (e instanceof Error && e.message.startsWith('the Word document')) throw e;
    if ((e as { userMessage?: unknown }).userMessage) throw e;
    throw notDocx();
  }
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

interface TcBuild {
  parts: string[];
  span: number;
  vMerge: 'restart' | 'continue' | null;
  flow: Block[];
}
interface TblBuild {
  rows: { before: number; cells: TcBuild[] }[];
  row: { before: number; cells: TcBuild[] } | null;
  cell: TcBuild | null;
  layout: boolean;
}

export function readDocx(bytes: Uint8Array): SourceDocument {
  if (bytes.length > SOURCE_LIMITS.maxInputBytes) throw sourceError('Word 文档过大，不像是年度报告', 'Word document too large; not a report');
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw notDocx();
  const xml = unzipEntry(bytes, 'word/document.xml', SOURCE_LIMITS.maxMarkupChars);
  if (!xml) throw sourceError('Word 文档中没有正文（word/document.xml）', 'the Word document has no body (word/document.xml)');
  return readDocumentXml(new TextDecoder('utf-8').decode(xml));
}

/** `word/document.xml` → blocks. Exported for tests of the grid rules. */
export function readDocumentXml(xml: string): SourceDocument {
  const blocks: Block[] = [];
  const tables: TblBuild[] = [];
  let para: string[] | null = null;
  let inText = false;
  let skip = 0; // inside content that is not the visible text (fallbacks, deleted runs…)
  let depth = 0;
  let tooDeep = false;
  let paragraphNo = 0;
  let tableNo = 0;
  let gridCells = 0;

  const sink = (): Block[] => tables[tables.length - 1]?.cell?.flow ?? blocks;

  const finishTable = (t: TblBuild) => {
    if (t.layout) {
      for (const r of t.rows) for (const c of r.cells) sink().push(...c.flow);
      return;
    }
    const index = ++tableNo;
    const grid: GridCell[][] = [];
    // The origin of each column's vertical merge in progress.
    const open: (GridCell | undefined)[] = [];
    t.rows.forEach((row, r) => {
      const out: GridCell[] = [];
      let c = 0;
      for (; c < row.before; c++) out.push({ text: '', at: { kind: 'docx', table: index, row: r + 1, col: c + 1 }, origin: true });
      for (const tc of row.cells) {
        const above = open[c];
        const continues = tc.vMerge === 'continue' && above;
        const origin: GridCell = continues
          ? above!
          : { text: joinCellParts(tc.parts), at: { kind: 'docx', table: index, row: r + 1, col: c + 1 }, origin: true };
        for (let k = 0; k < tc.span; k++) {
          out.push(continues || k > 0 ? { text: origin.text, at: origin.at, origin: false } : origin);
          open[c + k] = tc.vMerge ? origin : undefined;
        }
        c += tc.span;
      }
      gridCells += out.length;
      if (gridCells > SOURCE_LIMITS.maxGridCells) throw sourceError('Word 表格过大，不像是年度报告', 'tables too large; not a report');
      grid.push(out);
    });
    const width = Math.max(0, ...grid.map((r) => r.length));
    if (width === 0) return;
    grid.forEach((r, ri) => {
      while (r.length < width) r.push({ text: '', at: { kind: 'docx', table: index, row: ri + 1, col: r.length + 1 }, origin: true });
    });
    const table: Block = { kind: 'table', index, rows: grid };
    const outer = tables[tables.length - 1];
    if (outer?.cell) {
      outer.layout = true;
      outer.cell.flow.push(table);
    } else blocks.push(table);
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        depth++;
        if (depth > SOURCE_LIMITS.maxDepth) tooDeep = true;
        if (skip > 0 || name === 'mc:Fallback' || name === 'w:del' || name === 'w:instrText' || name === 'w:txbxContent') {
          skip++;
          return;
        }
        const t = tables[tables.length - 1];
        switch (name) {
          case 'w:p':
            para = [];
            break;
          case 'w:t':
            inText = true;
            break;
          case 'w:tab':
            if (para) para.push(' ');
            break;
          case 'w:br':
          case 'w:cr':
            if (para) para.push('\n');
            break;
          case 'w:tbl':
            tables.push({ rows: [], row: null, cell: null, layout: false });
            break;
          case 'w:tr':
            if (t) t.row = { before: 0, cells: [] };
            break;
          case 'w:gridBefore':
            if (t?.row) t.row.before = Math.min(Number.parseInt(attribs['w:val'] ?? '0', 10) || 0, 1000);
            break;
          case 'w:tc':
            if (t?.row) {
              t.cell = { parts: [], span: 1, vMerge: null, flow: [] };
              t.row.cells.push(t.cell);
            }
            break;
          case 'w:gridSpan':
            if (t?.cell) t.cell.span = Math.max(1, Math.min(Number.parseInt(attribs['w:val'] ?? '1', 10) || 1, 1000));
            break;
          case 'w:vMerge':
            if (t?.cell) t.cell.vMerge = attribs['w:val'] === 'restart' ? 'restart' : 'continue';
            break;
        }
      },
      ontext(data) {
        if (skip === 0 && inText && para) para.push(data);
      },
      onclosetag(name) {
        depth--;
        if (skip > 0) {
          skip--;
          return;
        }
        const t = tables[tables.length - 1];
        switch (name) {
          case 'w:t':
            inText = false;
            break;
          case 'w:p': {
            const text = (para ?? []).join('');
            para = null;
            if (t?.cell) {
              t.cell.parts.push(text);
              if (text.trim()) t.cell.flow.push({ kind: 'paragraph', text: text.trim(), at: { kind: 'docx', paragraph: paragraphNo } });
            } else {
              paragraphNo++;
              const lines = text.replace(/[\t ]+$/gm, '');
              if (lines.trim()) blocks.push({ kind: 'paragraph', text: lines.replace(/^\n+|\n+$/g, ''), at: { kind: 'docx', paragraph: paragraphNo } });
            }
            break;
          }
          case 'w:tc':
            if (t) t.cell = null;
            break;
          case 'w:tr':
            if (t?.row) t.rows.push(t.row);
            if (t) t.row = null;
            break;
          case 'w:tbl':
            tables.pop();
            if (t) finishTable(t);
            break;
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
  if (tooDeep) throw sourceError(`Word 文档嵌套过深（超过 ${SOURCE_LIMITS.maxDepth} 层）`, `the Word document is nested too deeply (over ${SOURCE_LIMITS.maxDepth})`);
  while (tables.length) finishTable(tables.pop()!);
  return { source: 'docx', blocks };
}
