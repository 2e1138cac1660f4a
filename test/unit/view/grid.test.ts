// The table preview's view-model: model + findings → grids laid out like the official form.
// Reports come from test/support/reports.ts (a correct F2021 report with data-driven tables).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, parse, type Finding, type ReportModel } from '../../../server/src/engine/index.ts';
import { renderBlankReport } from '../../../server/src/engine/index.ts';
import { buildGridView, cellAtOffset, type CellView, type HeaderCell, type TableGridView, type TableView } from '../../../server/src/engine/index.ts';
import { BROKEN_REPORT, CLEAN_REPORT, renderReport } from '../../support/reports.ts';

const viewOf = (text: string, findings?: Finding[]) => {
  const r = check(text);
  return { view: buildGridView(r.model, findings ?? r.findings), model: r.model, findings: r.findings };
};
const table = (v: TableGridView, id: 'T2' | 'T3' | 'T4'): TableView => v.tables.find((t) => t.id === id)!;
const cellOf = (v: TableGridView, id: 'T2' | 'T3' | 'T4', row: string, col: string): CellView =>
  table(v, id).rows.find((r) => r.id === row)!.cells.find((c) => c.col === col)!;

/** Grid columns covered by the header rows, honouring rowspans (every row must fill `width`). */
function headerWidths(rows: HeaderCell[][]): number[] {
  const carry: number[] = []; // per row index: columns taken by rowspans from above
  return rows.map((row, i) => {
    const w = (carry[i] ?? 0) + row.reduce((n, h) => n + h.colspan, 0);
    for (const h of row) for (let k = 1; k < h.rowspan; k++) carry[i + k] = (carry[i + k] ?? 0) + h.colspan;
    return w;
  });
}

test('T3 header: the note spans 3×3, 申请人情况 spans 7, 自然人 and 总计 span two rows, 法人或其他组织 spans 5', () => {
  const t = table(viewOf(CLEAN_REPORT).view, 'T3');
  const [r1, r2, r3] = t.headerRows;
  assert.deepEqual(r1!.map((h) => [h.text.slice(0, 6), h.rowspan, h.colspan]), [['（本列数据的', 3, 3], ['申请人情况', 1, 7]]);
  assert.deepEqual(r2!.map((h) => [h.text, h.rowspan, h.colspan]), [['自然人', 2, 1], ['法人或其他组织', 1, 5], ['总计', 2, 1]]);
  assert.deepEqual(r3!.map((h) => h.col), ['C2', 'C3', 'C4', 'C5', 'C6']);
  assert.deepEqual(headerWidths(t.headerRows), [10, 10, 10]);
});

test('T4 header: 行政复议 ×5 | 行政诉讼 ×10, the five review columns span two rows, the lawsuit groups span 5 each', () => {
  const t = table(viewOf(CLEAN_REPORT).view, 'T4');
  const [r1, r2, r3] = t.headerRows;
  assert.deepEqual(r1!.map((h) => [h.text, h.colspan]), [['行政复议', 5], ['行政诉讼', 10]]);
  assert.deepEqual(r2!.slice(0, 5).map((h) => [h.col, h.rowspan]), [['RV1', 2], ['RV2', 2], ['RV3', 2], ['RV4', 2], ['RV5', 2]]);
  assert.deepEqual(r2!.slice(5).map((h) => [h.text, h.colspan]), [['未经复议直接起诉', 5], ['复议后起诉', 5]]);
  assert.equal(r3!.map((h) => h.col).join(' '), 'LD1 LD2 LD3 LD4 LD5 LR1 LR2 LR3 LR4 LR5');
  assert.deepEqual(headerWidths(t.headerRows), [15, 15, 15]);
  assert.equal(t.labelColumns, 0);
});

test('T3 row labels: group rows are vertical merged cells (三 over 22 rows in F2021, （三） over 8), leaves fill the 3 label columns', () => {
  const t = table(viewOf(CLEAN_REPORT).view, 'T3');
  const row = (id: string) => t.rows.find((r) => r.id === id)!;
  assert.deepEqual(row('R1').labels.map((l) => [l.rowId, l.rowspan, l.colspan]), [['R1', 1, 3]]);
  assert.deepEqual(row('R3_1').labels.map((l) => [l.rowId, l.rowspan, l.colspan]), [['R3', 22, 1], ['R3_1', 1, 2]]);
  assert.deepEqual(row('R3_3_1').labels.map((l) => [l.rowId, l.rowspan, l.colspan]), [['R3_3', 8, 1], ['R3_3_1', 1, 1]]);
  assert.deepEqual(row('R3_3_1').parents, ['R3', 'R3_3']);
  assert.equal(t.rows.some((r) => r.id === 'R3' || r.id === 'R3_3'), false, 'group rows are not grid rows');
  // Every body row's label cells (with the rowspans from above) fill exactly the 3 label columns.
  const carry = new Map<number, number>();
  t.rows.forEach((r, i) => {
    const w = (carry.get(i) ?? 0) + r.labels.reduce((n, l) => n + l.colspan, 0);
    assert.equal(w, 3, r.id);
    for (const l of r.labels) for (let k = 1; k < l.rowspan; k++) carry.set(i + k, (carry.get(i + k) ?? 0) + l.colspan);
  });
});

