import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check, parse } from '../../../server/src/engine';
import { renderBlankReport, templateForYear } from '../../../server/src/engine/index';
import { TEMPLATES } from '../../../server/src/engine/index';

const CASES = [
  { year: 2025, layout: 'tsv' },
  { year: 2025, layout: 'markdown' },
  { year: 2021, layout: 'tsv' },
  { year: 2020, layout: 'tsv' },
  { year: 2019, layout: 'markdown' },
] as const;

for (const { year, layout } of CASES) {
  test(`a blank ${year} report in ${layout} layout parses back with every section, table and row`, () => {
    const m = parse(renderBlankReport({ year, agency: '某某局', layout }));
    const tpl = TEMPLATES[templateForYear(year)];
    assert.equal(m.year?.value, year);
    assert.equal(m.title?.agency, '某某局');
    assert.equal(m.template.id, tpl.id);
    assert.deepEqual(m.sections.map((s) => [s.heading.index, s.heading.titleMatch]), [1, 2, 3, 4, 5, 6].map((i) => [i, 'canonical']));
    assert.deepEqual(m.tables.T2?.rows.map((r) => r.id), tpl.T2.rows.map((r) => r.id));
    assert.deepEqual(m.tables.T3?.rows.map((r) => r.id), tpl.T3.rows.filter((r) => r.kind !== 'group').map((r) => r.id));
    assert.equal(m.tables.T4?.rows[0]?.cells.length, 15);
    for (const t of [m.tables.T2!, m.tables.T3!]) assert.equal(t.layout, layout);
  });

  test(`a blank ${year} report in ${layout} layout checks without warnings or errors but its placeholders`, () => {
    const { findings } = check(renderBlankReport({ year, agency: '某某局', layout }));
    assert.deepEqual(findings.filter((f) => (f.severity === 'error' || f.severity === 'warning') && f.code !== 'placeholder').map((f) => f.code), []);
  });
}

test('a blank report’s placeholders in 一, 五 and 六 are flagged until replaced, and do not count as the fee statement', () => {
  const text = renderBlankReport({ year: 2025, agency: '某某局' });
  const { model, findings } = check(text);
  const sectionOf = (at: number) => model.sections.find((s) => s.span.start <= at && at < s.span.end)?.heading.index;
  assert.deepEqual(findings.filter((f) => f.code === 'placeholder').map((f) => sectionOf(f.span.start)), [1, 5, 6]);
  assert.ok(findings.some((f) => f.code === 'fee-statement'), 'a placeholder about the fee is not a statement');
  const filled = text.replace(/（待填写：[^）]*）/g, '本年度未收取信息处理费。');
  assert.deepEqual(check(filled).findings.filter((f) => f.code === 'placeholder' || f.code === 'fee-statement'), []);
});

test('blank cells are left for the user to fill (cell-blank infos)', () => {
  const { findings } = check(renderBlankReport({ year: 2025, agency: '某某局' }));
  assert.ok(findings.some((f) => f.code === 'cell-blank'));
});

test('the template follows the year: F2021 from 2021, F2019 for 2019–2020, none before', () => {
  assert.equal(templateForYear(2021), 'F2021');
  assert.equal(templateForYear(2020), 'F2019');
  assert.equal(templateForYear(2019), 'F2019');
  assert.throws(() => templateForYear(2018), RangeError);
});

test('the eol option writes CRLF line breaks throughout', () => {
  const t = renderBlankReport({ year: 2025, agency: '某某局', eol: '\r\n' });
  assert.equal(t.replace(/\r\n/g, '').includes('\n'), false);
  assert.ok(t.includes('\r\n'));
});
