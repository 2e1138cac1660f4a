// Tables 3 and 4 as pandoc writes a web page's tables into GitHub Markdown:
// - 'html-table': a raw HTML `<table>` (pandoc keeps one when a cell holds several paragraphs):
//   rowspan/colspan on merged cells, every cell's text in <p>, header cells split into
//   paragraphs (商业 / 企业), an empty cell `<p>&nbsp;</p>`, attributes wrapped onto the next
//   line the way pandoc wraps long tags;
// - 'markdown-pandoc': a pipe table with the spans dropped — an empty header row, a merged
//   cell's text once in its first row and column, the rest of its area empty cells.

import { T3_ROWS, type Cells } from './reports.ts';

const NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
/** Label columns of table 3 (三、 | （三） | 1.) and value columns. */
const LABEL_COLS = 3;

interface Cell {
  text: string;
  rowspan?: number;
  colspan?: number;
}

/** Table 3's rows as the form has them: group labels spanning the rows of their group. */
function t3Grid(t3: Record<string, Cells>, blank: (v: number | '') => string): Cell[][] {
  const rows: Cell[][] = [
    [{ text: NOTE, rowspan: 3, colspan: LABEL_COLS }, { text: '申请人情况', colspan: 7 }],
    [{ text: '自/然/人', rowspan: 2 }, { text: '法人或其他组织', colspan: 5 }, { text: '总计', rowspan: 2 }],
    [{ text: '商业/企业' }, { text: '科研/机构' }, { text: '社会公益组织' }, { text: '法律服务机构' }, { text: '其他' }],
  ];
  const parts = T3_ROWS.map(([, label]) => label.split('\t'));
  T3_ROWS.forEach(([id], i) => {
    const row: Cell[] = [];
    parts[i]!.forEach((p, j) => {
      if (p === '') return; // covered by a group label above
      let rowspan = 1;
      while (i + rowspan < parts.length && parts[i + rowspan]![j] === '' && parts[i + rowspan]!.length > j + 1) rowspan++;
      const last = j === parts[i]!.length - 1;
      row.push({ text: p, ...(rowspan > 1 ? { rowspan } : {}), ...(last && LABEL_COLS - j > 1 ? { colspan: LABEL_COLS - j } : {}) });
    });
    for (const v of t3[id]!) row.push({ text: blank(v) });
    rows.push(row);
  });
  return rows;
}

function t4Grid(t4: Cells, blank: (v: number | '') => string): Cell[][] {
  const results = ['结果/维持', '结果/纠正', '其他/结果', '尚未/审结', '总计'];
  return [
    [{ text: '行政复议', colspan: 5 }, { text: '行政诉讼', colspan: 10 }],
    [...results.map((text) => ({ text, rowspan: 2 })), { text: '未经复议直接起诉', colspan: 5 }, { text: '复议后起诉', colspan: 5 }],
    [...results, ...results].map((text) => ({ text })),
    t4.map((v) => ({ text: blank(v) })),
  ];
}

function htmlTable(rows: Cell[][]): string[] {
  const out = ['<table style="width:100%;" data-border="1" data-cellspacing="0">', '<tbody>'];
  rows.forEach((row, i) => {
    out.push(`<tr class="${i % 2 ? 'even' : 'odd'}">`);
    for (const c of row) {
      const attrs = `${c.colspan ? ` colspan="${c.colspan}"` : ''}${c.rowspan ? `${c.colspan ? '\n' : ' '}rowspan="${c.rowspan}"` : ''}`;
      out.push(`<td${attrs}>${c.text.split('/').map((p) => `<p>${p}</p>`).join('\n')}</td>`);
    }
    out.push('</tr>');
  });
  out.push('</tbody>', '</table>');
  return out;
}

/** The grid with spans dropped: the text in the first slot, empty cells over the rest. */
function pipeTable(rows: Cell[][]): string[] {
  const grid: (string | undefined)[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (grid[r]![c] !== undefined) c++;
      for (let dr = 0; dr < (cell.rowspan ?? 1); dr++)
        for (let dc = 0; dc < (cell.colspan ?? 1); dc++) grid[r + dr]![c + dc] = dr === 0 && dc === 0 ? cell.text.replace(/\//g, '') : '';
      c += cell.colspan ?? 1;
    }
  });
  const width = Math.max(...grid.map((r) => r.length));
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(new Array(width).fill('')), `|${'---|'.repeat(width)}`, ...grid.map((r) => line(Array.from({ length: width }, (_, c) => r[c] ?? '')))];
}

export function markupT3(layout: 'html-table' | 'markdown-pandoc', t3: Record<string, Cells>): string[] {
  return layout === 'html-table' ? ['', ...htmlTable(t3Grid(t3, (v) => (v === '' ? '&nbsp;' : String(v)))), ''] : ['', ...pipeTable(t3Grid(t3, String)), ''];
}

export function markupT4(layout: 'html-table' | 'markdown-pandoc', t4: Cells): string[] {
  return layout === 'html-table' ? ['', ...htmlTable(t4Grid(t4, (v) => (v === '' ? '&nbsp;' : String(v)))), ''] : ['', ...pipeTable(t4Grid(t4, String)), ''];
}
