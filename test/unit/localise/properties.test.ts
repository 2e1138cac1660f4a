// Error localisation (Fellegi–Holt) as properties: from valid tables, change k ∈ {1,2,3}
// cells and check what the localiser says against the truth it cannot see.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import '../../support/fc-config.ts';
import { check, parse, type Finding } from '../../../server/src/engine/index.ts';
import { applyEdits } from '../../../server/src/engine/fix.ts';
import { localiseModel, type Component } from '../../../server/src/engine/localise/model.ts';
import type { Candidate } from '../../../server/src/engine/localise/search.ts';
import { validTables } from '../../support/arbitraries.ts';
import { renderInLayout } from '../../support/layouts.ts';
import { T3_ROWS, type Cells } from '../../support/reports.ts';
const loc = (f: Finding) => (f.location?.kind === 'cells' ? { table: f.location.table, row: f.location.row, col: f.location.cols[0] } : undefined);

const RUNS = Number(process.env.NIANBAO_FUZZ_RUNS ?? 40);
const ARITH = ['row-total', 'result-total', 'column-balance', 'review-total', 'litigation-total'];
const ROW_IDS = T3_ROWS.map(([id]) => id);
const T4_COLS = ['RV', 'LD', 'LR'].flatMap((g) => [1, 2, 3, 4, 5].map((i) => `${g}${i}`));

interface Change {
  table: 'T3' | 'T4';
  row: string;
  col: string;
  delta: number;
}

const t3Change = fc.record({ table: fc.constant('T3' as const), row: fc.constantFrom(...ROW_IDS), col: fc.integer({ min: 1, max: 7 }).map((c) => `C${c}`), delta: fc.integer({ min: -5, max: 9 }).filter((d) => d !== 0) });
const t4Change = fc.record({ table: fc.constant('T4' as const), row: fc.constant('T4'), col: fc.constantFrom(...T4_COLS), delta: fc.integer({ min: -5, max: 9 }).filter((d) => d !== 0) });
const changes = (max: number) => fc.uniqueArray(fc.oneof({ weight: 4, arbitrary: t3Change }, { weight: 1, arbitrary: t4Change }), { minLength: 1, maxLength: max, selector: (c) => `${c.table}.${c.row}.${c.col}` });

/** Apply the changes that keep values ≥ 0; returns the tables and the changes actually made. */
function apply(t3: Record<string, Cells>, t4: Cells, cs: Change[]) {
  const b3: Record<string, Cells> = Object.fromEntries(Object.entries(t3).map(([k, v]) => [k, [...v]]));
  const b4 = [...t4];
  const made: Change[] = [];
  for (const c of cs) {
    const i = c.table === 'T3' ? Number(c.col.slice(1)) - 1 : T4_COLS.indexOf(c.col);
    const arr = c.table === 'T3' ? b3[c.row]! : b4;
    const v = Number(arr[i] === '' ? 0 : arr[i]);
    if (v + c.delta < 0) continue;
    arr[i] = v + c.delta;
    made.push(c);
  }
  return { b3, b4, made };
}

const key = (r: { table: string; row: string; col: string }) => `${r.table}.${r.row}.${r.col}`;
const setKey = (c: Component, cand: Candidate) => cand.changes.map((ch) => key(c.refs[ch.v]!)).sort().join(' ');

test('one changed table-3 cell: one finding, on that cell, naming every relation it is in; its fix restores the table', () => {
  fc.assert(
    fc.property(validTables(), t3Change, ({ t3, t4 }, ch) => {
      const { b3, made } = apply(t3, t4, [ch]);
      fc.pre(made.length === 1);
      const original = renderInLayout('tsv', t3, t4);
      const text = renderInLayout('tsv', b3, t4);
      const found = check(text).findings.filter((f) => ARITH.includes(f.code));
      assert.equal(found.length, 1, found.map((f) => f.message.en).join('\n'));
      const f = found[0]!;
      assert.deepEqual([f.localisation?.outcome, loc(f)?.row, loc(f)?.col], ['unique', ch.row, ch.col]);
      const expected = ['EQ-T3-ROW'];
      if (!['R1', 'R2', 'R4'].includes(ch.row)) expected.push('EQ-T3-RES');
      if (['R1', 'R2', 'R3_7', 'R4'].includes(ch.row)) expected.push('EQ-T3-BAL');
      assert.deepEqual((f.localisation?.relations ?? []).map((r) => r.equation), expected);
      const fix = f.fixes.find((x) => x.isPreferred && x.safe)!;
      assert.equal(applyEdits(text, fix.edits), original);
    }),
    { numRuns: RUNS },
  );
});

