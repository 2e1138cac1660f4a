// The format vocabulary (engine/format/vocabulary.ts): one table-3 variant resolver and one
// set of table, row and column names for messages, the outline, the preview and the CLI.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../../server/src/engine/index.ts';
import { renderBlankReport } from '../../../server/src/engine/index.ts';
import { T3_COLUMN_COUNT, T4_COLUMN_COUNT, TEMPLATES } from '../../../server/src/engine/index.ts';
import {
  columnName,
  rowName,
  t3Def,
  t3Variant,
  t4GroupName,
  tableHeading,
  tableName,
  tableTitle,
} from '../../../server/src/engine/index.ts';
import { T3_DEFS, t3VariantOfRegion } from '../../../server/src/engine/format/vocabulary.ts';
import { renderReport, T3_ROWS } from '../../support/reports.ts';

test('a table-3 region naming the items of （六） is read with the split F2021 rows', () => {
  assert.equal(t3VariantOfRegion('（六）其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'), 'F2021');
  assert.equal(t3VariantOfRegion('2.申请人逾期未按收费通知要求缴纳费用'), 'F2021');
  assert.equal(t3VariantOfRegion('（六）其他处理\t0\t0'), 'F2021-other-as-one-row');
});

test('a read F2021 report with the three items of （六） follows the F2021 table 3', () => {
  const m = parse(renderReport());
  assert.equal(t3Variant(m), 'F2021');
  assert.equal(t3Def(m), TEMPLATES.F2021.T3);
});

test('an F2021 report with （六）其他处理 as one row follows the one-row variant', () => {
  const text = renderReport().replace(/\t（六）其他处理\t1\.申请人无正当理由逾期不补正[^\n]*\n[^\n]*缴纳费用[^\n]*\n\t\t3\.其他\t/, '\t（六）其他处理\t');
  const m = parse(text);
  assert.ok(m.tables.T3!.rows.some((r) => r.id === 'R3_6'));
  assert.equal(t3Variant(m), 'F2021-other-as-one-row');
  assert.equal(t3Def(m), T3_DEFS['F2021-other-as-one-row']);
});

test('an F2019 report follows the F2019 table 3', () => {
  const m = parse(renderBlankReport({ year: 2020, agency: '某某区某某局' }));
  assert.equal(t3Variant(m), 'F2019');
  assert.equal(t3Def(m), TEMPLATES.F2019.T3);
});

test('the column counts are those of the template columns', () => {
  assert.equal(T3_COLUMN_COUNT, 7);
  assert.equal(T4_COLUMN_COUNT, 15);
  assert.equal(T3_ROWS.length, TEMPLATES.F2021.T3.rows.filter((r) => r.kind !== 'group').length);
});

test('tables are named from the section that holds them, in both languages', () => {
  assert.deepEqual(tableName('T3'), { zh: '表三', en: 'Table 3' });
  assert.deepEqual(tableTitle('T2'), { zh: '二、主动公开政府信息情况', en: '2. Proactive disclosure' });
  assert.deepEqual(tableHeading('T4'), { zh: '表四 政府信息公开行政复议、行政诉讼情况', en: 'Table 4 Administrative reviews and lawsuits' });
});

test('rows are named by table and template label, without the counting note', () => {
  assert.deepEqual(rowName('T3', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'), { zh: '表三“（二）部分公开”', en: 'Table 3 “（二）部分公开”' });
  assert.deepEqual(rowName('T4', 'anything'), tableName('T4'));
});

test('columns are named in both languages for every table and template', () => {
  assert.deepEqual(columnName('T3', 'C4'), { zh: '社会公益组织', en: 'public-interest organisations' });
  assert.deepEqual(columnName('T4', 'LD2'), { zh: '未经复议直接起诉·结果纠正', en: 'litigation (direct) · corrected' });
  assert.deepEqual(columnName('T2', 'VALID'), { zh: '现行有效件数', en: 'in force' });
  assert.deepEqual(columnName('T2', 'DEC', 'F2019'), { zh: '处理决定数量', en: 'decisions' });
  assert.deepEqual(columnName('T2', 'AMOUNT', 'F2021'), { zh: '采购总金额', en: 'procurement amount' });
  assert.deepEqual(t4GroupName('LR'), { zh: '行政诉讼（复议后起诉）', en: 'litigation (after review)' });
  for (const tpl of ['F2021', 'F2019'] as const)
    for (const r of TEMPLATES[tpl].T2.rows) for (const c of r.columns) assert.ok(c.en.length > 0 && columnName('T2', c.id, tpl).zh === c.label, `${tpl} ${c.id}`);
});
