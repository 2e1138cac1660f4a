// Each rule: a synthetic report that triggers it, and a near miss that must not.
// Reports come from test/support/reports.ts (a correct F2021 report with data-driven tables).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, parse, type Finding } from '../../../server/src/engine/index.ts';
import { applyEdits, fixAll } from '../../../server/src/engine/index.ts';
import { CLEAN_REPORT, defaultT3, renderReport, type ReportSpec } from '../../support/reports.ts';
const loc = (f: Finding) => (f.location?.kind === 'cells' ? { table: f.location.table, row: f.location.row, col: f.location.cols[0] } : undefined);

const codesOf = (fs: Finding[]) => fs.map((f) => f.code);
const run = (spec: ReportSpec | string) => check(typeof spec === 'string' ? spec : renderReport(spec)).findings;
const only = (spec: ReportSpec | string, code: string) => run(spec).filter((f) => f.code === code);

test('a correct report has no findings at all', () => {
  assert.deepEqual(codesOf(run(CLEAN_REPORT)), []);
});

test('row-total: a table-3 total that is not the sum of its row, reported on the total with the formula', () => {
  const f = only({ t3: { R3_3_7: [1, 0, 0, 0, 0, 0, 2] } }, 'row-total');
  assert.equal(f.length, 1);
  assert.equal(loc(f[0]!)?.row, 'R3_3_7');
  assert.equal(f[0]!.expected, 1);
  assert.equal(f[0]!.actual, 2);
  assert.match(f[0]!.message.zh, /2 ≠ 各项之和 1（1\+0\+0\+0\+0\+0）/);
  assert.deepEqual(f[0]!.fixes.map((x) => [x.edits.map((e) => e.newText), x.isPreferred, x.safe]), [[['1'], true, true]]);
});

test('three wrong totals that agree with each other: one finding each, and one fix that sets all three', () => {
  const text = renderReport({ t3: { R3_3_7: [1, 0, 0, 0, 0, 0, 2], R3_7: [3, 0, 0, 0, 0, 16, 20], R1: [3, 0, 0, 0, 0, 16, 20] } });
  const f = check(text).findings.filter((x) => x.localisation?.outcome === 'unique');
  assert.deepEqual(f.map((x) => [x.code, loc(x)?.row, x.actual, x.expected]), [
    ['row-total', 'R1', 20, 19],
    ['row-total', 'R3_3_7', 2, 1],
    ['row-total', 'R3_7', 20, 19],
  ]);
  const fix = f[0]!.fixes[0]!;
  assert.ok(f.every((x) => x.fixes.length === 1 && x.fixes[0] === fix), 'the same fix on every cell of the set');
  assert.deepEqual(codesOf(check(applyEdits(text, fix.edits)).findings), []);
});

test('result-total: （七）总计 differs from the sum of the leaves in a column, group rows not added', () => {
  // One wrong cell breaks its row, the result total and the column balance: one finding.
  const t3b = defaultT3();
  t3b.R3_7 = [3, 0, 0, 0, 0, 16, 20];
  const g = run({ t3: t3b }).filter((x) => x.code === 'result-total');
  assert.deepEqual(g.map((x) => [loc(x)?.row, loc(x)?.col, x.expected]), [['R3_7', 'C7', 19]]);
});

test('a leaf that is off in its column and its total: every leaf that could be it is a candidate, none is chosen', () => {
  const t3 = defaultT3();
  t3.R3_4_1 = [1, 0, 0, 0, 0, 0, 1];
  const f = run({ t3, narrative: '共收到政府信息公开申请19件。' }).filter((x) => x.code === 'result-total');
  // （七）总计 agrees with 一 and the narrative; one of the three 自然人 leaves is one too many.
  assert.deepEqual(f.map((x) => [x.localisation?.outcome, loc(x)?.row, loc(x)?.col]), [['tie', 'R3_7', 'C1'], ['tie', 'R3_7', 'C7']]);
  const rows = (f[0]!.localisation?.candidates ?? []).map((c) => c[0]!.row).sort();
  assert.deepEqual(rows, ['R3_1', 'R3_3_7', 'R3_4_1']);
  assert.ok(f.every((x) => x.fixes.length === 3 && x.fixes.every((fx) => !fx.safe && !fx.isPreferred)));
});

