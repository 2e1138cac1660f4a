// The HTML table model (sources/grid.ts): rowspan/colspan expanded into a rectangular grid.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expandSpans, type SpanCell } from '../../../server/src/engine/sources/grid.ts';

const c = (value: string, rowspan = 1, colspan = 1): SpanCell<string> => ({ value, rowspan, colspan });
const show = (g: ReturnType<typeof expandSpans<string>>) => g!.map((r) => r.map((s) => (s ? (s.origin ? s.value : `${s.value}'`) : '_')).join(' '));

test('a merged cell covers its area; the next cell of a row takes the first free slot', () => {
  const g = expandSpans([[c('note', 3, 3), c('head', 1, 7)], [c('A', 2), c('B', 1, 5), c('T', 2)], [c('b1'), c('b2'), c('b3'), c('b4'), c('b5')]]);
  assert.deepEqual(show(g), [
    "note note' note' head head' head' head' head' head' head'",
    "note' note' note' A B B' B' B' B' T",
    "note' note' note' A' b1 b2 b3 b4 b5 T'",
  ]);
});

test('a rowspan never reaches past the last row, and short rows are padded with empty slots', () => {
  const g = expandSpans([[c('a', 5), c('b')], [c('x')]]);
  assert.deepEqual(show(g), ['a b', "a' x"]);
  assert.deepEqual(show(expandSpans([[c('a'), c('b'), c('c')], [c('x')]])), ['a b c', 'x _ _']);
});

test('the slot offsets say where in its cell a slot is', () => {
  const g = expandSpans([[c('m', 2, 2)], []])!;
  assert.deepEqual(g[1]![1], { value: 'm', origin: false, dr: 1, dc: 1 });
});

test('a hostile span is clamped, and a grid larger than the limit is refused', () => {
  assert.equal(expandSpans([[c('a', 1, 100000)]], 5000)![0]!.length, 1000);
  assert.equal(expandSpans([[c('a', 1, 10)], [c('b')]], 15), null);
});
