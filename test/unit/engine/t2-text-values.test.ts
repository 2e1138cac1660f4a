// Table 2: a value written with text in its cell (`减12`, `38518699.09元`) is read as that cell
// (a signed change, or an invalid amount the rules report), not taken as the end of the row.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from '../../../server/src/engine';

const REPORT = [
  '某某局2019年政府信息公开工作年度报告',
  '',
  '二、主动公开政府信息情况',
  '',
  '| 第二十条第（一）项 | | | |',
  '| --- | --- | --- | --- |',
  '| 信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |',
  '| 规章 | 0 | 0 | 0 |',
  '| 第二十条第（八）项 | | | |',
  '| 信息内容 | 上一年项目数量 | 本年增/减 | |',
  '| 行政事业性收费 | 16 | 减12 | |',
  '| 第二十条第（九）项 | | | |',
  '| 信息内容 | 采购项目数量 | 采购总金额 | |',
  '| 政府集中采购 | 48 | 38518699.09元 | |',
  '',
  '三、收到和处理政府信息公开申请情况',
  '',
].join('\n');

test('text with digits in a table-2 value cell on the row’s line is that cell, read as written', () => {
  const t2 = parse(REPORT).tables.T2!;
  const fee = t2.rows.find((r) => r.id === 'FEE')!;
  const proc = t2.rows.find((r) => r.id === 'PROC')!;
  assert.deepEqual(fee.cells.map((c) => [c.state, c.raw, c.value]), [['number', '16', 16], ['number', '减12', -12]]);
  assert.deepEqual(proc.cells.map((c) => [c.state, c.raw, c.value]), [['number', '48', 48], ['number', '38518699.09元', 38518699.09]]);
});
