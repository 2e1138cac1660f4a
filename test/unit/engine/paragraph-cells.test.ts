// Layout `paragraph-cells` (a browser's copy of a table whose cells hold <p> paragraphs):
// lone-TAB lines separate cells, two or more empty lines separate rows, a single empty line
// separates the paragraphs of one cell.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../../server/src/engine/index.ts';
import { classify, tokenize } from '../../../server/src/engine/reader/cells.ts';
import { paragraphCellTokens } from '../../../server/src/engine/reader/layouts/paragraph-cells.ts';
import { paragraphCellRows } from '../../support/layouts.ts';
import { DEFAULT_T4, defaultT3, renderReport } from '../../support/reports.ts';

/** Rows of the tokens: texts, values ('' for a blank cell), cut at each row end. */
function rows(text: string): string[][] {
  const lines: { s: number; e: number; no: number }[] = [];
  let s = 0;
  for (const [no, l] of text.split('\n').entries()) {
    lines.push({ s, e: s + l.length, no });
    s += l.length + 1;
  }
  const trim = (a: number, b: number) => {
    while (a < b && /\s/.test(text[a]!)) a++;
    while (b > a && /\s/.test(text[b - 1]!)) b--;
    return { s: a, e: b };
  };
  const toks = paragraphCellTokens(text, lines, classify, trim);
  const out: string[][] = [[]];
  for (const t of toks) {
    out[out.length - 1]!.push(t.text);
    if (t.rowEnd) out.push([]);
  }
  return out.filter((r) => r.length > 0);
}

test('lines holding only a TAB between paragraphs are recognised as this layout', () => {
  const text = paragraphCellRows([['一、本年新收政府信息公开申请数量', '7', '0', '0', '7']])[0]!;
  assert.equal(tokenize(text, 0, text.length, 0).layout, 'paragraph-cells');
});

test('lone-TAB lines separate cells and runs of empty lines separate rows', () => {
  const text = paragraphCellRows([
    ['一、本年新收政府信息公开申请数量', '7', '0'],
    ['二、上年结转政府信息公开申请数量', '0', '1'],
  ])[0]!;
  assert.deepEqual(rows(text), [
    ['一、本年新收政府信息公开申请数量', '7', '0'],
    ['二、上年结转政府信息公开申请数量', '0', '1'],
  ]);
});

test('a cell split into short paragraphs is one cell (自 / 然 / 人, 商业 / 企业)', () => {
  const text = paragraphCellRows([['自/然/人', '商业/企业', '总计']])[0]!;
  assert.deepEqual(rows(text), [['自然人', '商业企业', '总计']]);
});

test('a numbered paragraph or a number never continues the cell before it', () => {
  const text = '0\n\n\t\n\n0\n\n\t\n\n0\n\n四、政府信息公开行政复议、行政诉讼情况\n\n行政复议';
  const r = rows(text);
  assert.deepEqual(r[0]!.slice(0, 4), ['0', '0', '0', '四、政府信息公开行政复议、行政诉讼情况']);
});

test('an empty cell: a paragraph of spaces, two TABs on one line, or empty lines between separators', () => {
  const nbsp = '四、结转下年度继续办理\n\n\t\n\n0\n\n\t\n\n\u00a0\n\n\t\n\n5';
  const twoTabs = '四、结转下年度继续办理\n\n\t\n\n0\n\n\t\t\n\n5';
  const trimmed = '四、结转下年度继续办理\n\n\t\n\n0\n\n\t\n\n\n\n\n\t\n\n5';
  for (const text of [nbsp, twoTabs, trimmed]) assert.deepEqual(rows(text), [['四、结转下年度继续办理', '0', '', '5']], JSON.stringify(text));
});

test('a row ending in an empty cell does not take the next row’s label', () => {
  const text = '（七）总计\n\n\t\n\n3\n\n\t\n\n\n\n\n四、结转下年度继续办理\n\n\t\n\n0\n\n\t\n\n0';
  assert.deepEqual(rows(text), [
    ['（七）总计', '3', ''],
    ['四、结转下年度继续办理', '0', '0'],
  ]);
});

test('a row starting with an empty cell starts with a blank', () => {
  const text = '五、信息处理费收取情况\n\n\n\t\n\n通知收取\n\n件数\n\n\t\n\n金额';
  assert.deepEqual(rows(text), [['五、信息处理费收取情况'], ['', '通知收取件数', '金额']]);
});

test('a report copied from the browser reads like its tab-separated form, with exact spans', () => {
  const t3 = defaultT3();
  const tsv = parse(renderReport({ t3 }));
  const rowsOf = (text: string) => {
    const cells: string[][] = [];
    for (const line of text.split('\n')) cells.push(line.split('\t'));
    return cells;
  };
  // The whole report as a browser copies it: every table row a paragraph row.
  const text = renderReport({ t3 })
    .split('\n')
    .map((l) => (l.includes('\t') ? paragraphCellRows(rowsOf(l).map((r) => r.filter(Boolean)).filter((r) => r.length))[0]! + '\n\n\n' : l + '\n'))
    .join('\n');
  const m = parse(text);
  for (const id of ['T2', 'T3', 'T4'] as const) {
    assert.equal(m.tables[id]!.layout, 'paragraph-cells', id);
    for (const r of tsv.tables[id]!.rows) {
      const got = m.tables[id]!.rows.find((x) => x.id === r.id);
      assert.deepEqual(got?.cells.map((c) => c.value), r.cells.map((c) => c.value), `${id} ${r.id}`);
      for (const c of got!.cells) if (c.state === 'number') assert.equal(text.slice(c.span!.start, c.span!.end), c.raw);
    }
  }
  assert.deepEqual(m.tables.T4!.rows[0]!.cells.map((c) => c.value), DEFAULT_T4);
});

test('empty tab-prefixed cells next to other cells (layout A) are not taken for separators', () => {
  const text = '\t一、本年新收政府信息公开申请数量\n\t23\n\t\n\t\n\t\n\t\n\t\n\t23\n\n\t二、上年结转政府信息公开申请数量\n\t\n\t\n\t\n\t\n\t\n\t\n\t0\n';
  assert.equal(tokenize(text, 0, text.length, 0).layout, 'cell-per-line');
});
