// narrative-mismatch (R-NARR) beyond the basics in rules.test.ts: the units and wordings
// published reports use (份/条/项, 受理, 依申请公开), counts by applicant, 办结/答复, the result
// groups, lawsuits, `未收到`, and sentences that a PDF text layer wraps over several lines.
// The synthetic report's table 3: 一 = 3 natural persons + 16 others = 19; 予以公开 18;
// 不予公开 (7.行政执法案卷) 1; （七）总计 19; nothing carried over. Table 4: 复议 3, 诉讼 24 + 7.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../../server/src/engine/index.ts';
import { renderReport } from '../../support/reports.ts';

const claims = (narrative: string) =>
  check(renderReport({ narrative })).findings.filter((f) => f.code === 'narrative-mismatch').map((f) => [f.actual, f.expected]);

for (const unit of ['件', '份', '条', '项']) {
  test(`applications counted in ${unit} are compared with 一、本年新收`, () => {
    assert.deepEqual(claims(`2024年，我局共收到政府信息公开申请25${unit}。`), [[25, 19]]);
    assert.deepEqual(claims(`2024年，我局共收到政府信息公开申请19${unit}。`), []);
  });
}

test('受理 and 收到依申请公开 … N件 are counts of new applications', () => {
  assert.deepEqual(claims('全年共受理政府信息公开申请20件。'), [[20, 19]]);
  assert.deepEqual(claims('本年度收到依申请公开事项21项。'), [[21, 19]]);
  assert.deepEqual(claims('2024年共收到依申请公开19件，均已按期答复办结。'), []);
});

test('counts by applicant: 自然人 against its column, 法人 against the five organisation columns', () => {
  assert.deepEqual(claims('共收到政府信息公开申请19件，其中法人申请15件、自然人申请4件。'), [[15, 16], [4, 3]]);
  assert.deepEqual(claims('共收到政府信息公开申请19件，其中法人申请16件、自然人申请3件。'), []);
});

test('办结 / 答复 … N件 in a sentence about applications is compared with （七）总计', () => {
  assert.deepEqual(claims('全年按时办结依申请公开申请3件。'), [[3, 19]]);
  assert.deepEqual(claims('收到政府信息公开申请19件，及时规范答复19件。'), []);
});

test('部分公开, 无法提供, 不予处理 and 其他处理 counts are compared with their rows', () => {
  assert.deepEqual(claims('收到政府信息公开申请19件，部分公开2件，无法提供1件，不予处理3件，其他处理4件。'), [[2, 0], [1, 0], [3, 0], [4, 0]]);
  assert.deepEqual(claims('收到政府信息公开申请19件，予以公开及部分公开18件，不予公开1件。'), []);
});

test('lawsuits in a sentence about information disclosure are compared with both litigation totals', () => {
  assert.deepEqual(claims('因政府信息公开引起的行政复议3件，行政诉讼5件。'), [[5, 31]]);
  assert.deepEqual(claims('因政府信息公开引起的行政复议3起、行政诉讼31起。'), []);
});

test('未收到信息公开申请 contradicts a table with new applications', () => {
  assert.deepEqual(claims('2024年我局未收到信息公开申请。'), [[0, 19]]);
});

test('channel counts (网络申请, 信函申请) and 依申请公开信息 counts are not compared', () => {
  assert.deepEqual(claims('收到政府信息公开申请19件。从申请方式看，网络申请3件，信函申请4件。依申请公开信息数16条。'), []);
});

test('a sentence wrapped over lines by a PDF text layer is read as one sentence, the number located exactly', () => {
  const text = renderReport({ narrative: '  （二）依申请公开。2024年，我局共收到政府信息公开申请2\n  5份，严格按照规定的程序和时限答复。' });
  const f = check(text).findings.filter((x) => x.code === 'narrative-mismatch');
  assert.deepEqual(f.map((x) => [x.actual, x.expected]), [[25, 19]]);
  assert.equal(text.slice(f[0]!.span.start, f[0]!.span.end), '2\n  5');
});

test('a short line (a heading) is not joined to the line after it', () => {
  assert.deepEqual(claims('收到政府信息公开申请\n25件材料已归档。'), []);
});