test('column-balance: when 一、二 and 四 are equally likely wrong, the candidates are listed and fix-all applies none', () => {
  const f = only({ t3: { R4: [1, 0, 0, 0, 0, 0, 1] }, narrative: '本年度共收到政府信息公开申请19件。' }, 'column-balance');
  assert.deepEqual(f.map((x) => x.equation?.id), ['EQ-T3-BAL', 'EQ-T3-BAL']);
  // 一 is confirmed by the narrative (19), so 二 or 四 is wrong: two candidates.
  assert.ok(f.every((x) => x.localisation?.outcome === 'tie' && x.fixes.length === 2), JSON.stringify(f.map((x) => x.fixes.map((y) => y.title.en))));
  assert.ok(f.every((x) => x.fixes.every((fx) => !fx.safe && !fx.isPreferred)));
});

test('narrative evidence decides a tie: “已全部办结” makes 四 the wrong cells', () => {
  const f = only({ t3: { R4: [1, 0, 0, 0, 0, 0, 1] } }, 'column-balance');
  assert.deepEqual(f.map((x) => [x.localisation?.outcome, loc(x)?.row, loc(x)?.col, x.expected]), [['unique', 'R4', 'C1', 0], ['unique', 'R4', 'C7', 0]]);
  assert.ok(f.every((x) => x.fixes.length === 1 && x.fixes[0]!.safe && x.fixes[0]!.edits.length === 2));
});

test('review-total and litigation-total check the three table-4 blocks', () => {
  const f = run({ t4: [3, 0, 0, 0, 4, 18, 5, 1, 0, 25, 7, 0, 0, 0, 6] });
  assert.deepEqual(codesOf(f).filter((c) => c.endsWith('-total')).sort(), ['litigation-total', 'litigation-total', 'review-total']);
});

test('total-blank: a blank total with filled parts is a missing total with a fill fix, not a sum error', () => {
  const f = run({ t3: { R3_1: [2, 0, 0, 0, 0, 16, ''] } });
  assert.deepEqual(codesOf(f).filter((c) => c !== 'cell-blank'), ['total-blank']);
  assert.equal(f.find((x) => x.code === 'total-blank')!.fixes[0]!.edits[0]!.newText, '18');
});

test('cell-blank: blank cells are counted as 0 and reported once per row as info', () => {
  const f = run({ t3: { R2: ['', '', '', '', '', '', 0] } });
  assert.deepEqual(codesOf(f), ['cell-blank']);
  assert.equal(f[0]!.severity, 'info');
  assert.equal(f[0]!.fixes[0]!.edits.length, 6);
});

test('cell-value: text in a count cell is an error and suppresses the equations using it', () => {
  const f = run({ t3: { R3_3_2: [0, 0, '—' as unknown as number, 0, 0, 0, 0] } });
  assert.deepEqual(codesOf(f), ['cell-value']);
});

test('section-missing: reported where the section belongs, with an insert fix', () => {
  const text = renderReport({ omitSection: 3 });
  const f = check(text).findings.filter((x) => x.code === 'section-missing');
  assert.equal(f.length, 1);
  const fixed = applyEdits(text, f[0]!.fixes[0]!.edits);
  assert.deepEqual(parse(fixed).sections.map((s) => s.heading.index), [1, 2, 3, 4, 5, 6]);
});

test('section-numbering: `2、` is renumbered to `二、` by a safe fix', () => {
  const f = only({ sectionTwoNumbering: '2、' }, 'section-numbering');
  assert.equal(f.length, 1);
  assert.equal(f[0]!.fixes[0]!.edits[0]!.newText, '二、');
  assert.ok(f[0]!.fixes[0]!.safe);
});

test('section-order: a section after a later one is reported once', () => {
  const text = CLEAN_REPORT.replace(/五、存在的主要问题及改进情况\n[^\n]*\n/, '').replace('一、总体情况', '五、存在的主要问题及改进情况\n问题。\n\n一、总体情况');
  assert.deepEqual(codesOf(check(text).findings).filter((c) => c.startsWith('section')), ['section-order']);
});

test('narrative-mismatch: a count of applications in the prose that differs from the table', () => {
  const f = only({ narrative: '全年共收到政府信息公开申请25件，均已办结。' }, 'narrative-mismatch');
  assert.equal(f.length, 1);
  assert.equal(f[0]!.expected, 19);
  assert.equal(f[0]!.actual, 25);
});

