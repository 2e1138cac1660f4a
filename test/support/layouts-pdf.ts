// A report as the text layer of its printed PDF (a web page printed by a browser, read by
// poppler's pdftotext), in the two shapes the corpus README describes:
// - 'pdf-layout' (`pdftotext -layout`): one table row per line, label first, values after a
//   run of spaces (columns do not line up); long labels wrap onto the next line(s), the
//   values on the first or the middle line; row-spanning labels (三、本年度 / 办理结果) split,
//   their first part on the line of the group's first row; narrow header cells one or two
//   characters per line; each page ends with a footer (URL, n/m) and the next starts, after
//   a form feed, with a header (print date and time, title).
// - 'pdf-raw' (`pdftotext -raw`): content-stream order; a row is `label v1 … v7`, a wrapped
//   label puts its values after its last part or on a line of their own; row-spanning labels
//   on lines of their own before the row they start in; the page header and footer last in
//   each page, just before the form feed; the space between a label and its first value
//   sometimes lost (`行政规范性文件1 0 16`).
// Every table is cut by a page break. Values are never run together here (see the glued-cell
// tests for that); empty cells cannot be rendered (a PDF's text loses them).

import { T3_ROWS, type Cells } from './reports.ts';

export type PdfLayout = 'pdf-layout' | 'pdf-raw';

const TITLE = (year: number) => `某某市某某局${year}年政府信息公开工作年度报告`;
const URL = 'https://www.example.gov.cn/zwgk/zfxxgk/ndbg/202501/t20250120_12345.htm';
/** The browser's print header (date and time, title) and footer (address, page n of 5). */
const printHeader = (year: number, gap: string) => `1/20/25, 9:30 AM${gap}${TITLE(year)}`;
const printFooter = (page: number, gap: string) => `${URL}${gap}${page}/5`;
const cell = (v: number | '') => (v === '' ? '' : String(v));

/** Spaces between value columns, as uneven as pdftotext writes them. */
const GAPS = [' ', ' ', ' ', '          ', '   ', ' '];
const spreadValues = (vals: Cells) => vals.map(cell).reduce((acc, v, i) => (i === 0 ? v : acc + GAPS[(i - 1) % GAPS.length] + v), '');

function chunks(s: string, width: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i += width) out.push(s.slice(i, i + width));
  return out;
}

function halves(s: string): [string, string] {
  const k = Math.ceil(s.length / 2);
  return [s.slice(0, k), s.slice(k)];
}

/** A table-3 row as both shapes write it: its leaf label, and the row-spanning group label it starts, if any. */
interface T3Row {
  leaf: string;
  group: string | undefined;
  nested: boolean;
  values: Cells;
}
/** Table 3 is cut by two page breaks: before its 9th row (page 3) and its 20th (page 4). */
const T3_PAGE_BREAKS = new Map([
  [8, 3],
  [19, 4],
]);
/** The rows of table 3 in order, each written by `write`, with the page breaks between them. */
function t3Lines(t3: Record<string, Cells>, brk: (page: number) => string[], write: (row: T3Row) => string[]): string[] {
  const out: string[] = [];
  T3_ROWS.forEach(([id, label], i) => {
    const page = T3_PAGE_BREAKS.get(i);
    if (page) out.push(...brk(page));
    const parts = label.split('\t');
    const values = t3[id];
    if (!values) throw new Error(`no values for table-3 row ${id}`);
    out.push(...write({ leaf: parts[parts.length - 1]!, group: parts.slice(0, -1).filter(Boolean).at(-1), nested: parts.length > 1, values }));
  });
  return out;
}

/** What differs between the two shapes; renderPdfText puts the report together from it. */
interface PdfShape {
  /** Lines before the report's title (the first page's print header). */
  start(year: number): string[];
  /** Body text lines as the shape indents them. */
  body(lines: string[]): string[];
  pageBreak(page: number, year: number): string[];
  t2: string[];
  t3Head: string[];
  t3Row(row: T3Row): string[];
  /** Table 4's header, before and after the page break that cuts it. */
  t4Head: [string[], string[]];
  t4Values(t4: Cells): string;
  /** The last page's end. */
  end(year: number): string[];
}

