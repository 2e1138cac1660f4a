// Table 2 flattened into one line (`规章000行政规范性文件6233440…`): cut only where the cut is
// forced or unique, otherwise the row is unreadable — never a guess, never table-missing.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, parse, type ReportModel } from '../../../server/src/engine/index.ts';
import { renderReport } from '../../support/reports.ts';

const flat = (line: string) => renderReport().replace(/第二十条第（一）项[\s\S]*?行政事业性收费\t144\.4399\t\t\n/, `${line}\n`);
const LINE = (norm: string) => `第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件${norm}第二十条第（五）项信息内容本年处理决定数量行政许可12502第二十条第（六）项信息内容本年处理决定数量行政处罚2331行政强制21第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费0`;
const row = (m: ReportModel, id: string) => m.tables.T2!.rows.find((r) => r.id === id)!;
const values = (m: ReportModel, id: string) => row(m, id).cells.map((c) => (c.state === 'number' ? c.value : c.state));

test('a forced cut is read: one digit per cell, a single-cell row’s whole run', () => {
  const m = parse(flat(LINE('123')));
  assert.deepEqual(values(m, 'REG'), [0, 0, 0]);
  assert.deepEqual(values(m, 'NORM'), [1, 2, 3]);
  assert.deepEqual(values(m, 'LIC'), [12502]);
  assert.deepEqual(values(m, 'PEN'), [2331]);
});

test('a run with several possible cuts leaves the row unreadable: table-unreadable, not table-missing', () => {
  const text = flat(LINE('6233440'));
  const m = parse(text);
  assert.equal(row(m, 'NORM').alignment, 'ambiguous');
  assert.ok(row(m, 'NORM').cells.every((c) => c.state === 'unreadable'));
  const codes = check(text).findings.map((f) => f.code);
  assert.ok(codes.includes('table-unreadable'));
  assert.ok(!codes.includes('table-missing') && !codes.includes('stock-flow') && !codes.includes('row-missing'), codes.join());
});

test('the row’s own relation may make the cut unique (现行有效 ≥ 制发 − 废止)', () => {
  // 9 0 10 fits; 90 1 0 does not (0 < 89); 9 01… has a leading zero.
  assert.deepEqual(values(parse(flat(LINE('9010'))), 'NORM'), [9, 0, 10]);
});