test('F2019 table 3: 三 spans 20 rows and （六）其他处理 is a leaf over two label columns', () => {
  const t = table(viewOf(renderBlankReport({ year: 2020, agency: '某某县人民政府办公室' })).view, 'T3');
  const r36 = t.rows.find((r) => r.id === 'R3_6')!;
  assert.deepEqual(r36.labels.map((l) => [l.rowId, l.colspan]), [['R3_6', 2]]);
  assert.equal(t.rows.find((r) => r.id === 'R3_1')!.labels[0]!.rowspan, 20);
});

test('T2: each block is a caption over the full width, a 信息内容 header row, then its rows; a single column spans the three', () => {
  const t = table(viewOf(CLEAN_REPORT).view, 'T2');
  assert.deepEqual(
    t.rows.filter((r) => r.kind === 'caption').map((r) => r.label),
    ['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项'],
  );
  assert.equal(t.rows[0]!.headerCells![0]!.colspan, 4);
  const licHeader = t.rows.find((r) => r.id === 'header:第二十条第（五）项')!;
  assert.deepEqual(licHeader.headerCells!.map((h) => [h.text, h.colspan]), [['信息内容', 1], ['本年处理决定数量', 3]]);
  assert.equal(cellOf({ tables: [t] } as TableGridView, 'T2', 'LIC', 'DEC').colspan, 3);
  assert.equal(cellOf({ tables: [t] } as TableGridView, 'T2', 'FEE', 'AMT').text, '144.4399');
});

test('zero, blank and unreadable cells have different states and texts', () => {
  const text = renderReport({ t3: { R2: ['', 0, 0, 0, 0, 0, 0] } });
  const model = parse(text);
  const r2 = model.tables.T3!.rows.find((r) => r.id === 'R2')!;
  r2.cells[1]!.state = 'unreadable';
  r2.cells[1]!.value = null;
  const v = buildGridView(model, []);
  const [blank, unreadable, zero] = ['C1', 'C2', 'C3'].map((c) => cellOf(v, 'T3', 'R2', c));
  assert.deepEqual([blank!.state, blank!.text, blank!.zero], ['blank', '', false]);
  assert.deepEqual([unreadable!.state, unreadable!.text, unreadable!.zero], ['unreadable', '?', false]);
  assert.deepEqual([zero!.state, zero!.text, zero!.zero], ['number', '0', true]);
});

test('a cell carries its exact source span (UTF-16 offsets into the original text)', () => {
  const { view } = viewOf(BROKEN_REPORT);
  const c = cellOf(view, 'T3', 'R1', 'C7');
  assert.equal(BROKEN_REPORT.slice(c.span!.start, c.span!.end), '20');
  assert.deepEqual(cellAtOffset(view, c.span!.start), { table: 'T3', row: 'R1', col: 'C7' });
});

test('a wrong total is highlighted as an error with the computed value', () => {
  const { view } = viewOf(BROKEN_REPORT);
  const c = cellOf(view, 'T3', 'R1', 'C7');
  assert.equal(c.severity, 'error');
  assert.equal(c.computed, '19');
  assert.ok(c.findings.map((i) => view.findings[i]!.code).includes('row-total'));
  assert.equal(table(view, 'T3').severity, 'error');
  assert.equal(cellOf(view, 'T3', 'R1', 'C6').severity, null, 'the operands are not marked');
});

test('a wrong table-4 total is marked on its cell; the computed value only when it is known to be the wrong cell', () => {
  const t4 = [3, 0, 0, 0, 4, 18, 5, 1, 0, 24, 7, 0, 0, 0, 7];
  // The total or any part may be wrong (a tie): marked, no “should be” value.
  const tie = cellOf(viewOf(renderReport({ t4 })).view, 'T4', 'T4', 'RV5');
  assert.equal(tie.severity, 'error');
  assert.equal(tie.computed, undefined);
  // The text says 3 reviews: the total is the wrong cell.
  const c = cellOf(viewOf(renderReport({ t4, narrative: '本年度因政府信息公开被申请行政复议3件。' })).view, 'T4', 'T4', 'RV5');
  assert.equal(c.severity, 'error');
  assert.equal(c.computed, '3');
});

test('a column-balance finding marks its cell but shows no computed value (which side is wrong is unknown)', () => {
  const { view } = viewOf(renderReport({ t3: { R4: [1, 0, 0, 0, 0, 0, 1] } }));
  const codes = (c: CellView) => c.findings.map((i) => view.findings[i]!.code);
  const c = table(view, 'T3').rows.flatMap((r) => r.cells).find((x) => codes(x).includes('column-balance'))!;
  assert.ok(c);
  assert.equal(c.computed, undefined);
});

