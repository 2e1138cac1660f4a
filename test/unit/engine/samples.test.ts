// The five real exports in ../shared/samples: the reader gets the values a careful
// reviewer reads (samples/README.md, spec §4) and the checker reports exactly the
// README's findings at warning and error level. Skipped when ../shared is absent.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { check, LineIndex, parse, type ReportModel } from '../../../server/src/engine/index.ts';

const SAMPLES = resolve(import.meta.dirname, '../../../../shared/samples');
const have = existsSync(SAMPLES);
const skip = !have && '../shared/samples is not available';
function sample(prefix: string): string {
  const f = readdirSync(SAMPLES).find((n) => n.startsWith(prefix))!;
  return readFileSync(join(SAMPLES, f), 'utf8');
}

/** A row as `C1 … C7` with `·` for blank, `_` for a cell lost in the export. */
function row(m: ReportModel, table: 'T3' | 'T4', id: string): string {
  const r = m.tables[table]!.rows.find((x) => x.id === id)!;
  return r.cells.map((c) => (c.state === 'number' ? String(c.value) : c.state === 'blank' ? '·' : c.state === 'absent' ? '_' : '?')).join(' ');
}

/** Findings at warning or error level as `code@line`. */
function serious(text: string): string[] {
  const li = new LineIndex(text);
  return check(text)
    .findings.filter((f) => f.severity === 'error' || f.severity === 'warning')
    .map((f) => `${f.code}@${li.positionAt(f.span.start).line + 1}`);
}

test('sample 000 (one cell per tab-prefixed line) reads blanks exactly where the file has them', { skip }, () => {
  const m = parse(sample('000'));
  assert.equal(row(m, 'T3', 'R1'), '23 · · · · · 23');
  assert.equal(row(m, 'T3', 'R3_7'), '23 · · · · · 23');
  assert.equal(row(m, 'T3', 'R4'), '· · · · · · 0');
  assert.equal(row(m, 'T3', 'R3_3_1'), '· · · · · · ·');
  assert.equal(row(m, 'T4', 'T4'), '· · · · 0 · · · · 0 · · · · 0');
});

test('sample 000 reports only the two Arabic section numbers at warning level', { skip }, () => {
  assert.deepEqual(serious(sample('000')), ['section-numbering@15', 'section-numbering@62']);
});

test('sample 001 (rows too short and too long) reads every total and the 16-cell table-4 row', { skip }, () => {
  const m = parse(sample('001'));
  assert.equal(row(m, 'T3', 'R1'), '0 0 0 0 0 0 0');
  assert.equal(m.tables.T3!.rows.find((r) => r.id === 'R3_1')!.cells[6]!.value, 0);
  assert.equal(row(m, 'T3', 'R3_7'), '0 0 0 0 0 0 0');
  assert.equal(row(m, 'T4', 'T4'), '0 0 0 0 0 0 0 0 0 0 0 0 0 0 0');
});

test('sample 001 has nothing at warning level: letters (来信33件) are not applications', { skip }, () => {
  assert.deepEqual(serious(sample('001')), []);
});

test('sample 002 (PDF text, Kangxi radicals) reads table 3 and table 4', { skip }, () => {
  const m = parse(sample('002'));
  assert.equal(row(m, 'T3', 'R1'), '9 0 0 0 0 0 9');
  assert.equal(row(m, 'T3', 'R3_1'), '9 0 0 0 0 0 9');
  assert.equal(row(m, 'T3', 'R3_6_1'), '0 0 0 0 0 0 0');
  assert.equal(row(m, 'T3', 'R3_7'), '9 0 0 0 0 0 9');
  assert.equal(row(m, 'T4', 'T4'), '0 1 0 0 1 0 0 0 0 0 0 0 0 0 0');
  assert.equal(m.sections.length, 6);
});

test('sample 002 reports only the title placed after section 一', { skip }, () => {
  assert.deepEqual(serious(sample('002')), ['title-position@4']);
});

test('sample 003 aligns the 6-number rows: first is 自然人, last two are 其他 and 总计', { skip }, () => {
  const m = parse(sample('003'));
  assert.equal(row(m, 'T3', 'R1'), '3 0 0 0 0 16 19');
  assert.equal(row(m, 'T3', 'R3_1'), '2 _ 0 0 0 16 18');
  assert.equal(row(m, 'T3', 'R3_3_7'), '1 _ 0 0 0 0 1');
  assert.equal(row(m, 'T3', 'R3_7'), '3 0 0 0 0 16 19');
  assert.equal(row(m, 'T4', 'T4'), '3 0 0 0 3 18 5 1 0 24 7 0 0 0 7');
});

test('sample 003 reports only the duplicate heading 一', { skip }, () => {
  assert.deepEqual(serious(sample('003')), ['section-duplicate@9']);
});

test('sample 004 reads the blank 行政复议 block and reports the missing section 六', { skip }, () => {
  const m = parse(sample('004'));
  assert.equal(row(m, 'T3', 'R3_4_1'), '2 0 0 0 0 0 2');
  assert.equal(row(m, 'T4', 'T4'), '· · · · · 0 2 0 0 2 1 0 0 0 1');
  assert.deepEqual(serious(sample('004')), ['section-missing@96']);
  const hints = check(sample('004')).findings.filter((f) => f.code === 'fee-magnitude');
  assert.equal(hints.length, 1);
});