const LAYOUT: PdfShape = {
  start: (year) => [printHeader(year, ' '.repeat(30))],
  body: (lines) => lines.map((l) => (l ? `  ${l}` : l)),
  // The footer of this page, then the header of the next.
  pageBreak: (page, year) => ['', printFooter(page, '   '), `\f${printHeader(year, ' '.repeat(30))}`],
  t2: ['信息内容                本年制发件数 本年废止件数 现行有效件数', '规章                  0                0                0', '行政规范性文件 1                            0                16', '第二十条第（五）项', '信息内容                本年处理决定数量', '行政许可                120', '第二十条第（六）项', '信息内容                本年处理决定数量', '行政处罚                33', '行政强制                2', '第二十条第（八）项', '信息内容                本年收费金额（单位：万元）', '行政事业性收费 0'],
  t3Head: [
    '  （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加 申请人情况',
    '  第四项之和）',
    '                         自 法人或其他组织 总',
    '                         然                 计',
    '                         人 商业 科研 社会公 法律服 其',
    '                            企业 机构 益组织 务机构 他',
  ],
  t3Row: ({ leaf, group, nested, values }) => {
    // A row-spanning label: its first half on the line of the group's first row, the rest after that row.
    const [groupHead, groupTail] = group ? halves(group) : ['', ''];
    const head = group ? `${groupHead} ` : '';
    const wrapped = chunks(leaf, 12);
    const vals = spreadValues(values);
    const indent = nested ? '        ' : '  ';
    const lines: string[] = [];
    if (wrapped.length === 1) lines.push(`${indent}${head}${wrapped[0]}${' '.repeat(Math.max(1, 30 - leaf.length))}${vals}`);
    else if (wrapped.length === 2) lines.push(`${indent}${head}${wrapped[0]} ${vals}`, `${indent}${wrapped[1]}`);
    else lines.push(`${indent}${head}${wrapped[0]}`, `${indent}${wrapped[1]}            ${vals}`, ...wrapped.slice(2).map((w) => `${indent}${w}`));
    if (groupTail) lines.push(`  ${groupTail}`);
    return lines;
  },
  t4Head: [
    ['  行政复议                                    行政诉讼', '                                          未经复议直接起诉                          复议后起诉'],
    [
      '  结果维持 结果 其他 尚未 总计',
      '       纠正 结果 审结                           结果 结果 其他 尚未 总计 结果 结果 其他 尚未 总计',
      '                                          维持 纠正 结果 审结 维持 纠正 结果 审结',
    ],
  ],
  t4Values: (t4) => `  ${t4.map(cell).join(' ').replace(' ', '            ')}`,
  end: () => ['', '', printFooter(5, '   '), '\f'],
};

const RAW: PdfShape = {
  start: () => [],
  body: (lines) => lines,
  // Header and footer last in each page, the form feed before the next page's first line.
  pageBreak: (page, year) => [printHeader(year, ' '), printFooter(page, ' '), '\f'],
  t2: ['信息内容 本年制发件数本年废止件数现行有效件数', '规章 0 0 0', '行政规范性文件1 0 16', '第二十条第（五）项', '信息内容 本年处理决定数量', '行政许可 120', '第二十条第（六）项', '信息内容 本年处理决定数量', '行政处罚 33', '行政强制 2', '第二十条第（八）项', '信息内容 本年收费金额（单位：万元）', '行政事业性收费0'],
  t3Head: ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项', '加第四项之和）', '申请人情况', '自', '然', '人', '法人或其他组织', '总', '计', '商', '业', '企', '业', '科', '研', '机', '构', '社会公', '益组织', '法律服', '务机构', '其', '他'],
  t3Row: ({ leaf, group, values }) => {
    // Row-spanning labels on lines of their own: the top one character per line, the others halved.
    const lines: string[] = group ? (group.startsWith('三、') ? [...group] : halves(group)) : [];
    const wrapped = chunks(leaf, 14);
    const vals = values.map(cell).join(' ');
    if (wrapped.length <= 2) lines.push(...wrapped.slice(0, -1), `${wrapped.at(-1)} ${vals}`);
    else lines.push(...wrapped, vals);
    return lines;
  },
  t4Head: [
    ['行政复议 行政诉讼', '结果维持结果', '纠正', '其他', '结果', '尚未', '审结总计', '未经复议直接起诉 复议后起诉'],
    ['结果', '维持', '结果', '纠正', '其他', '结果', '尚未', '审结总计结果', '维持', '结果', '纠正', '其他', '结果', '尚未', '审结总计'],
  ],
  t4Values: (t4) => t4.map(cell).join(' '),
  end: (year) => [printHeader(year, ' '), printFooter(5, ' '), '\f'],
};

export function renderPdfText(layout: PdfLayout, t3: Record<string, Cells>, t4: Cells, year = 2024): string {
  const shape = layout === 'pdf-raw' ? RAW : LAYOUT;
  const brk = (page: number) => shape.pageBreak(page, year);
  const lines = [
    ...shape.start(year),
    ...shape.body([TITLE(year), '来源：某某市某某局 时间：2025-01-20 09:30', '一、总体情况', '本年度工作稳步推进。', '二、主动公开政府信息情况', '第二十条第（一）项']),
    ...brk(1),
    ...shape.body(shape.t2),
    ...shape.body(['三、收到和处理政府信息公开申请情况']),
    ...brk(2),
    ...shape.t3Head,
    ...t3Lines(t3, brk, shape.t3Row),
    ...shape.body(['四、政府信息公开行政复议、行政诉讼情况']),
    ...shape.t4Head[0],
    ...brk(5),
    ...shape.t4Head[1],
    shape.t4Values(t4),
    ...shape.body(['五、存在的主要问题及改进情况', '人员力量薄弱。', '六、其他需要报告的事项', '本年度未收取信息处理费。']),
    ...shape.end(year),
  ];
  // A form feed written as its own list entry starts the next line.
  return lines.join('\n').replace(/\n\f\n/g, '\n\f').replace(/\n\f$/, '\n\f');
}
