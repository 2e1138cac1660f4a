// Table 4 whose header did not come through as text: a PDF drawn without borders writes its
// narrow header cells one character per line, so 未经复议直接起诉 is never one run. The table
// is there — never `table-missing` — and its cells cannot be placed: unreadable, no total checked.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check } from '../../../server/src/engine/index.ts';
import { renderReport } from '../../support/reports.ts';

const T4_APART = [
  '四、政府信息公开行政复议、行政诉讼情况',
  '行政复议 行',
  '政',
  '诉',
  '讼',
  '结果维持 结果纠正 其他结果 尚 总 未 复',
  '未 计 经 议',
  '审 复 后',
  '结 议 起',
  '直 诉',
  '接',
  '起',
  '诉',
  '结 结 其 尚 总 结 结 其 尚 总',
  '果 果 他 未 计 果 果 他 未 计',
  '3 0 0 0 3 1 5 1 0 2 7 0 0 0 7',
  '8 4',
].join('\n\n');

function withT4(t4: string): string {
  const text = renderReport({});
  const from = text.indexOf('四、政府信息公开行政复议');
  const to = text.indexOf('五、存在的主要问题');
  return `${text.slice(0, from)}${t4}\n\n${text.slice(to)}`;
}

test('a table 4 whose header came apart one character per line is unreadable, not missing, and no total is checked', () => {
  const findings = check(withT4(T4_APART)).findings;
  const codes = findings.map((f) => f.code);
  assert.ok(!codes.includes('table-missing'), codes.join());
  assert.ok(!codes.includes('review-total') && !codes.includes('litigation-total'), codes.join());
  const f = findings.find((x) => x.code === 'table-unreadable' && x.location?.kind === 'row' && x.location.table === 'T4');
  assert.ok(f, codes.join());
  assert.equal(f.severity, 'warning');
});

test('a section 四 with prose only still lacks its table', () => {
  const codes = check(withT4('四、政府信息公开行政复议、行政诉讼情况\n\n2024年未发生行政复议和行政诉讼。')).findings.map((f) => f.code);
  assert.ok(codes.includes('table-missing'), codes.join());
});