test('k ≤ 3 changed cells: a unique minimum is the changed set (and its fix restores the table) or a set the evidence prefers; a tie of the same size lists the changed set', () => {
  fc.assert(
    fc.property(validTables(), changes(3), ({ t3, t4 }, cs) => {
      const { b3, b4, made } = apply(t3, t4, cs);
      fc.pre(made.length > 0);
      const original = renderInLayout('tsv', t3, t4);
      const text = renderInLayout('tsv', b3, b4);
      const model = parse(text);
      for (const c of localiseModel(model)) {
        const truth = made.filter((m) => c.refs.some((r) => key(r) === key(m)));
        if (truth.length === 0) continue;
        const truthKey = truth.map(key).sort().join(' ');
        const idx = (m: Change) => c.refs.findIndex((r) => key(r) === key(m));
        const truthWeight = truth.reduce((a, m) => a + c.system.weight!(idx(m), c.system.values[idx(m)]! - m.delta), 0);
        const res = c.result;
        if (res.kind === 'unique') {
          if (setKey(c, res.best) === truthKey) {
            // Only this component's cells are restored: compare the component's cells.
            for (const ch of res.best.changes) assert.equal(ch.to, ch.from - truth.find((m) => key(m) === key(c.refs[ch.v]!))!.delta);
          } else assert.ok(res.size < truth.length || (res.size === truth.length && res.best.weight < truthWeight - 1e-9), `${setKey(c, res.best)} chosen over the truth ${truthKey}`);
        } else if (res.kind === 'tie') {
          assert.ok(res.size <= truth.length);
          const min = res.candidates[0]!.weight;
          if (res.size === truth.length && Math.abs(truthWeight - min) < 1e-9 && res.all.length < 12)
            assert.ok(res.candidates.some((cand) => setKey(c, cand) === truthKey), `the truth ${truthKey} is missing from the tie`);
        }
      }
      void original;
    }),
    { numRuns: RUNS },
  );
});

test('the preferred fix never leaves a relation of its table broken, and adds no finding', () => {
  fc.assert(
    fc.property(validTables(), changes(3), ({ t3, t4 }, cs) => {
      const { b3, b4 } = apply(t3, t4, cs);
      const text = renderInLayout('tsv', b3, b4);
      const before = check(text).findings;
      for (const f of before) {
        const fix = f.fixes.find((x) => x.isPreferred && f.localisation?.outcome === 'unique');
        if (!fix) continue;
        assert.ok(fix.safe);
        const after = check(applyEdits(text, fix.edits)).findings;
        assert.ok(!after.some((g) => ARITH.includes(g.code) && loc(g)?.table === loc(f)?.table), `${loc(f)?.table} still has a broken relation`);
        const where = (g: (typeof before)[number]) => `${g.code}@${loc(g)?.table}.${loc(g)?.row}.${loc(g)?.col}`;
        const had = new Set(before.map(where));
        for (const g of after) assert.ok(!ARITH.includes(g.code) || had.has(where(g)), `new finding ${where(g)}`);
      }
    }),
    { numRuns: RUNS },
  );
});

test('a cell the narrative confirms is never changed when a set of the same size without it fits', () => {
  fc.assert(
    fc.property(validTables(), changes(3), ({ t3, t4 }, cs) => {
      const { b3, b4 } = apply(t3, t4, cs);
      const total = b3.R1![6];
      const text = renderInLayout('tsv', b3, b4).replace('本年度工作稳步推进。', `本年度共收到政府信息公开申请${total}件。`);
      for (const c of localiseModel(parse(text))) {
        const res = c.result;
        if (res.kind !== 'unique' && res.kind !== 'tie') continue;
        const confirmed = c.refs.findIndex((r) => key(r) === 'T3.R1.C7');
        if (confirmed < 0) continue;
        const chosen = res.kind === 'unique' ? [res.best] : res.candidates;
        const without = res.all.some((cand) => !cand.changes.some((ch) => ch.v === confirmed));
        if (without) for (const cand of chosen) assert.ok(!cand.changes.some((ch) => ch.v === confirmed), 'a confirmed cell was chosen');
      }
    }),
    { numRuns: RUNS },
  );
});
