// Evidence outside the tables decides between equally small changes; cells the reader could
// not read are never changed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, parse, type Finding } from '../../../server/src/engine/index.ts';
import { applyEdits, fixAll } from '../../../server/src/engine/fix.ts';
import { localiseModel } from '../../../server/src/engine/localise/model.ts';
import { quickFixes } from '../../../server/src/engine/ide/index.ts';
import { renderReport } from '../../support/reports.ts';
const loc = (f: Finding) => (f.location?.kind === 'cells' ? { table: f.location.table, row: f.location.row, col: f.location.cols[0] } : undefined);

const ARITH = ['row-total', 'result-total', 'column-balance', 'review-total', 'litigation-total'];
const arith = (text: string, opts = {}) => check(text, opts).findings.filter((f) => ARITH.includes(f.code));

test('二 or 四 equally small: last year’s 结转下年度 confirms 二, so 四 is the wrong cell', () => {
  // 四 has 1 in 自然人 and 总计 that nothing else explains; the narrative says nothing about 四.
  const text = renderReport({ t3: { R4: [1, 0, 0, 0, 0, 0, 1] }, narrative: '本年度共收到政府信息公开申请19件。' });
  assert.ok(arith(text).every((f) => f.localisation?.outcome === 'tie'));
  const last = parse(renderReport({ year: 2023 }));
  const f = arith(text, { previous: { model: last } });
  assert.deepEqual(f.map((x) => [x.localisation?.outcome, loc(x)?.row, loc(x)?.col, x.expected]), [['unique', 'R4', 'C1', 0], ['unique', 'R4', 'C7', 0]]);
});

test('the text’s 份 counts applications too: “收到政府信息公开申请20份” is compared with 一', () => {
  const f = check(renderReport({ narrative: '本年度共收到政府信息公开申请20份。' })).findings.filter((x) => x.code === 'narrative-mismatch');
  assert.deepEqual(f.map((x) => [x.actual, x.expected]), [[20, 19]]);
});

test('a blank leaf is the wrong cell when filling it makes every relation hold', () => {
  // （一）予以公开 自然人 left blank while its total, （七）总计 and 一 all count it.
  const text = renderReport({ t3: { R3_1: ['', 0, 0, 0, 0, 16, 18] } });
  const f = arith(text);
  assert.deepEqual(f.map((x) => [x.localisation?.outcome, loc(x)?.row, loc(x)?.col, x.expected]), [['unique', 'R3_1', 'C1', 2]]);
  const fixed = applyEdits(text, f[0]!.fixes[0]!.edits);
  assert.deepEqual(arith(fixed), []);
  assert.equal(fixAll(text).text, fixed);
});

test('an unreadable cell is never changed: its relations are left out, the others still localise', () => {
  const m = parse(renderReport({ t3: { R1: [3, 0, 0, 0, 0, 16, 20] } }));
  const unreadable = m.tables.T3!.rows.find((r) => r.id === 'R1')!.cells[0]!;
  unreadable.state = 'unreadable';
  unreadable.value = null;
  const [c] = localiseModel(m);
  assert.ok(!c!.cells.includes(unreadable));
  assert.ok(!c!.equations.some((e) => e.id === 'EQ-T3-ROW' && e.target?.row === 'R1'), 'the row total of 一 is unknown');
  assert.equal(c!.result.kind, 'unique');
  if (c!.result.kind === 'unique') assert.deepEqual(c!.result.best.changes.map((ch) => [c!.refs[ch.v]!.row, c!.refs[ch.v]!.col, ch.to]), [['R1', 'C7', 19]]);
});

test('code actions over a set of two wrong cells offer its one fix once, and no second “fix this table” action', () => {
  const text = renderReport({ t3: { R1: [3, 0, 0, 0, 0, 16, 20], R3_7: [3, 0, 0, 0, 0, 16, 18] } });
  const r = check(text);
  const wrong = r.findings.filter((f) => f.localisation?.outcome === 'unique');
  assert.equal(wrong.length, 2);
  const range = { start: wrong[0]!.span.start, end: wrong[1]!.span.end };
  const actions = quickFixes(r.model, r.findings, range, () => fixAll(text));
  assert.deepEqual(actions.map((a) => [a.isPreferred, a.edits.map((e) => e.newText)]), [[true, ['19', '19']]]);
});

test('（七）总计 left short in 自然人 and 总计 alike: both cells are the wrong ones, and one fix sets both', () => {
  // Its row still adds up (0 + 16 = 16), so “set the total to the sum” would change nothing useful.
  const text = renderReport({ t3: { R3_7: [0, 0, 0, 0, 0, 16, 16] } });
  const f = arith(text);
  assert.deepEqual(f.map((x) => [x.code, x.localisation?.outcome, x.actual, x.expected]), [
    ['result-total', 'unique', 0, 3],
    ['result-total', 'unique', 16, 19],
  ]);
  assert.deepEqual(f[0]!.localisation?.relations.map((r) => r.equation), ['EQ-T3-RES', 'EQ-T3-BAL']);
  assert.equal(f[0]!.fixes[0], f[1]!.fixes[0]);
  assert.deepEqual(arith(applyEdits(text, f[0]!.fixes[0]!.edits)), []);
  assert.deepEqual(arith(fixAll(text).text), []);
});
