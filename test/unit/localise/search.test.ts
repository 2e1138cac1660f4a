// The exact search on small integer systems: determined sets only, ties, the bound.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { localise, type LinearSystem } from '../../../server/src/engine/localise/search.ts';

/** total = a + b + c + d, as Σ coef·x = 0 over [a, b, c, d, total]. */
const group = (base: number) => [...[0, 1, 2, 3].map((i) => ({ v: base + i, coef: 1 })), { v: base + 4, coef: -1 }];
const sys = (values: number[], equations: LinearSystem['equations'], extra: Partial<LinearSystem> = {}): LinearSystem => ({ values, changeable: values.map(() => true), equations, ...extra });

test('a consistent system needs no change', () => {
  assert.equal(localise(sys([1, 2, 0, 0, 3], [group(0)])).kind, 'consistent');
});

test('one total against four parts is a tie of five single cells', () => {
  const r = localise(sys([3, 0, 0, 0, 4], [group(0)]));
  assert.equal(r.kind, 'tie');
  if (r.kind !== 'tie') return;
  assert.deepEqual(r.candidates.map((c) => c.changes.map((ch) => [ch.v, ch.to])).sort(), [[[0, 4]], [[1, 1]], [[2, 1]], [[3, 1]], [[4, 3]]].sort());
});

test('evidence on a cell breaks the tie: the cell set to the value the evidence states wins', () => {
  const r = localise(sys([3, 0, 0, 0, 4], [group(0)], { weight: (v, to) => (v === 4 && to === 3 ? 0.5 : 1) }));
  assert.equal(r.kind, 'unique');
  if (r.kind === 'unique') assert.deepEqual(r.best.changes, [{ v: 4, from: 4, to: 3 }]);
});

test('a cell that cannot be changed is never proposed', () => {
  const r = localise(sys([3, 0, 0, 0, 4], [group(0)], { changeable: [false, false, false, false, true] }));
  assert.equal(r.kind, 'unique');
  if (r.kind === 'unique') assert.deepEqual(r.best.changes, [{ v: 4, from: 4, to: 3 }]);
});

test('a change that would need a negative count is not a fix', () => {
  // Only a part may change: raising it to 2 is the fix.
  const r = localise(sys([0, 0, 0, 0, 2], [group(0)], { changeable: [true, false, false, false, false] }));
  assert.equal(r.kind, 'unique');
  if (r.kind === 'unique') assert.deepEqual(r.best.changes, [{ v: 0, from: 0, to: 2 }]);
  // x + 2 = 0 has only x = −2: no fix.
  const none = localise(sys([0, 0, 0, 0, 2], [[{ v: 0, coef: 1 }, { v: 4, coef: 1 }]], { changeable: [true, false, false, false, false] }));
  assert.equal(none.kind, 'too-many');
});

test('a set whose new values are not determined is not a fix', () => {
  // x + y = 5 with both free and nothing else: {x, y} has many solutions; {x} or {y} is the fix.
  const r = localise(sys([1, 1, 5], [[{ v: 0, coef: 1 }, { v: 1, coef: 1 }, { v: 2, coef: -1 }]], { changeable: [true, true, false] }));
  assert.equal(r.kind, 'tie');
  if (r.kind === 'tie') assert.ok(r.candidates.every((c) => c.changes.length === 1));
});

test('more broken relations than the bound allows: too many, fast', () => {
  // Six independent groups, each broken: at least six cells, above the bound of four.
  const values: number[] = [];
  const eqs: LinearSystem['equations'] = [];
  for (let g = 0; g < 6; g++) {
    values.push(1, 0, 0, 0, 0);
    eqs.push(group(g * 5));
  }
  const r = localise(sys(values, eqs));
  assert.deepEqual(r, { kind: 'too-many', reason: 'size' });
});

test('the node budget ends the search with too many, never a guess', () => {
  const values: number[] = [];
  const eqs: LinearSystem['equations'] = [];
  for (let g = 0; g < 4; g++) {
    values.push(1, 0, 0, 0, 0);
    eqs.push(group(g * 5));
  }
  assert.deepEqual(localise(sys(values, eqs), { maxSize: 4, budget: 10, maxCandidates: 12 }), { kind: 'too-many', reason: 'budget' });
});

test('non-integer values are not localised', () => {
  assert.deepEqual(localise(sys([1.5, 0, 0, 0, 1], [group(0)])), { kind: 'too-many', reason: 'not-integer' });
});
