// The reader's tests come from the equations the rules check (format/equations.ts): a row's
// own relations choose its alignment, the relations across rows choose among rows' readings.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { equationsFor, rowHolds, tableHolds } from '../../../server/src/engine/format/equations.ts';
import { T3_DEFS } from '../../../server/src/engine/format/vocabulary.ts';
import { TEMPLATES } from '../../../server/src/engine/format/templates.ts';

const def = T3_DEFS.F2021;
const eqs = equationsFor(def);
const t3cols = def.columns.map((c) => c.id);
const t4cols = TEMPLATES.F2021.T4.columns.map((c) => c.id);

test('a table-3 row holds when its 总计 is the sum of the six applicant columns', () => {
  const row = rowHolds(eqs, 'T3', 'R1', t3cols);
  assert.equal(row([3, 0, 0, 0, 0, 16, 19]), true);
  assert.equal(row([3, 0, 0, 0, 0, 16, 20]), false);
  assert.equal(row([3, 0, 0, 0, 0, NaN, 19]), false);
});

test('the table-4 row holds only when each of its three group totals is the sum of its four parts', () => {
  const row = rowHolds(eqs, 'T4', 'T4', t4cols);
  assert.equal(row([3, 0, 0, 0, 3, 18, 5, 1, 0, 24, 7, 0, 0, 0, 7]), true);
  assert.equal(row([3, 0, 0, 0, 3, 18, 5, 1, 0, 24, 7, 0, 0, 0, 8]), false);
});

const zeros = () => [0, 0, 0, 0, 0, 0, 0];
function table(over: Record<string, number[]>): Map<string, number[]> {
  const m = new Map<string, number[]>();
  for (const r of def.rows) if (r.kind !== 'group') m.set(r.id, zeros());
  for (const [k, v] of Object.entries(over)) m.set(k, v);
  return m;
}

test('table 3 holds when （七）总计 sums the leaves and 一 + 二 = 三 + 四 in every column', () => {
  const holds = tableHolds(eqs, 'T3', t3cols);
  const r = [3, 0, 0, 0, 0, 16, 19];
  assert.equal(holds(table({ R1: r, R3_1: r, R3_7: r })), true);
  assert.equal(holds(table({ R1: r, R3_1: r, R3_7: [3, 0, 0, 0, 0, 16, 18] })), false);
  assert.equal(holds(table({ R1: [4, 0, 0, 0, 0, 16, 20], R3_1: r, R3_7: r })), false);
});

test('a leaf row the text lacks counts 0; without （七）总计 its relations are not tested', () => {
  const holds = tableHolds(eqs, 'T3', t3cols);
  const r = [3, 0, 0, 0, 0, 16, 19];
  const noLeaf = table({ R1: r, R3_1: r, R3_7: r });
  noLeaf.delete('R3_2');
  assert.equal(holds(noLeaf), true);
  const noTotal = table({ R1: r, R3_1: [9, 9, 9, 9, 9, 9, 54] });
  noTotal.delete('R3_7');
  assert.equal(holds(noTotal), true);
});

test('a relation with an unknown cell is not tested', () => {
  const holds = tableHolds(eqs, 'T3', t3cols);
  assert.equal(holds(table({ R1: [3, 0, 0, 0, 0, 16, 19], R3_1: [3, 0, 0, 0, 0, 16, 19], R3_7: [NaN, 0, 0, 0, 0, 16, 19] })), true);
});
