// Issue #18 wording: messages name things as the form does, in both languages.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildGridView, check, reportsPage } from '../../../server/src/engine/index.ts';
import { renderReport } from '../../support/reports.ts';

test('table-2 messages name the columns as the form does, never by internal id', () => {
  const text = renderReport({}).replace('行政规范性文件\t6\t2\t74', '行政规范性文件\t6\t0\t4').replace('144.4399', '-5');
  const msgs = check(text).findings.filter((f) => f.code === 'stock-flow' || f.code === 'cell-value').flatMap((f) => [f.message.zh, f.message.en]);
  assert.equal(msgs.length, 4);
  for (const m of msgs) assert.doesNotMatch(m, /\b(MADE|REPEALED|VALID|DEC|AMT)\b/, m);
  assert.ok(msgs.some((m) => m.includes('本年制发')));
});

test('"已全部办结" against a table that carries applications over reads as a sentence', () => {
  const text = renderReport({ narrative: '本年度共收到政府信息公开申请19件，已全部办结。', t3: { R4: [2, 0, 0, 0, 0, 0, 2], R3_1: [0, 0, 0, 0, 0, 16, 16] } });
  const f = check(text).findings.find((x) => x.code === 'narrative-mismatch' && /全部办结/.test(x.message.zh));
  assert.ok(f);
  assert.equal(f.message.zh, '正文称申请已全部办结，但表三“结转下年度继续办理”为 2（全部办结时应为 0）');
  assert.match(f.message.en, /^The text says all applications were handled, but table 3 carries 2 over/);
});

test('English names sections by number with the Chinese numeral, consistently', () => {
  const findings = check(renderReport({ six: '无。' })).findings;
  const fee = findings.find((f) => f.code === 'fee-statement')!;
  assert.match(fee.message.en, /^Section 6 \(六\)/);
});

test('the static HTML page does not promise clickable cells, and names severities in its language', () => {
  const r = check(renderReport({ t3: { R1: [3, 0, 0, 0, 0, 16, 20] } }));
  const page = (lang: 'zh' | 'en') => reportsPage([{ path: 'a.txt', view: buildGridView(r.model, r.findings), findings: r.findings.map((f) => ({ line: 1, severity: f.severity, code: f.code, message: f.message.zh })) }], lang);
  assert.doesNotMatch(page('zh'), /点击单元格/);
  assert.match(page('zh'), /<span class="nb-sev error">错误<\/span>/);
  assert.match(page('en'), /<span class="nb-sev error">error<\/span>/);
});

test('a blank table-4 cell is reported over a visible range, not a zero-width one', () => {
  const t4 = [3, 0, 0, 0, 3, 18, 5, 1, '', 24, 7, 0, 0, 0, 7] as (number | '')[];
  const f = check(renderReport({ t4 })).findings.find((x) => x.code === 'cell-blank');
  assert.ok(f);
  assert.ok(f.span.end > f.span.start, JSON.stringify(f.span));
});

test('in F2021 fewer valid documents than made − repealed is a question (info): lapsed documents are not repealed', () => {
  const text = renderReport({}).replace('行政规范性文件\t6\t2\t74', '行政规范性文件\t6\t0\t4');
  const f = check(text).findings.filter((x) => x.code === 'stock-flow');
  assert.equal(f.length, 1);
  assert.equal(f[0]!.severity, 'info');
  assert.match(f[0]!.message.zh, /失效/);
});
