// The same report in every layout real exports produce reads back to the same values,
// and every cell span points at the value's text in the original.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, parse, type ReportModel } from '../../../server/src/engine/index.ts';
import { LAYOUTS, renderInLayout, renderPipeJoined } from '../../support/layouts.ts';
import { DEFAULT_T4, defaultT3, renderReport, type Cells } from '../../support/reports.ts';

function values(m: ReportModel, table: 'T3' | 'T4', id: string): string {
  const r = m.tables[table]?.rows.find((x) => x.id === id);
  return r ? r.cells.map((c) => (c.state === 'number' ? String(c.value) : c.state === 'blank' ? '' : c.state)).join(',') : 'missing';
}

const SINGLE_DIGIT_T4: Cells = [3, 0, 0, 0, 3, 1, 5, 1, 0, 7, 2, 0, 0, 0, 2];

for (const layout of LAYOUTS) {
  test(`${layout}: every table-3 row and the table-4 row read back exactly`, () => {
    const t3 = defaultT3();
    const t4 = layout === 'flattened' ? SINGLE_DIGIT_T4 : DEFAULT_T4;
    const text = renderInLayout(layout, t3, t4);
    const m = parse(text);
    for (const [id, vals] of Object.entries(t3)) assert.equal(values(m, 'T3', id), vals.join(','), `${layout} ${id}`);
    assert.equal(values(m, 'T4', 'T4'), t4.join(','));
    for (const t of [m.tables.T3!, m.tables.T4!])
      for (const r of t.rows) for (const c of r.cells) if (c.state === 'number') assert.equal(text.slice(c.span!.start, c.span!.end), c.raw);
  });

  test(`${layout}: a correct report has no finding at warning or error level`, () => {
    const t4 = layout === 'flattened' ? SINGLE_DIGIT_T4 : DEFAULT_T4;
    const text = renderInLayout(layout, defaultT3(), t4);
    const serious = check(text).findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
    assert.deepEqual(serious.map((f) => `${f.code}: ${f.message.en}`), []);
  });

  test(`${layout}: the six section headings are found and table rows are not taken for headings`, () => {
    const m = parse(renderInLayout(layout, defaultT3(), DEFAULT_T4));
    assert.deepEqual(m.sections.map((s) => s.heading.index), [1, 2, 3, 4, 5, 6]);
  });
}

test('flattened digits with several valid cuts make the row unreadable, never a guess', () => {
  const text = renderInLayout('flattened', defaultT3(), DEFAULT_T4); // 18 and 24 can be cut several ways
  const m = parse(text);
  assert.ok(m.tables.T4!.rows[0]!.cells.every((c) => c.state === 'unreadable'));
  const codes = check(text).findings.map((f) => f.code);
  assert.ok(codes.includes('table-unreadable'));
  assert.ok(!codes.includes('review-total') && !codes.includes('litigation-total'));
});

test('a wrong total is found in every layout, on the total cell', () => {
  for (const layout of LAYOUTS) {
    if (layout === 'flattened') continue; // a wrong flattened total has no unique cut: unreadable instead
    const t3 = defaultT3();
    t3.R3_1 = [2, 0, 0, 0, 0, 16, 17];
    const text = renderInLayout(layout, t3, DEFAULT_T4);
    const f = check(text).findings.filter((x) => x.code === 'row-total');
    assert.equal(f.length, 1, layout);
    assert.equal(text.slice(f[0]!.span.start, f[0]!.span.end), '17', layout);
    assert.equal(f[0]!.expected, 18);
  }
});

test('a whole report on one line (copied from a web page) reads like its PDF-text form', () => {
  const text = renderInLayout('space', defaultT3(), DEFAULT_T4).replace(/\n+/g, ' ');
  assert.equal(text.includes('\n'), false);
  const m = parse(text);
  assert.deepEqual(m.sections.map((s) => s.heading.index), [1, 2, 3, 4, 5, 6]);
  for (const [id, vals] of Object.entries(defaultT3())) assert.equal(values(m, 'T3', id), vals.join(','), id);
  assert.equal(values(m, 'T4', 'T4'), DEFAULT_T4.join(','));
  assert.deepEqual(check(text).findings.map((f) => f.code), []);
});

test('a wrong total in a one-line report is found on the total', () => {
  const t3 = defaultT3();
  t3.R4 = [0, 0, 0, 0, 0, 0, 5];
  const text = renderInLayout('space', t3, DEFAULT_T4).replace(/\n+/g, ' ');
  const f = check(text).findings.filter((x) => x.code === 'row-total');
  assert.equal(f.length, 1);
  assert.equal(text.slice(f[0]!.span.start, f[0]!.span.end), '5');
});

test('HTML-to-text: cells joined by ` | ` without outer pipes read back', () => {
  const text = renderPipeJoined(defaultT3(), DEFAULT_T4);
  const m = parse(text);
  for (const [id, vals] of Object.entries(defaultT3())) assert.equal(values(m, 'T3', id), vals.join(','), id);
  assert.equal(values(m, 'T4', 'T4'), DEFAULT_T4.join(','));
  assert.deepEqual(check(text).findings.map((f) => f.code), []);
});

test('a sentence naming 本年新收 before the table is prose, not the first row', () => {
  const text = renderReport().replace('一、总体情况\n', '一、总体情况\n本年新收政府信息公开申请19件。\n');
  const m = parse(text);
  assert.equal(values(m, 'T3', 'R1'), '3,0,0,0,0,16,19');
  assert.deepEqual(check(text).findings.map((f) => f.code), []);
});

test('a notice that only names the annual report in its title is not a report', () => {
  const notice = '关于做好2024年政府信息公开工作年度报告编制发布工作的通知\n\n各单位：\n一、提高认识\n按时完成。\n二、规范格式\n严格按照模板。\n';
  assert.equal(parse(notice).isReport, false);
});

test('（七）合计 is read as （七）总计 and reported as a label variant', () => {
  const text = renderReport().replace('（七）总计', '（七）合计');
  assert.equal(values(parse(text), 'T3', 'R3_7'), '3,0,0,0,0,16,19');
  assert.deepEqual(check(text).findings.map((f) => f.code), ['label-variant']);
});

test('勾稽关系 mentioned in the prose does not start table 3', () => {
  const text = renderReport().replace('一、总体情况\n', '一、总体情况\n我们认真核对了表格的勾稽关系。\n');
  assert.deepEqual(check(text).findings.map((f) => f.code), []);
});

test('a title written as …政府信息公开年报 is recognised', () => {
  const text = renderReport().replace('政府信息公开工作年度报告', '政府信息公开年报');
  const m = parse(text);
  assert.equal(m.title?.agency, '某某县人民政府办公室');
  assert.deepEqual(check(text).findings.map((f) => f.code), []);
});

test('prose naming a 2019 table item (政府集中采购) does not make the tables a template mix', () => {
  const text = renderReport().replace('一、总体情况\n', '一、总体情况\n主动公开政府集中采购项目的目录、标准及实施情况2条。\n');
  const m = parse(text);
  assert.equal(m.template.byContent, 'F2021');
  assert.deepEqual(m.template.markers.filter((x) => x.template === 'F2019'), []);
  assert.deepEqual(check(text).findings.map((f) => f.code), []);
});
