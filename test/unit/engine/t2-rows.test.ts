// Table-2 rows a body may delete: 规章 (only bodies with rule-making power make them). Its
// absence beside 行政规范性文件 is a note; any other deleted row stays an error.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../../server/src/engine/index.ts';
import { renderReport } from '../../support/reports.ts';

const rowMissing = (text: string) => check(text).findings.filter((f) => f.code === 'row-missing').map((f) => `${f.severity}:${f.location?.kind === "row" ? f.location.row : "?"}`);

test('规章 deleted beside 行政规范性文件 is a note (info), with the reason', () => {
  const text = renderReport().replace('规章\t0\t0\t0\n', '');
  assert.deepEqual(rowMissing(text), ['info:REG']);
  const f = check(text).findings.find((x) => x.code === 'row-missing')!;
  assert.match(f.message.zh, /规章制定权/);
});

test('a deleted row that every body can have entries in stays an error (行政许可)', () => {
  const text = renderReport().replace('行政许可\t12502\t\t\n', '');
  assert.deepEqual(rowMissing(text), ['error:LIC']);
});

test('规章 missing with its whole block is an error (the block is deleted, not one row)', () => {
  const text = renderReport().replace('规章\t0\t0\t0\n', '').replace('行政规范性文件\t6\t2\t74\n', '');
  assert.deepEqual(rowMissing(text).sort(), ['error:NORM', 'error:REG']);
});
