// Rule properties on random valid reports: breaking one cell produces one finding naming
// exactly the equations that contain it; fix-all then re-check leaves no safe fix and no new finding.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import '../../support/fc-config.ts';
import { check } from '../../../server/src/engine/index.ts';
import { fixAll } from '../../../server/src/engine/index.ts';
import { validTables } from '../../support/arbitraries.ts';
import { renderInLayout } from '../../support/layouts.ts';
import { T3_ROWS } from '../../support/reports.ts';

const RUNS = Number(process.env.NIANBAO_FUZZ_RUNS ?? 40);
const ARITH = ['row-total', 'result-total', 'column-balance', 'review-total', 'litigation-total'];
const ROW_IDS = T3_ROWS.map(([id]) => id);
const BALANCE_ROWS = new Set(['R1', 'R2', 'R3_7', 'R4']);

test('breaking one table-3 cell yields one finding on it, naming exactly the equations that contain it', () => {
  fc.assert(
    fc.property(validTables(), fc.constantFrom(...ROW_IDS), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 9 }), ({ t3, t4 }, row, col, delta) => {
      const broken = { ...t3, [row]: t3[row]!.map((v, i) => (i === col ? (v as number) + delta : v)) };
      const found = check(renderInLayout('tsv', broken, t4)).findings.filter((f) => ARITH.includes(f.code));
      assert.equal(found.length, 1);
      const codes = (found[0]!.localisation?.relations ?? []).map((r) => r.code).sort();
      const expected = ['row-total'];
      if (row !== 'R1' && row !== 'R2' && row !== 'R4') expected.push('result-total'); // leaves and （七）
      if (BALANCE_ROWS.has(row)) expected.push('column-balance');
      assert.deepEqual(codes, expected.sort());
    }),
    { numRuns: RUNS },
  );
});

test('breaking one table-4 cell yields exactly its block’s total finding', () => {
  fc.assert(
    fc.property(validTables(), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 1, max: 9 }), ({ t3, t4 }, i, delta) => {
      const broken = t4.map((v, k) => (k === i ? (v as number) + delta : v));
      const codes = check(renderInLayout('tsv', t3, broken)).findings.filter((f) => ARITH.includes(f.code)).map((f) => f.code);
      assert.deepEqual(codes, [i < 5 ? 'review-total' : 'litigation-total']);
    }),
    { numRuns: RUNS },
  );
});

test('after fix-all a re-check shows no safe fix left and no finding that was not there', () => {
  fc.assert(
    fc.property(validTables(), fc.array(fc.tuple(fc.constantFrom(...ROW_IDS), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 5 })), { maxLength: 3 }), ({ t3, t4 }, breaks) => {
      const broken = { ...t3 };
      for (const [row, col, d] of breaks) broken[row] = broken[row]!.map((v, i) => (i === col ? (v as number) + d : v));
      const text = renderInLayout('tsv', broken, t4);
      const before = new Set(check(text).findings.map((f) => f.code));
      const r = fixAll(text);
      assert.ok(r.remaining.every((f) => f.fixes.every((x) => !x.safe)), 'a safe fix is left');
      for (const f of r.remaining) assert.ok(before.has(f.code), `new finding ${f.code}: ${f.message.en}`);
    }),
    { numRuns: RUNS },
  );
});
