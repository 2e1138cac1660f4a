// fast-check generators: random valid table-3 / table-4 values (every equation holds),
// with optional blanks, for round-trip and rule properties.

import fc from 'fast-check';
import { T3_ROWS, type Cells } from './reports.ts';

const LEAVES = T3_ROWS.map(([id]) => id).filter((id) => id.startsWith('R3_') && id !== 'R3_7');

export interface Tables {
  t3: Record<string, Cells>;
  t4: Cells;
}

/** A valid table 3 (rows sum, leaves sum to （七）, 一 + 二 = 三 + 四) and table 4. */
export function validTables(opts: { blanks?: boolean; maxValue?: number } = {}): fc.Arbitrary<Tables> {
  const max = opts.maxValue ?? 30;
  const leafRow = fc.array(fc.nat({ max }), { minLength: 6, maxLength: 6 });
  return fc
    .record({
      leaves: fc.array(fc.oneof({ weight: 3, arbitrary: fc.constant([0, 0, 0, 0, 0, 0] as number[]) }, { weight: 1, arbitrary: leafRow }), { minLength: LEAVES.length, maxLength: LEAVES.length }),
      r2: fc.array(fc.nat({ max: 3 }), { minLength: 6, maxLength: 6 }),
      r4: fc.array(fc.nat({ max: 3 }), { minLength: 6, maxLength: 6 }),
      t4: fc.array(fc.array(fc.nat({ max }), { minLength: 4, maxLength: 4 }), { minLength: 3, maxLength: 3 }),
      blankMask: opts.blanks ? fc.array(fc.boolean(), { minLength: 7 * 25, maxLength: 7 * 25 }) : fc.constant([] as boolean[]),
    })
    .map(({ leaves, r2, r4, t4, blankMask }) => {
      const t3: Record<string, Cells> = {};
      const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
      const withTotal = (xs: number[]): Cells => [...xs, sum(xs)];
      LEAVES.forEach((id, i) => (t3[id] = withTotal(leaves[i]!)));
      const r37 = [0, 1, 2, 3, 4, 5].map((c) => sum(LEAVES.map((_, i) => leaves[i]![c]!)));
      // 一 = 三 + 四 − 二, kept ≥ 0 by raising 四 where needed.
      const r4f = r4.map((v, c) => Math.max(v, r2[c]! - r37[c]!));
      const r1 = r37.map((v, c) => v + r4f[c]! - r2[c]!);
      t3.R1 = withTotal(r1);
      t3.R2 = withTotal(r2);
      t3.R3_7 = withTotal(r37);
      t3.R4 = withTotal(r4f);
      // Blanks only where the value is 0 and not a total (a blank total with filled parts is a finding).
      if (blankMask.length) {
        let k = 0;
        for (const [id] of T3_ROWS) {
          const row = t3[id]!;
          for (let c = 0; c < 6; c++) if (blankMask[k++] && row[c] === 0) row[c] = '';
          if (row.slice(0, 6).every((v) => v === '') && blankMask[k++]) row[6] = '';
          else k++;
        }
      }
      const t4c: Cells = t4.flatMap((g) => [...g, sum(g)]);
      return { t3, t4: t4c };
    });
}
