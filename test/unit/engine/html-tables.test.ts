// Raw HTML tables inside a text (pandoc's Markdown keeps a table as <table> when a cell holds
// several paragraphs): read as tables, spans expanded, every cell at its own characters.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, parse } from '../../../server/src/engine/index.ts';
import { htmlTablesAsRows } from '../../../server/src/engine/reader/layouts/html-tables.ts';
import { normalize } from '../../../server/src/engine/text/normalize.ts';
import { renderInLayout } from '../../support/layouts.ts';
import { DEFAULT_T4, defaultT3 } from '../../support/reports.ts';

test('a table becomes a pipe table of its expanded grid; paragraphs of a cell are joined', () => {
  const html = '前文\n<table>\n<tr><td colspan="2" rowspan="2"><p>标签</p></td><td><p>商业</p>\n<p>企业</p></td></tr>\n<tr><td><p>7</p></td></tr>\n</table>\n后文';
  const v = htmlTablesAsRows(normalize(html));
  const rows = v.text.split('\n').filter((l) => l.startsWith('|') && !l.includes('---'));
  assert.deepEqual(rows.map((l) => l.split('|').slice(1, -1).map((c) => c.trim())), [
    ['标签', '', '商业企业'],
    ['', '', '7'],
  ]);
  assert.ok(v.text.startsWith('前文\n') && v.text.endsWith('\n后文'));
});

test('every character of the rows maps back to the original, and the map never decreases', () => {
  const html = '<table><tr><td><p>甲</p></td><td><p>12</p></td><td><p>&nbsp;</p></td></tr></table>';
  const v = htmlTablesAsRows(normalize(html));
  const at12 = v.text.indexOf('12');
  assert.equal(html.slice(v.map[at12]!, v.map[at12 + 1]! + 1), '12');
  for (let i = 1; i < v.map.length; i++) assert.ok(v.map[i]! >= v.map[i - 1]!, `map decreases at ${i}`);
});

test('an empty cell sits inside its own <td> (where a fix writes its 0)', () => {
  const t3 = defaultT3();
  t3.R2 = ['', 2, 0, 0, 0, 0, 2];
  const text = renderInLayout('html-table', t3, DEFAULT_T4);
  const blank = parse(text).tables.T3!.rows.find((r) => r.id === 'R2')!.cells[0]!;
  assert.equal(blank.state, 'blank');
  const before = text.slice(0, blank.span!.start);
  assert.match(before, /<td><p>$/);
  assert.equal(text.slice(blank.span!.start).split('<')[0], '&nbsp;');
});

test('a report whose tables are raw HTML with merged cells reads its values and finds a wrong total on its cell', () => {
  const t3 = defaultT3();
  t3.R3_1 = [2, 0, 0, 0, 0, 16, 17];
  const text = renderInLayout('html-table', t3, DEFAULT_T4);
  const f = check(text).findings.filter((x) => x.code === 'row-total');
  assert.equal(f.length, 1);
  assert.equal(text.slice(f[0]!.span.start, f[0]!.span.end), '17');
});

test('a table holding a table is page layout: left as it is, the table inside read', () => {
  const html = '<table><tr><td><table><tr><td>1</td></tr></table></td></tr></table>';
  assert.equal(htmlTablesAsRows(normalize(html)).text, '<table><tr><td>\n| 1 |\n|---|\n</td></tr></table>');
});

test('a pipe table with spans dropped (pandoc): an empty value cell stays in its column', () => {
  const t3 = defaultT3();
  t3.R2 = ['', 2, 0, 0, 0, 0, 2];
  t3.R4 = ['', 2, 0, 0, 0, 0, 2];
  const m = parse(renderInLayout('markdown-pandoc', t3, DEFAULT_T4));
  for (const id of ['R2', 'R4']) {
    const r = m.tables.T3!.rows.find((x) => x.id === id)!;
    assert.deepEqual(r.cells.map((c) => (c.state === 'number' ? c.value : c.state)), ['blank', 2, 0, 0, 0, 0, 2], id);
    assert.equal(r.alignment, 'direct', id);
  }
});