test('narrative-mismatch near miss: letters and mailbox counts are never compared', () => {
  assert.deepEqual(only({ narrative: '全年共收到来信33件，办结33件。政府信箱留言12件。' }, 'narrative-mismatch'), []);
});

test('fee-statement: section 六 without a word on 信息处理费 gets an info', () => {
  assert.equal(only({ six: '无。' }, 'fee-statement').length, 1);
  assert.equal(only({}, 'fee-statement').length, 0);
});

test('basis-citation: a 2024 report citing the 2019 notice', () => {
  const text = CLEAN_REPORT.replace('本报告中所列数据', '根据国办公开办函〔2019〕60号，本报告中所列数据');
  assert.deepEqual(codesOf(check(text).findings), ['basis-citation']);
});

test('year-mismatch: the statistics period names another year', () => {
  const text = CLEAN_REPORT.replace('统计期限自2024年1月1日起至2024年12月31日止', '统计期限自2023年1月1日起至2023年12月31日止');
  assert.deepEqual(codesOf(check(text).findings), ['year-mismatch', 'year-mismatch']);
});

test('publish-date: a signature after the statutory window', () => {
  const text = CLEAN_REPORT.replace('2025年1月20日', '2025年5月8日');
  assert.deepEqual(codesOf(check(text).findings), ['publish-date']);
});

test('carry-over: 上年结转 must equal last year’s 结转下年度继续办理', () => {
  const last = parse(renderReport({ year: 2023, t3: { R4: [2, 0, 0, 0, 0, 0, 2], R1: [5, 0, 0, 0, 0, 16, 21] } }));
  const f = check(CLEAN_REPORT, { previous: { model: last, uri: 'file:///2023.txt' } }).findings.filter((x) => x.code === 'carry-over');
  assert.deepEqual(f.map((x) => [loc(x)?.col, x.actual, x.expected]), [['C1', 0, 2], ['C7', 0, 2]]);
  assert.equal(f[0]!.related[0]!.uri, 'file:///2023.txt');
});

test('rule settings: off removes a code, a level changes its severity', () => {
  const text = renderReport({ sectionTwoNumbering: '2、' });
  assert.deepEqual(check(text, { rules: { 'section-numbering': 'off' } }).findings, []);
  assert.equal(check(text, { rules: { 'section-numbering': 'error' } }).findings[0]!.severity, 'error');
});

test('fix-all sets the uniquely wrong totals, leaves an ambiguous table-4 total to the user, and a re-check finds nothing else', () => {
  const text = renderReport({
    t3: { R1: [3, 0, 0, 0, 0, 16, 20], R3_1: [2, 0, 0, 0, 0, 16, 99], R3_7: [3, 0, 0, 0, 0, 16, 7] },
    t4: [3, 0, 0, 0, 9, 18, 5, 1, 0, 24, 7, 0, 0, 0, 7],
    sectionTwoNumbering: '2、',
  });
  const r = fixAll(text);
  // 结果维持 3 with 总计 9: the total or any one part may be wrong (a tie), so nothing is set.
  assert.deepEqual(codesOf(check(r.text).findings), ['review-total']);
  assert.equal(applyEdits(text, r.edits), r.text);
  assert.ok(r.edits.every((e) => e.newText.length <= 3), JSON.stringify(r.edits));
  assert.deepEqual(fixAll(r.text).edits, []);
});

test('an unreadable row suppresses the equations that depend on it', () => {
  const text = CLEAN_REPORT.replace(/（七）总计\t[^\n]*/, '（七）总计\t3\t16\t19');
  const codes = codesOf(check(text).findings);
  assert.ok(codes.includes('table-unreadable'), codes.join());
  assert.ok(!codes.includes('result-total') && !codes.includes('column-balance'), codes.join());
});

test('narrative-mismatch: 予以公开 and 不予公开 counts in a sentence about applications', () => {
  const f = only({ narrative: '本年共收到政府信息公开申请19件，其中予以公开17件，不予公开1件。' }, 'narrative-mismatch');
  assert.deepEqual(f.map((x) => [x.actual, x.expected]), [[17, 18]]);
  assert.deepEqual(only({ narrative: '本年共收到政府信息公开申请19件，予以公开及部分公开18件。' }, 'narrative-mismatch'), []);
});
