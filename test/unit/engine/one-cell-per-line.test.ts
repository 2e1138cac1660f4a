// One cell per line without separators (a word processor's plain-text export, a browser's
// clipboard text): an empty cell is an extra empty line, or a line of spaces (`&nbsp;`).
// The template's column count decides: extra empty lines inside a row are empty cells only
// when they make the row exactly as long as the template's.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, parse, type ReportModel } from '../../../server/src/engine/index.ts';
import { renderReport } from '../../support/reports.ts';

const cells = (m: ReportModel, id: string) =>
  m.tables.T3!.rows.find((r) => r.id === id)!.cells.map((c) => (c.state === 'number' ? c.value : c.state));

/** The report's tables with every cell on its own line; `sep` between cells. */
function oneCellPerLine(sep: string, r4: string[]): string {
  return renderReport()
    .split('\n')
    .map((l) => {
      if (l.startsWith('四、结转下年度继续办理')) return ['四、结转下年度继续办理', ...r4].join(sep);
      return l.includes('\t') ? l.split('\t').filter(Boolean).join(sep) : l;
    })
    .join('\n');
}

test('word-processor text: an empty line among a row’s values is an empty cell', () => {
  const text = oneCellPerLine('\n', ['0', '', '0', '0', '0', '0', '0', '0'].filter((_, i) => i !== 7));
  const m = parse(text);
  assert.deepEqual(cells(m, 'R4'), [0, 'blank', 0, 0, 0, 0, 0]);
  assert.equal(m.tables.T3!.rows.find((r) => r.id === 'R4')!.alignment, 'direct');
});

test('clipboard text: an extra empty line, or a paragraph of no-break spaces, is an empty cell', () => {
  // `0 ¶ ¶ ¶ 0`: one empty line more than the usual one; `0 ¶ ¶ nbsp ¶ ¶ 0`: a paragraph of its own.
  for (const empty of ['0\n', '0\n\n\u00a0']) {
    const text = oneCellPerLine('\n\n', [empty, '0', '0', '0', '0', '0']);
    assert.deepEqual(cells(parse(text), 'R4'), [0, 'blank', 0, 0, 0, 0, 0], JSON.stringify(empty));
  }
});

test('the empty cell’s position is the empty line itself (a fix writes the 0 there)', () => {
  const text = oneCellPerLine('\n', ['0', '', '0', '0', '0', '0', '0']);
  const c = parse(text).tables.T3!.rows.find((r) => r.id === 'R4')!.cells[1]!;
  const lineStart = text.lastIndexOf('\n', c.span!.start - 1) + 1;
  assert.equal(c.span!.start, lineStart);
  assert.equal(text.slice(lineStart, text.indexOf('\n', lineStart)), '');
});

test('extra empty lines that do not make the row exactly the template’s length are not cells', () => {
  // Two extra empty lines for one missing value: the row stays as read (never a guessed blank).
  const text = oneCellPerLine('\n', ['0', '\n', '0', '0', '0', '0', '0']);
  const r4 = cells(parse(text), 'R4');
  assert.ok(!r4.includes('blank'), String(r4));
  assert.deepEqual(check(text).findings.filter((f) => f.severity === 'error').map((f) => f.code), []);
});

test('a unit the column does not allow stays a cell-value error (5元 in the fee column in 万元)', () => {
  const text = renderReport().replace('行政事业性收费\t144.4399', '行政事业性收费\t5元');
  assert.equal(check(text).findings.filter((f) => f.code === 'cell-value').length, 1);
});
