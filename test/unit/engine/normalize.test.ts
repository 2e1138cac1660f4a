// Normalisation maps export artefacts to plain characters and every normalised position
// back to the exact original characters (spec §7.1).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import '../../support/fc-config.ts';
import { normalize, spanToOriginal, toOriginal } from '../../../server/src/engine/text/normalize.ts';
import { LineIndex } from '../../../server/src/engine/text/lineIndex.ts';

test('Kangxi radicals become the ordinary ideographs (⼀ → 一, ⾏ → 行)', () => {
  assert.equal(normalize('⼀、总体情况 ⾏政').text, '一、总体情况 行政');
});

test('CJK radicals supplement, which NFKC leaves alone, is mapped explicitly (⻔ → 门, ⺠ → 民)', () => {
  assert.equal(normalize('上级主管部⻔ 政⺠沟通').text, '上级主管部门 政民沟通');
});

test('a Kangxi radical whose NFKC form is traditional is simplified (⼾ → 户), but a written 戶 stays', () => {
  assert.equal(normalize('⻔⼾').text, '门户');
  assert.equal(normalize('戶').text, '戶');
});

test('full-width digits and brackets, NBSP and the ideographic space are normalised', () => {
  assert.equal(normalize('（一）１２３\u00a0\u3000').text, '(一)123  ');
});

test('BOM, zero-width characters and Word bookmark markers are dropped', () => {
  assert.equal(normalize('\ufeff一\u200b二[bookmark: _GoBack]三').text, '一二三');
});

test('positions map back to the original characters, also after dropped and replaced ones', () => {
  const original = '\ufeff[bookmark: x]⼀、总体情况';
  const nt = normalize(original);
  const i = nt.text.indexOf('总体');
  assert.deepEqual(spanToOriginal(nt, i, i + 2), { start: original.indexOf('总体'), end: original.indexOf('总体') + 2 });
  assert.equal(original.slice(toOriginal(nt, 0), toOriginal(nt, 1)), '⼀');
});

test('a surrogate pair is never split by a mapped span', () => {
  const original = 'a😀b';
  const nt = normalize(original);
  const s = spanToOriginal(nt, 1, 2);
  assert.equal(original.slice(s.start, s.end), '😀');
});

test('property: the map is monotonic and every span lands on a code-point boundary', () => {
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom('一', '⼀', '⻔', '１', '（', '\t', '\n', 'a', '😀', '\ufeff', '\u200b', '[bookmark: x]', ' ') }), (s) => {
      const nt = normalize(s);
      assert.equal(nt.map.length, nt.text.length + 1);
      for (let i = 1; i < nt.map.length; i++) assert.ok(nt.map[i]! >= nt.map[i - 1]!);
      for (let i = 0; i < nt.text.length; i++) {
        const own = nt.text.charCodeAt(i);
        if (own >= 0xdc00 && own <= 0xdfff) continue; // only spans that start on a boundary
        const sp = spanToOriginal(nt, i, i + 1);
        const c = s.charCodeAt(sp.start);
        assert.ok(!(c >= 0xdc00 && c <= 0xdfff), 'starts inside a surrogate pair');
      }
    }),
    { numRuns: 200 },
  );
});

test('LineIndex converts offsets and positions for \\n, \\r\\n and lone \\r', () => {
  const li = new LineIndex('a\r\nb\rc\nd');
  assert.deepEqual(li.positionAt(3), { line: 1, character: 0 });
  assert.deepEqual(li.positionAt(5), { line: 2, character: 0 });
  assert.equal(li.offsetAt({ line: 3, character: 0 }), 7);
  assert.equal(li.lineText(0), 'a');
});
