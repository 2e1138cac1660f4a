// Renders table 3 and table 4 of a report in each layout real exports produce, around a
// fixed frame (title, sections). Used by layout tests and round-trip properties.

import { markupT3, markupT4 } from './layouts-markup.ts';
import { renderPdfText } from './layouts-pdf.ts';
import { T3_ROWS, type Cells } from './reports.ts';

export type Layout = 'tsv' | 'cell-per-line' | 'blank-separated' | 'space' | 'markdown' | 'markdown-ocr' | 'pipe-per-line' | 'flattened' | 'paragraph-cells' | 'word-text' | 'pdf-layout' | 'pdf-raw' | 'html-table' | 'markdown-pandoc';
export const LAYOUTS: Layout[] = ['tsv', 'cell-per-line', 'blank-separated', 'space', 'markdown', 'markdown-ocr', 'pipe-per-line', 'flattened', 'paragraph-cells', 'word-text', 'pdf-layout', 'pdf-raw', 'html-table', 'markdown-pandoc'];
/** Layouts that cannot show an empty cell (a PDF's text loses it), or not every one: in a
 *  word processor's text a row of empty cells is empty lines like the merged label cells
 *  that start the next row (its own property below). */
export const NO_BLANKS: Layout[] = ['space', 'pdf-layout', 'pdf-raw', 'word-text'];

/**
 * Browser copy (innerText) of an HTML table whose cells hold <p> paragraphs: each paragraph
 * between blank lines, a lone-TAB line between the cells of a row, four blank lines between
 * rows; a merged (rowspan) label only in its first row; numbers padded with no-break spaces;
 * an empty cell a paragraph of one no-break space; header cells split into paragraphs.
 */
export function paragraphCellRows(rows: string[][]): string[] {
  const cellText = (c: string) => (c === '' ? '\u00a0' : c.split('/').join('\n\n'));
  return [rows.map((r) => r.map(cellText).join('\n\n\t\n\n')).join('\n\n\n\n\n')];
}
const padded = (v: number | '') => (v === '' ? '' : `\u00a0${v}\u00a0`);

const bare = (label: string) => label.split('\t').filter(Boolean).at(-1)!;
const cell = (v: number | '') => (v === '' ? '' : String(v));

function t3Lines(layout: Layout, t3: Record<string, Cells>): string[] {
  const out: string[] = [];
  const note = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
  switch (layout) {
    case 'tsv':
      out.push(`${note}\t申请人情况`, '\t自然人\t法人或其他组织\t\t\t\t\t总计', '\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t');
      for (const [id, label] of T3_ROWS) out.push(`${label}\t${t3[id]!.map(cell).join('\t')}`);
      break;
    case 'cell-per-line':
      out.push(`\t${note}`, '\t申请人情况', '', '\t自然人', '\t法人或其他组织', '\t总计', '', '\t商业企业', '\t科研机构', '\t社会公益组织', '\t法律服务机构', '\t其他', '');
      for (const [id, label] of T3_ROWS) {
        for (const part of label.split('\t')) out.push(`\t${part}`);
        for (const v of t3[id]!) out.push(`\t${cell(v)}`);
        out.push('');
      }
      break;
    case 'blank-separated':
      out.push(note, '', '申请人情况', '', '自然人', '', '法人或其他组织', '', '总计', '');
      for (const [id, label] of T3_ROWS) {
        out.push(bare(label), '');
        for (const v of t3[id]!) out.push(cell(v), '');
      }
      break;
    case 'space':
      out.push(note, '', '申请人情况', '', '自然人 法人或其他组织 总计', '', '商业企业 科研机构 社会公益组织 法律服务机构 其他', '');
      for (const [id, label] of T3_ROWS) {
        const l = bare(label);
        if (l.length > 20) out.push(l.slice(0, 20), '', l.slice(20), t3[id]!.map(cell).join(' '), '');
        else out.push(`${l} ${t3[id]!.map(cell).join(' ')}`, '');
      }
      break;
    case 'markdown':
      out.push('| 项目 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |', '|---|---|---|---|---|---|---|---|');
      for (const [id, label] of T3_ROWS) out.push(`| ${bare(label)} | ${t3[id]!.map(cell).join(' | ')} |`);
      break;
    case 'markdown-ocr':
      out.push(note, '');
      for (const [id, label] of T3_ROWS) {
        out.push('| 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 数据7 | 数据8 |', '| --- | --- | --- | --- | --- | --- | --- | --- |');
        out.push(`| ${bare(label)} | ${t3[id]!.map(cell).join(' | ')} |`, '');
      }
      break;
    case 'pipe-per-line':
      out.push(`${note} |`, '申请人情况 |', '|||', '');
      for (const [id, label] of T3_ROWS) {
        out.push(`${bare(label)} |`);
        for (const v of t3[id]!) out.push(v === '' ? '|' : `${v} |`);
        out.push('');
      }
      break;
    case 'flattened':
      out.push(note);
      for (const [id, label] of T3_ROWS) out.push(`${bare(label)}${t3[id]!.map(cell).join('')}`);
      break;
    case 'html-table':
    case 'markdown-pandoc':
      out.push(...markupT3(layout, t3));
      break;
    case 'word-text':
      // A word processor's plain-text export: every cell paragraph a line, no separators; a
      // cell merged with the one above (vMerge) an empty line, an empty cell an empty line.
      out.push(note, '申请人情况', '自然人', '法人或其他组织', '总计', '商业', '企业', '科研机构', '社会公益组织', '法律服务机构', '其他');
      for (const [id, label] of T3_ROWS) out.push(...label.split('\t'), ...t3[id]!.map(cell));
      break;
    case 'paragraph-cells': {
      const rows: string[][] = [[note, '申请人情况'], ['自/然/人', '法人或其他组织', '总计'], ['商业/企业', '科研/机构', '社会公益组织', '法律服务机构', '其他']];
      for (const [id, label] of T3_ROWS) rows.push([...label.split('\t').filter(Boolean), ...t3[id]!.map(padded)]);
      out.push(...paragraphCellRows(rows), '');
      break;
    }
  }
  return out;
}

