// Reading rules for the text layer of a printed PDF (pdftotext -layout / -raw): page chrome,
// labels wrapped before or after their values, values cut by a wrap, cells run together,
// a label run into its first value. One behaviour per test, on synthetic text.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, parse, type ReportModel } from '../../../server/src/engine/index.ts';
import { pageChrome } from '../../../server/src/engine/text/chrome.ts';
import { renderInLayout } from '../../support/layouts.ts';
import { DEFAULT_T4, defaultT3 } from '../../support/reports.ts';

const row = (m: ReportModel, table: 'T2' | 'T3', id: string) =>
  m.tables[table]?.rows.find((r) => r.id === id)?.cells.map((c) => (c.state === 'number' ? String(c.value) : c.state)).join(',') ?? 'missing';

/** The clean -raw rendering with one row's text replaced. */
function rawWith(from: string, to: string): string {
  const text = renderInLayout('pdf-raw', defaultT3(), DEFAULT_T4);
  assert.ok(text.includes(from), `fixture lacks ${from}`);
  return text.replace(from, to);
}

const chromeLines = (text: string) => pageChrome(text).map((r) => text.slice(r.start, r.end).replace(/\f/g, '<FF>'));

// ————— page chrome —————

test('chrome: -layout footer (URL, n/m) and the header after the form feed (date, time, title)', () => {
  const text = '正文一\n\nhttps://www.example.gov.cn/a/t1.htm   2/5\n\f1/20/25, 9:30 AM     某局2024年政府信息公开工作年度报告\n正文二\n';
  assert.deepEqual(chromeLines(text), ['https://www.example.gov.cn/a/t1.htm   2/5', '<FF>1/20/25, 9:30 AM     某局2024年政府信息公开工作年度报告']);
});

test('chrome: -raw header and footer last in the page, the form feed starting the next line', () => {
  const text = '正文一\n1/20/25, 9:30 AM 某局2024年政府信息公开工作年度报告\nhttps://www.example.gov.cn/a/t1.htm 2/5\n\f正文二\n';
  assert.deepEqual(chromeLines(text), ['1/20/25, 9:30 AM 某局2024年政府信息公开工作年度报告', 'https://www.example.gov.cn/a/t1.htm 2/5', '<FF>']);
});

test('chrome: a date and time far from a page break, or a URL in a sentence, is text', () => {
  const text = '一、总体情况\n2025-01-20 09:30 发布\n详见 https://www.example.gov.cn/a/t1.htm 。\n' + '正文\n'.repeat(10);
  assert.deepEqual(chromeLines(text), []);
});

test('chrome: a header repeated on several pages is recognised without form feeds', () => {
  const head = '2026/1/20 09:30 某局2024年政府信息公开工作年度报告';
  const text = `${head}\n正文一\n正文二\n正文三\n${head}\n正文四\n`;
  assert.deepEqual(chromeLines(text), [head, head]);
});

test('chrome: page headers are not taken for the report title', () => {
  const m = parse(renderInLayout('pdf-layout', defaultT3(), DEFAULT_T4));
  assert.equal(m.title?.text, '某某市某某局2024年政府信息公开工作年度报告');
});

// ————— wrapped labels —————

test('wrap: values after the last part of a wrapped label belong to that row', () => {
  const m = parse(rawWith('（二）部分公开（区分处理的，\n只计这一情形，不计其他情形） 0 0 0 0 0 0 0', '（二）部分公开（区分处理的，\n只计这一情形，不计其他情形） 1 0 0 0 0 0 1'));
  assert.equal(row(m, 'T3', 'R3_2'), '1,0,0,0,0,0,1');
});

test('wrap: a row keyword cut by the wrap is read across it (values on the first line)', () => {
  const m = parse(rawWith('5.要求行政机关确认或重新出\n具已获取信息 0 0 0 0 0 0 0', '5.要求行政机关确认或重新 0 0 0 0 0 0 0\n出具已获取信息'));
  assert.equal(row(m, 'T3', 'R3_5_5'), '0,0,0,0,0,0,0');
  assert.deepEqual(m.tables.T3!.missingRows, []);
});

test('wrap: values cut by the wrap continue on the label continuation line', () => {
  const m = parse(rawWith('（二）部分公开（区分处理的，\n只计这一情形，不计其他情形） 0 0 0 0 0 0 0', '（二）部分公开（区分处理的，只计这一情形， 2 0 0 0\n不计其他情形） 0 0 2'));
  assert.equal(row(m, 'T3', 'R3_2'), '2,0,0,0,0,0,2');
});

test('wrap: a continuation line after a complete row does not take the next values', () => {
  const m = parse(rawWith('5.要求行政机关确认或重新出\n具已获取信息 0 0 0 0 0 0 0', '5.要求行政机关确认或重新出具已获 0 0 0 0 0 0 0\n取信息'));
  assert.equal(row(m, 'T3', 'R3_5_5'), '0,0,0,0,0,0,0');
  assert.equal(row(m, 'T3', 'R3_6_1'), '0,0,0,0,0,0,0');
});

// ————— cells run together —————

