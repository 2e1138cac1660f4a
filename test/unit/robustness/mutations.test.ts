// The engine never throws, never hangs, and never returns a range outside the document or
// inside a surrogate pair — whatever is done to a realistic report. Fixes are safe.
// Bounded here (npm test); `npm run fuzz` runs the same properties long.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import '../../support/fc-config.ts';
import { check, parse, type Finding } from '../../../server/src/engine/index.ts';
import { applyEdits, fixAll } from '../../../server/src/engine/index.ts';
import { BROKEN_REPORT, CLEAN_REPORT, renderReport } from '../../support/reports.ts';
import { LAYOUTS, renderInLayout } from '../../support/layouts.ts';
import { DEFAULT_T4, defaultT3 } from '../../support/reports.ts';
const loc = (f: Finding) => (f.location?.kind === 'cells' ? { table: f.location.table, row: f.location.row, col: f.location.cols[0] } : undefined);
const ARITH = ['row-total', 'result-total', 'column-balance', 'review-total', 'litigation-total'];

const RUNS = Number(process.env.NIANBAO_FUZZ_RUNS ?? 150);
const SAMPLES = resolve(import.meta.dirname, '../../../../shared/samples');
const corpus = [CLEAN_REPORT, BROKEN_REPORT, ...LAYOUTS.map((l) => renderInLayout(l, defaultT3(), DEFAULT_T4))];
if (existsSync(SAMPLES)) for (const f of readdirSync(SAMPLES).filter((n) => n.endsWith('.txt'))) corpus.push(readFileSync(join(SAMPLES, f), 'utf8'));