function t4Lines(layout: Layout, t4: Cells): string[] {
  const head = ['行政复议', '行政诉讼', '结果维持 结果纠正 其他结果 尚未审结 总计', '未经复议直接起诉 复议后起诉', '结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计'];
  switch (layout) {
    case 'tsv':
      return ['行政复议\t\t\t\t\t行政诉讼', '结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉', '\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计', t4.map(cell).join('\t')];
    case 'cell-per-line':
      return [...head.flatMap((h) => h.split(' ').map((x) => `\t${x}`)), '', ...t4.map((v) => `\t${cell(v)}`), ''];
    case 'blank-separated':
    case 'space':
      return [...head.flatMap((h) => [h, '']), t4.map(cell).join(' '), ''];
    case 'markdown':
    case 'markdown-ocr':
      return ['| 复议维持 | 复议纠正 | 复议其他 | 复议未结 | 复议总计 | 直诉维持 | 直诉纠正 | 直诉其他 | 直诉未结 | 直诉总计 | 复诉维持 | 复诉纠正 | 复诉其他 | 复诉未结 | 复诉总计 |'.replace('复议维持', '行政复议结果维持').replace('直诉维持', '未经复议直接起诉结果维持').replace('复诉维持', '复议后起诉结果维持'), '|' + '---|'.repeat(15), `| ${t4.map(cell).join(' | ')} |`, ''];
    case 'pipe-per-line':
      return [...head.flatMap((h) => h.split(' ').map((x) => `${x} |`)), '', ...t4.map((v) => (v === '' ? '|' : `${v} |`)), ''];
    case 'flattened':
      return [...head, t4.map(cell).join(''), ''];
    case 'word-text':
      return [...head.flatMap((h) => h.split(' ')), ...t4.map(cell)];
    case 'html-table':
    case 'markdown-pandoc':
      return markupT4(layout, t4);
    case 'paragraph-cells':
      return [
        ...paragraphCellRows([
          ['行政复议', '行政诉讼'],
          ['结果/维持', '结果/纠正', '其他/结果', '尚未/审结', '总计', '未经复议直接起诉', '复议后起诉'],
          ['结果/维持', '结果/纠正', '其他/结果', '尚未/审结', '总计', '结果/维持', '结果/纠正', '其他/结果', '尚未/审结', '总计'],
          t4.map(padded),
        ]),
        '',
      ];
  }
  throw new Error(`${layout}: the whole report is rendered by renderPdfText`);
}

export function renderInLayout(layout: Layout, t3: Record<string, Cells>, t4: Cells, year = 2024): string {
  if (layout === 'pdf-layout' || layout === 'pdf-raw') return renderPdfText(layout, t3, t4, year);
  return [
    `某某市某某局${year}年政府信息公开工作年度报告`,
    '',
    '一、总体情况',
    '本年度工作稳步推进。',
    '二、主动公开政府信息情况',
    '第二十条第（一）项',
    '信息内容 本年制发件数 本年废止件数 现行有效件数',
    '规章 0 0 0',
    '行政规范性文件 1 0 16',
    '第二十条第（五）项',
    '信息内容 本年处理决定数量',
    '行政许可 120',
    '第二十条第（六）项',
    '信息内容 本年处理决定数量',
    '行政处罚 33',
    '行政强制 2',
    '第二十条第（八）项',
    '信息内容 本年收费金额（单位：万元）',
    '行政事业性收费 0',
    '三、收到和处理政府信息公开申请情况',
    ...t3Lines(layout, t3),
    '四、政府信息公开行政复议、行政诉讼情况',
    ...t4Lines(layout, t4),
    '五、存在的主要问题及改进情况',
    '人员力量薄弱。',
    '六、其他需要报告的事项',
    '本年度未收取信息处理费。',
    '',
  ].join('\n');
}

/** HTML-to-text exports: cells joined by ` | ` without outer pipes, merged cells written once. */
export function renderPipeJoined(t3: Record<string, Cells>, t4: Cells): string {
  const base = renderInLayout('space', t3, t4);
  return base
    .split('\n')
    .map((line) => {
      const m = /^(\S.*?)((?: -?\d+)+)$/.exec(line);
      return m ? `${m[1]} | ${m[2]!.trim().split(' ').join(' | ')}` : line;
    })
    .join('\n');
}
