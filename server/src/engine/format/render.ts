// A complete blank report (title, the six sections, every table of the year's template with
// empty cells; table 4's single data row is written as 0s), rendered from the format data (sections.ts, templates.ts). Pure: used by
// `nianbao new` and the editor's "new report" command. A rendered report parses back with
// every table read and checks without findings at warning or error level other than its
// placeholders (`placeholder`: they are there to be replaced).

import { placeholder } from './placeholders';
import { CHINESE_NUMERALS, SECTIONS } from './sections';
import { T3_HEADER, T4_GROUP_SIZE, T4_GROUPS, TEMPLATES, type TemplateName } from './templates';

export type BlankLayout = 'tsv' | 'markdown';

export interface BlankReportOptions {
  year: number;
  /** Issuing body, e.g. `某某县人民政府办公室`. */
  agency: string;
  /** How tables are written: tab-separated rows (default) or Markdown pipe tables. */
  layout?: BlankLayout;
  /** Line break (default `\n`). */
  eol?: string;
}

/** The template a report of `year` follows (spec §2.5): F2021 from 2021, F2019 for 2019–2020. */
export function templateForYear(year: number): TemplateName {
  if (year >= 2021) return 'F2021';
  if (year >= 2019) return 'F2019';
  throw new RangeError(`no report template before 2019 (got ${year})`);
}

const BASIS: Record<TemplateName, string> = {
  F2021: '《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）',
  F2019: '《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》（国办公开办函〔2019〕60号）',
};


export function renderBlankReport(opts: BlankReportOptions): string {
  const { year, agency } = opts;
  const layout = opts.layout ?? 'tsv';
  const eol = opts.eol ?? '\n';
  const tpl = TEMPLATES[templateForYear(year)];
  const table = layout === 'markdown' ? markdown : tsv;

  const prose: Record<number, string[]> = {
    1: [
      `本报告根据《中华人民共和国政府信息公开条例》和${BASIS[tpl.id]}要求编制。本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`,
      placeholder('主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障等情况。'),
    ],
    5: [placeholder('存在的主要问题及改进情况。')],
    6: [tpl.id === 'F2021' ? placeholder('本年度收取信息处理费的情况。') : placeholder()],
  };

  const blocks: string[] = [`${agency}${year}年政府信息公开工作年度报告`];
  for (const s of SECTIONS) {
    blocks.push(`${CHINESE_NUMERALS[s.index - 1]}、${s.title}`);
    if (s.table === 'T2') blocks.push(...t2Blocks(tpl.id, table));
    else if (s.table === 'T3') blocks.push(t3Block(tpl.id, table));
    else if (s.table === 'T4') blocks.push(t4Block(table));
    if (s.index === 1) blocks.push(...prose[1]!);
    else if (prose[s.index]) blocks.push(...prose[s.index]!);
  }
  blocks.push(agency);
  return blocks.join(eol + eol).split('\n').join(eol) + eol;
}

type Grid = string[][];
type TableWriter = (rows: Grid) => string;

const tsv: TableWriter = (rows) => rows.map((r) => r.join('\t')).join('\n');

const markdown: TableWriter = (rows) => {
  const n = Math.max(...rows.map((r) => r.length));
  const line = (r: string[]) => '| ' + Array.from({ length: n }, (_, i) => r[i] ?? '').join(' | ') + ' |';
  return [line(rows[0]!), '|' + ' --- |'.repeat(n), ...rows.slice(1).map(line)].join('\n');
};

function t2Blocks(id: TemplateName, write: TableWriter): string[] {
  const def = TEMPLATES[id].T2;
  const blocks: string[] = [];
  const seen: string[] = [];
  for (const r of def.rows) if (!seen.includes(r.block)) seen.push(r.block);
  const grid: Grid = [];
  for (const block of seen) {
    const rows = def.rows.filter((r) => r.block === block);
    const cols = rows[0]!.columns;
    grid.push([block, ...cols.map(() => '')]);
    grid.push(['信息内容', ...cols.map((c) => c.label)]);
    for (const r of rows) grid.push([r.label, ...r.columns.map(() => '')]);
  }
  if (write === markdown) {
    // One pipe table per block keeps every row's cell count equal to its columns.
    let i = 0;
    for (const block of seen) {
      const n = def.rows.filter((r) => r.block === block).length + 2;
      blocks.push(write(grid.slice(i, i + n)));
      i += n;
    }
    return blocks;
  }
  return [write(grid)];
}

function t3Block(id: TemplateName, write: TableWriter): string {
  const def = TEMPLATES[id].T3;
  const blank = def.columns.map(() => '');
  const person = def.columns[0]!;
  const total = def.columns[def.columns.length - 1]!;
  const organisations = def.columns.slice(1, -1);
  const grid: Grid = [
    [T3_HEADER.note, T3_HEADER.applicants, ...blank.slice(1)],
    ['', person.label, T3_HEADER.organisations, ...organisations.slice(1).map(() => ''), total.label],
    ['', '', ...organisations.map((c) => c.label), ''],
  ];
  for (const r of def.rows) grid.push(r.kind === 'group' ? [r.label, ...blank] : [r.label, ...blank]);
  return write(grid);
}

function t4Block(write: TableWriter): string {
  const columns = TEMPLATES.F2021.T4.columns;
  const merged = (text: string) => [text, ...Array.from({ length: T4_GROUP_SIZE - 1 }, () => '')];
  // Top row: 行政复议 over its group, 行政诉讼 over both lawsuit groups (written once).
  const top = T4_GROUPS.flatMap((g, i) => {
    const text = g.parent?.zh ?? g.zh;
    const continued = !!g.parent && T4_GROUPS[i - 1]?.parent?.zh === text;
    return merged(continued ? '' : text);
  });
  const grid: Grid = [
    top,
    T4_GROUPS.flatMap((g) => merged(g.parent ? g.zh : '')),
    columns.map((c) => c.label),
    // The data row is written with 0s: a row of blank cells is indistinguishable from the
    // merged header cells above it (layout A), so the reader would not find table 4.
    columns.map(() => '0'),
  ];
  return write(grid);
}