test('cell-blank marks the row label, not every blank cell (blank cells already look blank)', () => {
  const { view } = viewOf(renderReport({ t3: { R2: ['', '', 0, 0, 0, 0, 0] } }));
  const row = table(view, 'T3').rows.find((r) => r.id === 'R2')!;
  assert.deepEqual(row.findings.map((i) => view.findings[i]!.code), ['cell-blank']);
  assert.equal(row.severity, 'info');
  assert.equal(cellOf(view, 'T3', 'R2', 'C1').severity, null);
});

test('a template row missing from the report keeps its place, marked missing', () => {
  const text = CLEAN_REPORT.split('\n').filter((l) => !l.includes('2.重复申请')).join('\n');
  const t = table(viewOf(text).view, 'T3');
  const i = t.rows.findIndex((r) => r.id === 'R3_5_2');
  assert.equal(t.rows[i - 1]!.id, 'R3_5_1');
  assert.equal(t.rows[i]!.missing, true);
  assert.ok(t.rows[i]!.cells.every((c) => c.state === 'missing' && c.span === null));
});

test('a table the report lacks is present: false with its header still declared', () => {
  const text = CLEAN_REPORT.replace(/四、政府信息公开行政复议[\s\S]*?(?=五、)/, '');
  const t = table(viewOf(text).view, 'T4');
  assert.equal(t.present, false);
  assert.deepEqual(t.rows, []);
  assert.equal(t.headerRows.length, 3);
});

test('summary: template, year, agency, sections present and missing, counts by severity', () => {
  const { view } = viewOf(BROKEN_REPORT);
  const s = view.summary;
  assert.deepEqual([s.template, s.year, s.agency], ['F2021', 2024, '某某县人民政府办公室']);
  assert.deepEqual(s.sectionsPresent, [1, 2, 3, 4, 5]);
  assert.deepEqual(s.sectionsMissing, [6]);
  assert.ok(s.counts.error >= 2);
  assert.equal(s.carryOver, 'unknown');
});

test('summary carry-over: checked with a previous report and no carry-over finding, no-previous without one', () => {
  const m = parse(CLEAN_REPORT);
  assert.equal(buildGridView(m, [], { previous: 'a/2023.txt' }).summary.carryOver, 'checked');
  assert.equal(buildGridView(m, [], { previous: null }).summary.carryOver, 'no-previous');
  const carry: Finding = { code: 'carry-over', severity: 'warning', span: { start: 0, end: 1 }, message: { zh: 'x', en: 'x' }, related: [], fixes: [] };
  assert.equal(buildGridView(m, [carry], { previous: 'a/2023.txt' }).summary.carryOver, 'mismatch');
});

test('findings outside the tables (sections, prose) are listed as other findings', () => {
  const { view } = viewOf(BROKEN_REPORT);
  const other = view.otherFindings.map((i) => view.findings[i]!.code);
  assert.ok(other.includes('section-missing'));
  assert.ok(!other.includes('row-total'));
});

test('the number of findings kept is capped; the rest is counted', () => {
  const m: ReportModel = parse(CLEAN_REPORT);
  const many: Finding[] = Array.from({ length: 50 }, (_, i) => ({ code: 'x', severity: 'info', span: { start: i, end: i + 1 }, message: { zh: 'x', en: 'x' }, related: [], fixes: [] }));
  const v = buildGridView(m, many, { maxFindings: 10 });
  assert.equal(v.findings.length, 10);
  assert.equal(v.findingsOmitted, 40);
  assert.equal(v.summary.counts.info, 50);
});

test('a long invalid value is cut for display', () => {
  const model = parse(CLEAN_REPORT);
  const c = model.tables.T3!.rows[0]!.cells[0]!;
  Object.assign(c, { state: 'invalid', value: null, raw: '约'.repeat(100) });
  const v = buildGridView(model, [], { maxCellText: 8 });
  const view = cellOf(v, 'T3', 'R1', 'C1');
  assert.equal(view.state, 'invalid');
  assert.equal(view.text, '约约约约约约约…');
});

test('the view is plain data (survives JSON, as it crosses the LSP connection)', () => {
  const { view } = viewOf(BROKEN_REPORT);
  assert.deepEqual(JSON.parse(JSON.stringify(view)), view);
});

test('a column header written differently keeps the written text and carries the label-variant finding', () => {
  const text = CLEAN_REPORT.replace('\t社会公益组织\t', '\t社会组织\t');
  const { view } = viewOf(text);
  const h = table(view, 'T3').headerRows[2]!.find((x) => x.col === 'C4')!;
  assert.equal(h.text, '社会公益组织');
  assert.equal(h.written, '社会组织');
  assert.equal(text.slice(h.span!.start, h.span!.end), '社会组织');
  assert.deepEqual(h.findings!.map((i) => view.findings[i]!.code), ['label-variant']);
  assert.ok(!view.otherFindings.some((i) => view.findings[i]!.code === 'label-variant'));
});
