// 2019–2020 reports (F2019 template, 国办公开办函〔2019〕60号): table 2 with item counts and a
// signed 本年增/减 column, table 3 with （六）其他处理 as one leaf. Built by filling the blank
// F2019 report that `nianbao new --year 2020` renders, so the layout is the template's own.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, parse, type ReportModel, type TextEdit } from '../../../server/src/engine/index.ts';
import { applyEdits } from '../../../server/src/engine/index.ts';
import { renderBlankReport } from '../../../server/src/engine/index.ts';

const T3: Record<string, number[]> = {
  R1: [10, 2, 0, 0, 0, 1, 13],
  R2: [1, 0, 0, 0, 0, 0, 1],
  R3_1: [6, 1, 0, 0, 0, 0, 7],
  R3_2: [2, 0, 0, 0, 0, 0, 2],
  R3_4_1: [1, 1, 0, 0, 0, 0, 2],
  R3_6: [1, 0, 0, 0, 0, 1, 2],
  R3_7: [10, 2, 0, 0, 0, 1, 13],
  R4: [1, 0, 0, 0, 0, 0, 1],
};
const T2: Record<string, (number | string)[]> = { REG: [0, 0, 3], NORM: [2, 2, 15], LIC: [40, -3, 120], FEE: [5, -1] };

/** Fill every blank cell of the blank F2019 report (0 unless given). */
function filled(overrides: Record<string, number[]> = {}, t2: Record<string, (number | string)[]> = {}): string {
  const blank = renderBlankReport({ year: 2020, agency: '某某区某某局' });
  const m = parse(blank);
  const edits: TextEdit[] = [];
  for (const t of [m.tables.T2!, m.tables.T3!, m.tables.T4!])
    for (const r of t.rows)
      r.cells.forEach((c, i) => {
        if (c.state !== 'blank' || !c.span) return;
        const v = t.id === 'T3' ? ({ ...T3, ...overrides }[r.id]?.[i] ?? 0) : t.id === 'T2' ? ({ ...T2, ...t2 }[r.id]?.[i] ?? 0) : 0;
        edits.push({ span: c.span, newText: String(v) });
      });
  return applyEdits(blank, edits);
}

const row = (m: ReportModel, table: 'T2' | 'T3', id: string) => m.tables[table]!.rows.find((r) => r.id === id)!.cells.map((c) => c.value);

test('an F2019 report is recognised by its year and its table-2 columns', () => {
  const m = parse(filled());
  assert.equal(m.template.id, 'F2019');
  assert.equal(m.template.byContent, 'F2019');
  assert.equal(m.tables.T2!.template, 'F2019');
});

test('F2019 table 2 reads item counts and a signed 本年增/减', () => {
  const m = parse(filled());
  assert.deepEqual(row(m, 'T2', 'LIC'), [40, -3, 120]);
  assert.deepEqual(row(m, 'T2', 'FEE'), [5, -1]);
  assert.deepEqual(row(m, 'T2', 'OMS'), [0, 0, 0]);
});

test('F2019 table 3 has （六）其他处理 as one leaf, summed by （七）总计', () => {
  const m = parse(filled());
  assert.deepEqual(row(m, 'T3', 'R3_6'), [1, 0, 0, 0, 0, 1, 2]);
  assert.ok(!m.tables.T3!.rows.some((r) => r.id === 'R3_6_1'));
  assert.deepEqual(check(filled()).findings.filter((f) => (f.severity === 'error' || f.severity === 'warning') && f.code !== 'placeholder').map((f) => f.code), []);
});

test('in F2019 a wrong （六）其他处理 total breaks its row and （七）总计: one finding naming both', () => {
  const found = check(filled({ R3_6: [1, 0, 0, 0, 0, 1, 3] })).findings.filter((f) => f.code.endsWith('-total'));
  assert.deepEqual(found.map((f) => f.code), ['row-total']);
  assert.deepEqual((found[0]!.localisation?.relations ?? []).map((r) => r.equation), ['EQ-T3-ROW', 'EQ-T3-RES']);
});

test('a 2020 report citing the 2021 notice gets basis-citation', () => {
  const text = filled().replace(/国办公开办函〔2019〕60号/g, '国办公开办函〔2021〕30号');
  assert.ok(check(text).findings.some((f) => f.code === 'basis-citation'));
});

test('F2019 本年增/减 written with a word for its sign (减12, 增3) reads as a signed number', () => {
  const text = filled().replace('行政事业性收费\t5\t-1', '行政事业性收费\t16\t减12').replace('行政许可\t40\t-3', '行政许可\t40\t增3');
  const m = parse(text);
  assert.deepEqual(row(m, 'T2', 'FEE'), [16, -12]);
  assert.deepEqual(row(m, 'T2', 'LIC'), [40, 3, 120]);
  assert.deepEqual(check(text).findings.filter((f) => f.code === 'cell-value'), []);
});

test('a sign word is not a number in a count column (减12 as 上一年项目数量 is a cell-value error)', () => {
  const text = filled().replace('行政事业性收费\t5\t-1', '行政事业性收费\t减12\t-1');
  assert.equal(parse(text).tables.T2!.rows.find((r) => r.id === 'FEE')!.cells[0]!.state, 'invalid');
  assert.equal(check(text).findings.filter((f) => f.code === 'cell-value').length, 1);
});

test('F2019 采购总金额 may carry its unit (38518699.09元): the number as written', () => {
  for (const [written, value] of [['38518699.09元', 38518699.09], ['147230元', 147230]] as const) {
    const text = filled().replace(/政府集中采购\t0\t0/, `政府集中采购\t48\t${written}`);
    assert.deepEqual(row(parse(text), 'T2', 'PROC'), [48, value], written);
    assert.deepEqual(check(text).findings.filter((f) => f.code === 'cell-value'), [], written);
  }
});

test('in F2019 more newly published than published in all is a warning (the total includes the new ones)', () => {
  assert.deepEqual(check(filled()).findings.filter((f) => f.code === 'stock-flow'), []);
  const f = check(filled({}, { NORM: [2, 20, 15] })).findings.filter((x) => x.code === 'stock-flow');
  assert.equal(f.length, 1);
  assert.equal(f[0]!.severity, 'warning');
});
