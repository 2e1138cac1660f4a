// Synthetic structured sources for tests: a report written as TSV text (reports.ts) turned
// into a web page or a Word document the way publishers lay tables out — labels merged down
// (三、本年度办理结果 over every result row: rowspan / w:vMerge) and across (一、本年新收… over
// three label columns: colspan / w:gridSpan).

import { zipSync } from 'fflate';

export interface Origin {
  text: string;
  rowspan: number;
  colspan: number;
}
/** A grid slot: an origin cell, or covered by one (null). */
type Slot = Origin | null;
export type Block = { kind: 'p'; text: string } | { kind: 'table'; rows: Slot[][] };

const isNum = (s: string) => /^\d+(?:\.\d+)?$/.test(s.trim());

/** Split report text into paragraphs and merged tables (tab-separated lines are table rows). */
export function toBlocks(text: string): Block[] {
  const out: Block[] = [];
  let rows: string[][] = [];
  const flushTable = () => {
    if (rows.length) out.push({ kind: 'table', rows: mergeRows(rows) });
    rows = [];
  };
  for (const line of text.split('\n')) {
    if (line.includes('\t')) rows.push(line.split('\t'));
    else {
      flushTable();
      if (line.trim()) out.push({ kind: 'p', text: line });
    }
  }
  flushTable();
  return out;
}

function mergeRows(raw: string[][]): Slot[][] {
  const width = Math.max(...raw.map((r) => r.length));
  // Labels left, values right: a short row keeps its labels at the start and its values at the end.
  const cells = raw.map((r) => {
    const firstNum = r.findIndex(isNum);
    const split = firstNum < 0 ? 1 : firstNum;
    const labels = r.slice(0, split);
    const values = r.slice(split);
    return [...labels, ...new Array(width - r.length).fill(''), ...values];
  });
  const labelEnd = cells.map((r, i) => (raw[i]!.some(isNum) ? r.findIndex(isNum) : 0));
  const grid: Slot[][] = cells.map((r) => r.map((t) => ({ text: t, rowspan: 1, colspan: 1 })));
  const owner: ({ r: number; c: number } | null)[][] = cells.map((r, ri) => r.map((_, ci) => ({ r: ri, c: ci })));
  for (let r = 1; r < cells.length; r++)
    for (let c = 0; c < labelEnd[r]!; c++) {
      if (cells[r]![c] !== '') continue;
      const hasLabelRight = cells[r]!.slice(c + 1, labelEnd[r]).some((t) => t !== '');
      const above = owner[r - 1]![c];
      if (hasLabelRight && above && cells[above.r]![above.c] !== '' && above.c === c && c < labelEnd[above.r]!) {
        grid[above.r]![above.c]!.rowspan++;
        grid[r]![c] = null;
        owner[r]![c] = above;
      }
    }
  for (let r = 0; r < cells.length; r++)
    for (let c = 1; c < labelEnd[r]!; c++) {
      if (cells[r]![c] !== '' || grid[r]![c] === null) continue;
      const left = owner[r]![c - 1];
      if (left && left.r === r && cells[r]![left.c] !== '') {
        grid[r]![left.c]!.colspan++;
        grid[r]![c] = null;
        owner[r]![c] = left;
      }
    }
  return grid;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A web page: the report inside an article container, with page chrome around it. */
export function reportToHtml(text: string, opts: { chrome?: boolean } = {}): string {
  const body: string[] = [];
  for (const b of toBlocks(text)) {
    if (b.kind === 'p') body.push(`<p>${esc(b.text)}</p>`);
    else {
      body.push('<table border="1"><tbody>');
      for (const row of b.rows) {
        const tds = row
          .filter((s): s is Origin => s !== null)
          .map((s) => `<td${s.rowspan > 1 ? ` rowspan="${s.rowspan}"` : ''}${s.colspan > 1 ? ` colspan="${s.colspan}"` : ''}><p>${esc(s.text)}</p></td>`);
        body.push(`<tr>${tds.join('')}</tr>`);
      }
      body.push('</tbody></table>');
    }
  }
  const chrome = opts.chrome ?? true;
  return [
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>年度报告</title><style>p{margin:0}</style><script>var x = "<p>一、总体情况</p>";</script></head><body>',
    chrome ? '<nav><ul><li><a href="/">首页</a></li><li><a href="/nb">政府信息公开年报</a></li></ul></nav>' : '',
    chrome ? '<div class="crumb"><a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a></div>' : '',
    '<div class="article">',
    ...body,
    '</div>',
    chrome ? '<div class="links"><table><tr><td><a href="/a">相关链接一</a></td><td><a href="/b">相关链接二</a></td></tr><tr><td>访问量</td><td>12345</td></tr></table></div>' : '',
    chrome ? '<footer><p>主办单位：某某县人民政府办公室 版权所有</p></footer>' : '',
    '</body></html>',
  ].join('\n');
}

/** `word/document.xml` of the report: gridSpan for merged columns, vMerge for merged rows. */
export function reportToDocumentXml(text: string): string {
  const body: string[] = [];
  const p = (t: string) => `<w:p><w:r><w:t xml:space="preserve">${esc(t)}</w:t></w:r></w:p>`;
  for (const b of toBlocks(text)) {
    if (b.kind === 'p') body.push(p(b.text));
    else {
      body.push('<w:tbl><w:tblGrid/>');
      // Which origin covers each slot, to write vMerge continue cells.
      const cover: (Origin | null)[][] = b.rows.map(() => []);
      b.rows.forEach((row, r) =>
        row.forEach((s, c) => {
          if (s) for (let dr = 0; dr < s.rowspan; dr++) for (let dc = 0; dc < s.colspan; dc++) cover[r + dr]![c + dc] = s;
        }),
      );
      b.rows.forEach((row, r) => {
        body.push('<w:tr>');
        for (let c = 0; c < row.length; ) {
          const s = cover[r]![c]!;
          const first = row[c] === s;
          const span = s.colspan;
          const props = [span > 1 ? `<w:gridSpan w:val="${span}"/>` : '', s.rowspan > 1 ? (first ? '<w:vMerge w:val="restart"/>' : '<w:vMerge/>') : ''].join('');
          body.push(`<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ''}${first ? p(s.text) : '<w:p/>'}</w:tc>`);
          c += span;
        }
        body.push('</w:tr>');
      });
      body.push('</w:tbl>');
    }
  }
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body.join('')}<w:sectPr/></w:body></w:document>`;
}

/** A .docx (zip) holding the given document.xml (and the parts Word expects). */
export function docxOf(documentXml: string, level: 0 | 6 | 9 = 6): Uint8Array {
  const enc = new TextEncoder();
  return zipSync(
    {
      '[Content_Types].xml': enc.encode('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
      'word/document.xml': enc.encode(documentXml),
    },
    { level },
  );
}
