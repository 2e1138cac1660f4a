// Error localisation on the real reports whose truth.json lists failing relations, in the text
// forms that read every cell right (word.txt, clipboard.txt): each wrong cell is one finding,
// and a preferred fix makes every relation of its table hold and adds no finding.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { check, type Finding } from '../../server/src/engine/index';
import { applyEdits, fixAll } from '../../server/src/engine/fix';
import { corpusDir, corpusReports } from '../support/corpus';
const loc = (f: Finding) => (f.location?.kind === 'cells' ? { table: f.location.table, row: f.location.row, col: f.location.cols[0] } : undefined);

const dir = corpusDir();
const ARITH = ['row-total', 'result-total', 'column-balance', 'review-total', 'litigation-total'];
const failing = dir ? corpusReports(dir).filter((id) => JSON.parse(fs.readFileSync(path.join(dir, id, 'truth.json'), 'utf8')).relations.failures.length > 0) : [];

test('reports with real failures: one finding per cell, and every preferred fix leaves its table consistent', { skip: dir ? false : 'no ../shared/corpus' }, () => {
  assert.ok(failing.length >= 4, 'the corpus has reports with failing relations');
  for (const id of failing)
    for (const form of ['word.txt', 'clipboard.txt']) {
      const text = fs.readFileSync(path.join(dir!, id, form), 'utf8');
      const findings = check(text).findings;
      const arith = findings.filter((f) => ARITH.includes(f.code));
      assert.ok(arith.length > 0, `${id}/${form}: the failure is reported`);
      const spans = arith.map((f) => `${f.span.start}:${f.span.end}`);
      assert.equal(new Set(spans).size, spans.length, `${id}/${form}: two findings on one cell`);
      const where = (f: (typeof findings)[number]) => `${f.code}@${loc(f)?.table}.${loc(f)?.row}.${loc(f)?.col}`;
      for (const f of arith) {
        const fix = f.fixes.find((x) => x.isPreferred);
        if (!fix) continue;
        const after = check(applyEdits(text, fix.edits)).findings;
        assert.ok(!after.some((g) => ARITH.includes(g.code) && loc(g)?.table === loc(f)?.table), `${id}/${form}: ${loc(f)?.table} still inconsistent after the preferred fix`);
        const before = new Set(findings.map(where));
        for (const g of after) assert.ok(before.has(where(g)), `${id}/${form}: new finding ${where(g)}`);
      }
      // Fix-all applies exactly the preferred fixes: what is left has no safe fix.
      assert.ok(fixAll(text).remaining.every((g) => g.fixes.every((x) => !x.safe)), `${id}/${form}: a safe fix is left`);
    }
});
