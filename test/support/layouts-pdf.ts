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

/** A page break: the footer of this page, the header of the next (-layout order). */
function pageBreakLayout(page: number, year: number): string[] {
  return ['', `${URL}   ${page}/5`, `\f1/20/25, 9:30 AM                              ${TITLE(year)}`];
}

/** A page break in -raw order: header and footer last, the form feed before the next line. */
function pageBreakRaw(page: number, year: number): string[] {
  return [`1/20/25, 9:30 AM ${TITLE(year)}`, `${URL} ${page}/5`, '\f'];
}

function t3Layout(t3: Record<string, Cells>, brk: (page: number) => string[]): string[] {
  const out = [
    '  （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加 申请人情况',
    '  第四项之和）',
    '                         自 法人或其他组织 总',
    '                         然                 计',
    '                         人 商业 科研 社会公 法律服 其',
    '                            企业 机构 益组织 务机构 他',
  ];
  let pendingGroupTail: string | null = null;
  T3_ROWS.forEach(([id, label], i) => {
    if (i === 8) out.push(...brk(3));
    if (i === 19) out.push(...brk(4));
    const parts = label.split('\t');
    const leaf = parts[parts.length - 1]!;
    const group = parts.slice(0, -1).filter(Boolean).at(-1);
    let head = '';
    const lines: string[] = [];
    if (group) {
      const [g1, g2] = halves(group);
      head = `${g1} `;
      pendingGroupTail = g2;
    }
    const wrapped = chunks(leaf, 12);
    const values = spreadValues(t3[id]!);
    const indent = parts.length > 1 ? '        ' : '  ';
    if (wrapped.length === 1) lines.push(`${indent}${head}${wrapped[0]}${' '.repeat(Math.max(1, 30 - leaf.length))}${values}`);
    else if (wrapped.length === 2) lines.push(`${indent}${head}${wrapped[0]} ${values}`, `${indent}${wrapped[1]}`);
    else lines.push(`${indent}${head}${wrapped[0]}`, `${indent}${wrapped[1]}            ${values}`, ...wrapped.slice(2).map((w) => `${indent}${w}`));
    out.push(...lines);
    // The rest of a row-spanning label follows the first row of its group.
    if (group && pendingGroupTail) {
      out.push(`  ${pendingGroupTail}`);
      pendingGroupTail = null;
    }
  });
  return out;
}

function t3Raw(t3: Record<string, Cells>, brk: (page: number) => string[]): string[] {
  const out = ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项', '加第四项之和）', '申请人情况', '自', '然', '人', '法人或其他组织', '总', '计', '商', '业', '企', '业', '科', '研', '机', '构', '社会公', '益组织', '法律服', '务机构', '其', '他'];
  T3_ROWS.forEach(([id, label], i) => {
    if (i === 8) out.push(...brk(3));
    if (i === 19) out.push(...brk(4));
    const parts = label.split('\t');
    const leaf = parts[parts.length - 1]!;
    const group = parts.slice(0, -1).filter(Boolean).at(-1);
    // Row-spanning labels on lines of their own: the top one character per line, the others halved.
    if (group) out.push(...(group.startsWith('三、') ? [...group] : halves(group)));
    const wrapped = chunks(leaf, 14);
    const values = t3[id]!.map(cell).join(' ');
    if (wrapped.length <= 2) out.push(...wrapped.slice(0, -1), `${wrapped.at(-1)} ${values}`);
    else out.push(...wrapped, values);
  });
  return out;
}

const T4_HEAD_LAYOUT = [
  '  行政复议                                    行政诉讼',
  '                                          未经复议直接起诉                          复议后起诉',
  '  结果维持 结果 其他 尚未 总计',
  '       纠正 结果 审结                           结果 结果 其他 尚未 总计 结果 结果 其他 尚未 总计',
  '                                          维持 纠正 结果 审结 维持 纠正 结果 审结',
];
const T4_HEAD_RAW = ['行政复议 行政诉讼', '结果维持结果', '纠正', '其他', '结果', '尚未', '审结总计', '未经复议直接起诉 复议后起诉', '结果', '维持', '结果', '纠正', '其他', '结果', '尚未', '审结总计结果', '维持', '结果', '纠正', '其他', '结果', '尚未', '审结总计'];

export function renderPdfText(layout: PdfLayout, t3: Record<string, Cells>, t4: Cells, year = 2024): string {
  const raw = layout === 'pdf-raw';
  const brk = (page: number) => (raw ? pageBreakRaw(page, year) : pageBreakLayout(page, year));
  const ind = (lines: string[]) => (raw ? lines : lines.map((l) => (l ? `  ${l}` : l)));
  const lines = [
    ...(raw ? [] : [`1/20/25, 9:30 AM                              ${TITLE(year)}`]),
    ...ind([TITLE(year), '来源：某某市某某局 时间：2025-01-20 09:30', '一、总体情况', '本年度工作稳步推进。', '二、主动公开政府信息情况', '第二十条第（一）项']),
    ...brk(1),
    ...ind(
      raw
        ? ['信息内容 本年制发件数本年废止件数现行有效件数', '规章 0 0 0', '行政规范性文件1 0 16', '第二十条第（五）项', '信息内容 本年处理决定数量', '行政许可 120', '第二十条第（六）项', '信息内容 本年处理决定数量', '行政处罚 33', '行政强制 2', '第二十条第（八）项', '信息内容 本年收费金额（单位：万元）', '行政事业性收费0']
        : ['信息内容                本年制发件数 本年废止件数 现行有效件数', '规章                  0                0                0', '行政规范性文件 1                            0                16', '第二十条第（五）项', '信息内容                本年处理决定数量', '行政许可                120', '第二十条第（六）项', '信息内容                本年处理决定数量', '行政处罚                33', '行政强制                2', '第二十条第（八）项', '信息内容                本年收费金额（单位：万元）', '行政事业性收费 0'],
    ),
    ...ind(['三、收到和处理政府信息公开申请情况']),
    ...brk(2),
    ...(raw ? t3Raw(t3, brk) : t3Layout(t3, brk)),
    ...ind(['四、政府信息公开行政复议、行政诉讼情况']),
    ...(raw ? T4_HEAD_RAW.slice(0, 8) : T4_HEAD_LAYOUT.slice(0, 2)),
    ...brk(5),
    ...(raw ? T4_HEAD_RAW.slice(8) : T4_HEAD_LAYOUT.slice(2)),
    raw ? t4.map(cell).join(' ') : `  ${t4.map(cell).join(' ').replace(' ', '            ')}`,
    ...ind(['五、存在的主要问题及改进情况', '人员力量薄弱。', '六、其他需要报告的事项', '本年度未收取信息处理费。']),
    ...(raw ? [`1/20/25, 9:30 AM ${TITLE(year)}`, `${URL} 5/5`, '\f'] : ['', '', `${URL}   5/5`, '\f']),
  ];
  // A form feed written as its own list entry starts the next line.
  return lines.join('\n').replace(/\n\f\n/g, '\n\f').replace(/\n\f$/, '\n\f');
}