test('glued cells: `20` is cut into 2 | 0 when only that cut makes the row add up', () => {
  const t3 = defaultT3();
  const m = parse(rawWith('（一）予以公开 2 0 0 0 0 16 18', '（一）予以公开 20 0 0 0 16 18'));
  assert.deepEqual(row(m, 'T3', 'R3_1'), t3.R3_1!.join(','));
  const c = m.tables.T3!.rows.find((r) => r.id === 'R3_1')!.cells;
  assert.equal(c[0]!.raw, '2');
  assert.equal(c[1]!.raw, '0');
});

test('glued cells: a digit run with a leading zero (`00`) is two cells, not one', () => {
  const m = parse(rawWith('3.其他 0 0 0 0 0 0 0', '3.其他 00 0 0 0 0 0'));
  const r = m.tables.T3!.rows.find((x) => x.id === 'R3_6_3')!;
  assert.deepEqual(r.cells.map((c) => c.state), new Array(7).fill('number'));
});

test('glued cells: when no cut makes the row add up the row is unreadable, never a wrong sum', () => {
  // 5 | 1 written as 51 and the total left at 0: no reading balances.
  const text = rawWith('（一）予以公开 2 0 0 0 0 16 18', '（一）予以公开 51 0 0 0 0 0');
  const m = parse(text);
  assert.ok(m.tables.T3!.rows.find((r) => r.id === 'R3_1')!.cells.every((c) => c.state === 'unreadable'));
  const codes = check(text).findings.map((f) => f.code);
  assert.ok(codes.includes('table-unreadable'));
  assert.ok(!codes.includes('row-total'));
});

test('glued cells: values in separate lines (not one spaced line) are never cut', () => {
  // `20` here is one cell of a row that lost a cell: cutting it would balance the row.
  const text = renderInLayout('cell-per-line', { ...defaultT3(), R3_1: [2, 0, 0, 0, 0, 0, 2] }, DEFAULT_T4).replace('\t2\n\t0\n', '\t20\n');
  const r = parse(text).tables.T3!.rows.find((x) => x.id === 'R3_1')!;
  assert.ok(!r.cells.some((c) => c.raw === '2' && c.state === 'number' && c.col === r.cells[0]!.col));
});

// ————— table 2 —————

test('table 2: a label run into its first value (`行政规范性文件1 0 16`) gives that value back', () => {
  const m = parse(renderInLayout('pdf-raw', defaultT3(), DEFAULT_T4));
  assert.equal(row(m, 'T2', 'NORM'), '1,0,16');
  assert.equal(row(m, 'T2', 'FEE'), '0');
  assert.equal(m.tables.T2!.rows.find((r) => r.id === 'NORM')!.label, '行政规范性文件');
});

test('table 2: a label run into its digits with a cell missing as well is not cut', () => {
  const m = parse(rawWith('行政规范性文件1 0 16', '行政规范性文件10 16'));
  assert.notEqual(row(m, 'T2', 'NORM'), '1,0,16');
  assert.notEqual(row(m, 'T2', 'NORM'), '10,16,absent');
});

test('table 2: 减12 in the 2019 本年增/减 column is −12, an amount in 元 under a header without unit is that amount', () => {
  const text = renderInLayout('pdf-raw', defaultT3(), DEFAULT_T4)
    .replace('信息内容 本年制发件数本年废止件数现行有效件数', '信息内容 本年新制作数量本年新公开数量对外公开总数量')
    .replace('行政事业性收费0', '信息内容 上一年项目数量本年增/减\n行政事业性收费 16 减12\n第二十条第（九）项\n信息内容 采购项目数量 采购总金额\n政府集中采购 48 38518699.09元');
  const m = parse(text);
  assert.equal(row(m, 'T2', 'FEE'), '16,-12');
  assert.equal(row(m, 'T2', 'PROC'), '48,38518699.09');
});

test('a table-3 header row repeated on a new page (…总计) is not read as the （七）总计 row', () => {
  const t3 = defaultT3();
  const text = renderInLayout('pdf-layout', t3, DEFAULT_T4).replace(
    /(\f[^\n]*\n)( {8}5\.属于三类内部事务信息)/,
    '$1  申请人情况\n                         自然人 法人或其他组织 总计\n                            商业企业 科研机构 社会公益组织 法律服务机构 其他\n$2',
  );
  assert.ok(text.includes('自然人 法人或其他组织 总计'), 'fixture');
  const m = parse(text);
  assert.equal(row(m, 'T3', 'R3_7'), t3.R3_7!.join(','));
  assert.equal(row(m, 'T3', 'R3_3_5'), t3.R3_3_5!.join(','));
});

test('chrome: a page number alone next to a page break (`- 2 -`, `第 2 页 共 5 页`) is a footer; a number alone is not', () => {
  const text = '正文一\n\n- 2 -\n\f正文二\n第 3 页 共 5 页\n\f正文三\n0 0 0 0 0 0 0\n\f4\n';
  assert.deepEqual(chromeLines(text), ['- 2 -', '<FF>', '第 3 页 共 5 页', '<FF>', '<FF>']);
});