const pieces = ['\t', '\n', '\r\n', '\r', '|', ' ', '０', '１２', '一、', '（七）总计', '四、结转下年度继续办理', '⼀', '⻔', '😀', '\u0000', '\ufeff', '\u200b', '[bookmark: x]', '123456789012345', '-', '—', '合计', '六、其他需要报告的事项'];

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('dup-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines' as const), at: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 6 })) }),
  fc.record({ kind: fc.constant('number' as const), at: fc.nat(), value: fc.nat({ max: 99999 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(text: string, ms: Mutation[]): string {
  for (const m of ms) {
    const lines = text.split('\n');
    switch (m.kind) {
      case 'delete-line':
        lines.splice(m.at % Math.max(1, lines.length), 1);
        text = lines.join('\n');
        break;
      case 'dup-line': {
        const i = m.at % Math.max(1, lines.length);
        lines.splice(i, 0, lines[i] ?? '');
        text = lines.join('\n');
        break;
      }
      case 'swap-lines': {
        const i = m.at % Math.max(1, lines.length);
        const j = m.to % Math.max(1, lines.length);
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
        text = lines.join('\n');
        break;
      }
      case 'insert': {
        const at = m.at % (text.length + 1);
        text = text.slice(0, at) + m.text + text.slice(at);
        break;
      }
      case 'number': {
        const re = /\d+/g;
        const all = [...text.matchAll(re)];
        if (all.length) {
          const hit = all[m.at % all.length]!;
          text = text.slice(0, hit.index) + String(m.value) + text.slice(hit.index! + hit[0].length);
        }
        break;
      }
      case 'truncate':
        text = text.slice(0, m.at % (text.length + 1));
        break;
    }
  }
  return text;
}

function assertWellFormed(text: string, findings: Finding[]): void {
  const isLow = (i: number) => {
    const c = text.charCodeAt(i);
    return c >= 0xdc00 && c <= 0xdfff;
  };
  for (const f of findings) {
    assert.ok(f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= text.length, `${f.code} span out of the document`);
    assert.ok(!isLow(f.span.start) && (f.span.end === text.length || !isLow(f.span.end)), `${f.code} splits a surrogate pair`);
    for (const fix of f.fixes) for (const e of fix.edits) assert.ok(e.span.start >= 0 && e.span.end <= text.length && !isLow(e.span.start), `${f.code} fix out of range`);
  }
  for (let i = 1; i < findings.length; i++) {
    const a = findings[i - 1]!;
    const b = findings[i]!;
    assert.ok(a.span.start <= b.span.start, 'findings sorted by position');
    assert.ok(!(a.code === b.code && a.span.start === b.span.start && a.span.end === b.span.end && a.message.en === b.message.en), 'no duplicate findings');
  }
}

test('never throws and returns well-formed findings on mutated reports', () => {
  fc.assert(
    fc.property(fc.constantFrom(...corpus), fc.array(mutation, { minLength: 1, maxLength: 8 }), (base, ms) => {
      const text = mutate(base, ms);
      const { findings } = check(text);
      assertWellFormed(text, findings);
    }),
    { numRuns: RUNS },
  );
});

test('fix-all twice equals fix-all once, and its edits reproduce its text', () => {
  fc.assert(
    fc.property(fc.constantFrom(...corpus), fc.array(mutation, { maxLength: 4 }), (base, ms) => {
      const text = mutate(base, ms);
      const once = fixAll(text);
      assert.equal(applyEdits(text, once.edits), once.text);
      const twice = fixAll(once.text);
      assert.equal(twice.text, once.text);
    }),
    { numRuns: Math.ceil(RUNS / 3) },
  );
});

test('applying one safe fix removes its finding and adds no new error', () => {
  fc.assert(
    fc.property(fc.constantFrom(...corpus), fc.array(mutation, { maxLength: 4 }), fc.nat(), (base, ms, pick) => {
      const text = mutate(base, ms);
      const findings = check(text).findings;
      const fixable = findings.filter((f) => f.fixes.some((x) => x.safe));
      if (fixable.length === 0) return;
      const f = fixable[pick % fixable.length]!;
      const after = check(applyEdits(text, f.fixes.find((x) => x.safe)!.edits)).findings;
      assert.ok(!after.some((g) => g.code === f.code && g.message.en === f.message.en && g.span.start === f.span.start), `${f.code} still there`);
      const errorsBefore = new Set(findings.filter((g) => g.severity === 'error').map((g) => g.code));
      for (const g of after) if (g.severity === 'error') assert.ok(errorsBefore.has(g.code) || g.code === f.code, `new error ${g.code}: ${g.message.en}`);
    }),
    { numRuns: Math.ceil(RUNS / 3) },
  );
});

test('a safe fix that edits a table-3 leaf is a unique minimal change that leaves every relation of its table true', () => {
  fc.assert(
    fc.property(fc.constantFrom(...corpus), fc.array(mutation, { maxLength: 4 }), (base, ms) => {
      const text = mutate(base, ms);
      const m = parse(text);
      const leafSpans = (m.tables.T3?.rows ?? [])
        .filter((r) => r.id !== 'R3_7')
        .flatMap((r) => r.cells.filter((c) => c.col !== 'C7' && c.span && c.span.end > c.span.start).map((c) => c.span!));
      for (const f of check(text).findings)
        for (const fix of f.fixes.filter((x) => x.safe)) {
          if (!fix.edits.some((e) => leafSpans.some((s) => e.span.end > s.start && e.span.start < s.end))) continue;
          assert.equal(f.localisation?.outcome, 'unique', `${f.code} edits a leaf cell`);
          const after = check(applyEdits(text, fix.edits)).findings;
          assert.ok(!after.some((g) => ARITH.includes(g.code) && loc(g)?.table === 'T3'), 'a table-3 relation is still broken');
        }
    }),
    { numRuns: Math.ceil(RUNS / 3) },
  );
});

test('long adversarial lines are handled in linear time (finishes; no timing assertion)', () => {
  const inputs = [
    '一、'.repeat(50000),
    '\t'.repeat(200000),
    '1 '.repeat(100000),
    '（七）总计' + '0'.repeat(100000),
    '|'.repeat(200000),
    renderReport().replace(/\n/g, ' '),
    '[bookmark:'.repeat(20000),
    '本列数据的勾稽关系' + '\t0'.repeat(50000),
    '<table>' + '<td '.repeat(50000),
    '<table><tr>' + '<td colspan="1000" rowspan="1000">'.repeat(2000) + '</table>',
    '<table>'.repeat(20000) + '</table>',
  ];
  for (const text of inputs) assertWellFormed(text, check(text).findings);
});

test('odd documents: empty, whitespace, NUL, binary junk, CR-only and mixed newlines, BOM', () => {
  const junk = Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join('');
  for (const text of ['', '   \n\t\n', '\u0000\u0000', junk, CLEAN_REPORT.replace(/\n/g, '\r'), CLEAN_REPORT.replace(/\n/g, (_, i: number) => (i % 2 ? '\r\n' : '\n')), '\ufeff' + CLEAN_REPORT]) {
    const { findings } = check(text);
    assertWellFormed(text, findings);
  }
  assert.deepEqual(check(CLEAN_REPORT.replace(/\n/g, '\r\n')).findings, []);
  assert.deepEqual(check('\ufeff' + CLEAN_REPORT).findings, []);
});
