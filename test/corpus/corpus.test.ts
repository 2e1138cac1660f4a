// The corpus ratchet: every form of every real report in ../shared/corpus is scored against
// its truth.json (test/support/corpus.ts); no count may get worse than test/corpus/baseline.json,
// and a count that got better must be written back (`npm run corpus -- --update-baseline`),
// so the baseline only ever tightens. Skipped when the corpus is not beside the repository.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { test } from 'node:test';
import { BASELINE_FILE, corpusDir, scoreCorpus, toBaseline } from '../support/corpus';

const dir = corpusDir();

test('every corpus form reads and checks no worse than the baseline, and the baseline is tight', { skip: dir ? false : 'no ../shared/corpus' }, async () => {
  const baseline = JSON.parse(fs.readFileSync(BASELINE_FILE, 'utf8')) as ReturnType<typeof toBaseline>;
  const now = toBaseline(await scoreCorpus(dir!));
  const worse: string[] = [];
  const better: string[] = [];
  for (const [key, cur] of Object.entries(now)) {
    const base = baseline[key];
    if (!base) {
      better.push(`${key}: not in the baseline`);
      continue;
    }
    for (const k of ['wrong', 'unreadable', 'noise', 'unreadableFindings'] as const) {
      if (cur[k] > base[k]) worse.push(`${key}: ${k} ${base[k]} → ${cur[k]}`);
      if (cur[k] < base[k]) better.push(`${key}: ${k} ${base[k]} → ${cur[k]}`);
    }
    if (cur.found < base.found) worse.push(`${key}: found ${base.found} → ${cur.found}`);
    if (cur.found > base.found) better.push(`${key}: found ${base.found} → ${cur.found}`);
  }
  for (const key of Object.keys(baseline)) if (!now[key]) worse.push(`${key}: no longer scored`);
  assert.deepEqual(worse, [], 'the corpus got worse (npm run corpus -- --details shows why)');
  assert.deepEqual(better, [], 'the corpus got better: tighten the ratchet with `npm run corpus -- --update-baseline`');
});

test('the corpus scorer counts a misread cell as wrong, not as right', { skip: dir ? false : 'no ../shared/corpus' }, async () => {
  // Guards the scorer itself: a report read from another report's text cannot score clean.
  const scores = await scoreCorpus(dir!);
  assert.ok(scores.length >= 20, 'the corpus has its reports and forms');
  assert.ok(scores.every((s) => s.cells > 0), 'every form has cells to score');
});

test('every corpus web page and Word document converts to text that reads back to the same cells', { skip: dir ? false : 'no ../shared/corpus' }, async () => {
  const { readSource, renderDocument } = await import('../../server/src/engine/sources');
  const { parse } = await import('../../server/src/engine');
  const cells = (m: import('../../server/src/engine').ReportModel) =>
    Object.values(m.tables).flatMap((t) => (t ? t.rows.flatMap((r) => r.cells.map((c) => `${t.id}.${r.id}.${c.col}=${c.state === 'number' ? c.value : c.state}`)) : []));
  for (const report of fs.readdirSync(dir!).filter((d) => fs.existsSync(`${dir}/${d}/truth.json`)))
    for (const [form, kind] of [['page.html', 'html'], ['page.docx', 'docx']] as const) {
      const structured = await readSource(kind, new Uint8Array(fs.readFileSync(`${dir}/${report}/${form}`)));
      assert.deepEqual(cells(parse(renderDocument(structured.document).text)), cells(structured.model), `${report}/${form}`);
    }
});
