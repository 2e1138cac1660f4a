// A tiny PDF writer for tests: pages of positioned text (a CID font with an identity ToUnicode
// map, so any BMP character is extractable) and thin filled rectangles (table rules), plus a
// report laid out the way printed pages are: paragraphs wrapped at the margin, tables with a
// rule around every (merged) cell, rows flowing onto the next page.

import { toBlocks, type Origin } from './structured.ts';

export interface PdfText {
  x: number;
  y: number;
  size: number;
  text: string;
}
export interface PdfRect {
  x: number;
  y: number;
  w: number;
  h: number;
}
export interface PdfPage {
  texts: PdfText[];
  rects: PdfRect[];
}

const hex = (s: string) => [...s].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('');

/**
 * `font`: `identity` (default) embeds nothing but maps codes to Unicode with a ToUnicode map;
 * `unigb` is what Word/WPS write for a Chinese font left unembedded (宋体): a Type0 font with
 * the predefined CMap UniGB-UCS2-H over Adobe-GB1 and no ToUnicode map, so a reader needs
 * Adobe's CMaps (UniGB-UCS2-H, Adobe-GB1-UCS2) to get the text back.
 */
export function makePdf(pages: PdfPage[], opts: { brokenXref?: boolean; font?: 'identity' | 'unigb' } = {}): Uint8Array {
  const objs: string[] = [];
  const add = (body: string) => {
    objs.push(body);
    return objs.length;
  };
  const stream = (data: string) => `<< /Length ${Buffer.byteLength(data, 'latin1')} >>\nstream\n${data}\nendstream`;
  const ranges = Array.from({ length: 256 }, (_, h) => {
    const b = h.toString(16).padStart(2, '0');
    return `<${b}00> <${b}ff> <${b}00>`;
  });
  const cmap = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def
1 begincodespacerange <0000> <ffff> endcodespacerange
${[0, 100, 200].map((k) => `${ranges.slice(k, k + 100).length} beginbfrange\n${ranges.slice(k, k + 100).join('\n')}\nendbfrange`).join('\n')}
endcmap CMapName currentdict /CMap defineresource pop end end`;
  const catalog = add('<< /Type /Catalog /Pages 2 0 R >>');
  add('PAGES');
  const toUnicode = add(stream(cmap));
  const descriptor = add('<< /Type /FontDescriptor /FontName /TestSans /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>');
  const cid = add(`<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestSans /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${descriptor} 0 R /DW 1000 /CIDToGIDMap /Identity >>`);
  const font =
    opts.font === 'unigb'
      ? add(
          `<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /UniGB-UCS2-H /DescendantFonts [${add(
            `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 5 >> /FontDescriptor ${add('<< /Type /FontDescriptor /FontName /SimSun /Flags 6 /FontBBox [0 -141 1000 859] /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 700 /StemV 80 >>')} 0 R /DW 1000 >>`,
          )} 0 R] >>`,
        )
      : add(`<< /Type /Font /Subtype /Type0 /BaseFont /TestSans /Encoding /Identity-H /DescendantFonts [${cid} 0 R] /ToUnicode ${toUnicode} 0 R >>`);
  const kids: number[] = [];
  for (const p of pages) {
    const ops: string[] = ['0 g'];
    for (const r of p.rects) ops.push(`${r.x.toFixed(2)} ${r.y.toFixed(2)} ${r.w.toFixed(2)} ${r.h.toFixed(2)} re f`);
    for (const t of p.texts) ops.push(`BT /F1 ${t.size} Tf ${t.x.toFixed(2)} ${t.y.toFixed(2)} Td <${hex(t.text)}> Tj ET`);
    const content = add(stream(ops.join('\n')));
    kids.push(add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`));
  }
  objs[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let out = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objs.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(opts.brokenXref ? o + 7 : o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${opts.brokenXref ? xref + 13 : xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

/** A report (TSV text) printed: A4, 40 pt margins, 9 pt text, tables ruled, rows flowing over pages. */
export function reportToPdf(text: string, opts: { pageHeight?: number; colWidths?: (n: number) => number[]; font?: 'identity' | 'unigb' } = {}): Uint8Array {
  const H = opts.pageHeight ?? 842;
  const size = 9;
  const left = 40;
  const width = 515;
  const top = H - 40;
  const bottom = 40;
  const pages: PdfPage[] = [{ texts: [], rects: [] }];
  let y = top;
  const page = () => pages[pages.length - 1]!;
  const newPage = () => {
    pages.push({ texts: [], rects: [] });
    y = top;
  };
  const wrap = (s: string, w: number) => {
    const per = Math.max(1, Math.floor(w / size));
    const out: string[] = [];
    for (let i = 0; i < s.length; i += per) out.push(s.slice(i, i + per));
    return out.length ? out : [''];
  };
  for (const b of toBlocks(text)) {
    if (b.kind === 'p') {
      for (const line of wrap(b.text, width)) {
        if (y - size * 1.5 < bottom) newPage();
        y -= size * 1.5;
        page().texts.push({ x: left, y, size, text: line });
      }
      continue;
    }
    const n = b.rows[0]!.length;
    const widths = opts.colWidths?.(n) ?? defaultWidths(n);
    const xs = widths.reduce((acc, w) => [...acc, acc[acc.length - 1]! + w], [left]);
    // Row heights from the text each row's own cells need (merged cells share their rows).
    const heights = b.rows.map((row) => Math.max(...row.map((s, c) => (s && s.rowspan === 1 ? wrap(s.text, spanWidth(xs, c, s) - 4).length : 1))) * size * 1.3 + 4);
    y -= size;
    // Each row is placed on the current page or starts the next one.
    const place: { page: number; top: number }[] = [];
    for (const h of heights) {
      if (y - h < bottom) newPage();
      place.push({ page: pages.length - 1, top: y });
      y -= h;
    }
    b.rows.forEach((row, r) =>
      row.forEach((s, c) => {
        if (!s) return;
        drawCell(pages, place, heights, xs, r, c, s, size, wrap);
      }),
    );
  }
  return makePdf(pages, { font: opts.font });
}

function defaultWidths(n: number): number[] {
  if (n >= 10) return [70, 80, 125, ...new Array(n - 3).fill(240 / (n - 3))];
  return new Array(n).fill(515 / n);
}

const spanWidth = (xs: number[], c: number, s: Origin) => xs[c + s.colspan]! - xs[c]!;

function drawCell(pages: PdfPage[], place: { page: number; top: number }[], heights: number[], xs: number[], r: number, c: number, s: Origin, size: number, wrap: (s: string, w: number) => string[]) {
  const x0 = xs[c]!;
  const x1 = xs[c + s.colspan]!;
  const t = 0.6;
  // The cell's rows, grouped by page: a merged cell cut by a page break is a box on each page
  // without a rule at the cut (as browsers print it).
  const rows = Array.from({ length: s.rowspan }, (_, k) => r + k);
  const byPage = new Map<number, number[]>();
  for (const k of rows) byPage.set(place[k]!.page, [...(byPage.get(place[k]!.page) ?? []), k]);
  const parts = [...byPage.entries()];
  parts.forEach(([p, ks], i) => {
    const topY = place[ks[0]!]!.top;
    const botY = place[ks[ks.length - 1]!]!.top - heights[ks[ks.length - 1]!]!;
    const rects = pages[p]!.rects;
    rects.push({ x: x0, y: botY, w: t, h: topY - botY }, { x: x1 - t, y: botY, w: t, h: topY - botY });
    if (i === 0) rects.push({ x: x0, y: topY - t, w: x1 - x0, h: t });
    if (i === parts.length - 1) rects.push({ x: x0, y: botY, w: x1 - x0, h: t });
  });
  // The text at the top of the cell's first row.
  const first = place[r]!;
  const lines = wrap(s.text, x1 - x0 - 4);
  lines.forEach((line, i) => {
    if (line) pages[first.page]!.texts.push({ x: x0 + 2, y: first.top - 2 - size * (i + 1) * 1.1, size, text: line });
  });
}
