// Round trip: random valid tables rendered in every layout parse back to the same values,
// every number's span points at its text, and a valid report has no arithmetic finding.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import '../../support/fc-config.ts';
import { check, parse } from '../../../server/src/engine/index.ts';
import { validTables } from '../../support/arbitraries.ts';
import { LAYOUTS, NO_BLANKS, renderInLayout } from '../../support/layouts.ts';

const RUNS = Number(process.env.NIANBAO_FUZZ_RUNS ?? 40);
const ARITHMETIC = new Set(['row-total', 'result-total', 'column-balance', 'review-total', 'litigation-total', 'total-blank']);

for (const layout of LAYOUTS.filter((l) => l !== 'flattened' && l !== 'blank-separated')) {
  test(`round trip (${layout}): values, blanks and spans survive rendering and reading`, () => {
    fc.assert(
      fc.property(validTables({ blanks: !NO_BLANKS.includes(layout) }), ({ t3, t4 }) => {
        const text = renderInLayout(layout, t3, t4);
        const m = parse(text);
        for (const [id, vals] of Object.entries(t3)) {
          const row = m.tables.T3!.rows.find((r) => r.id === id);
          assert.ok(row, id);
          const got = row.cells.map((c) => (c.state === 'number' ? c.value : c.state === 'blank' ? '' : c.state));
          assert.deepEqual(got, vals, `${id}`);
          for (const c of row.cells) if (c.state === 'number') assert.equal(text.slice(c.span!.start, c.span!.end), String(c.value));
        }
        const got4 = m.tables.T4!.rows[0]!.cells.map((c) => (c.state === 'number' ? c.value : c.state));
        assert.deepEqual(got4, t4);
      }),
      { numRuns: RUNS },
    );
  });
}

test('round trip (word-text, empty cells inside rows): an empty line among a row’s cells is a blank cell', () => {
  // A row of empty cells only is left out: its empty lines cannot be told from the merged
  // label cells (vMerge) that start the next row.
  fc.assert(
    fc.property(validTables({ blanks: true }), ({ t3, t4 }) => {
      for (const row of Object.values(t3)) if (row[6] === '') row[6] = 0;
      const m = parse(renderInLayout('word-text', t3, t4));
      for (const [id, vals] of Object.entries(t3)) {
        const got = m.tables.T3!.rows.find((r) => r.id === id)!.cells.map((c) => (c.state === 'number' ? c.value : c.state === 'blank' ? '' : c.state));
        assert.deepEqual(got, vals, id);
      }
    }),
    { numRuns: RUNS },
  );
});

test('round trip (blank-separated, no blanks): values survive', () => {
  fc.assert(
    fc.property(validTables(), ({ t3, t4 }) => {
      const m = parse(renderInLayout('blank-separated', t3, t4));
      for (const [id, vals] of Object.entries(t3)) assert.deepEqual(m.tables.T3!.rows.find((r) => r.id === id)!.cells.map((c) => c.value), vals, id);
    }),
    { numRuns: RUNS },
  );
});

test('a valid report in any layout has no arithmetic finding (flattened rows may be unreadable, never wrong)', () => {
  fc.assert(
    fc.property(validTables({ blanks: false }), fc.constantFrom(...LAYOUTS), ({ t3, t4 }, layout) => {
      const findings = check(renderInLayout(layout, t3, t4)).findings;
      assert.deepEqual(findings.filter((f) => ARITHMETIC.has(f.code)).map((f) => f.message.en), []);
    }),
    { numRuns: RUNS * 2 },
  );
});
