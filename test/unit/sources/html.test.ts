// Web pages: grids from the markup (rowspan/colspan expanded), paragraphs as text, page chrome
// left out, and every cell located at its line and column in the .html.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readHtml, decodeHtml } from '../../../server/src/engine/sources/html';
import { readSource, type TableGrid } from '../../../server/src/engine/sources';
import { CLEAN_REPORT, defaultT3, T3_ROWS } from '../../support/reports.ts';
import { reportToHtml } from '../../support/structured.ts';

const tables = (html: string) => readHtml(html).blocks.filter((b): b is TableGrid => b.kind === 'table');
const texts = (t: TableGrid) => t.rows.map((r) => r.map((c) => (c.origin ? c.text : '·')));

test('rowspan and colspan are expanded into every slot they cover; only the top-left slot is the origin', () => {
  const [t] = tables('<table><tr><td rowspan="2">A</td><td colspan="2">B</td></tr><tr><td>1</td><td>2</td></tr></table>');
  assert.deepEqual(texts(t!), [
    ['A', 'B', '·'],
    ['·', '1', '2'],
  ]);
  assert.equal(t!.rows[1]![0]!.text, 'A', 'a covered slot repeats the origin text');
});

test('merged header cells: a rowspan over several rows and a colspan over several columns keep later cells in their columns', () => {
  const [t] = tables('<table><tr><td rowspan="3">note</td><td colspan="3">申请人情况</td></tr><tr><td rowspan="2">自然人</td><td colspan="2">法人</td></tr><tr><td>商业<p>企业</td><td>其他</td></tr></table>');
  assert.deepEqual(texts(t!), [
    ['note', '申请人情况', '·', '·'],
    ['·', '自然人', '法人', '·'],
    ['·', '·', '商业企业', '其他'],
  ]);
});

test('the paragraphs of a cell are joined without a space between CJK text (商业 / 企业)', () => {
  const [t] = tables('<table><tr><td><p>自</p><p>然</p><p>人</p></td><td>5<br>6</td></tr></table>');
  assert.deepEqual(texts(t!), [['自然人', '5 6']]);
});

test('navigation, scripts, a link-only paragraph and a hidden element are page chrome, not text', () => {
  const doc = readHtml('<head><title>T</title></head><nav><a href="/">首页</a></nav><p><a href="/x">政府信息公开年报</a></p><script>var a="<p>x</p>"</script><div style="display:none">隐藏</div><p>一、总体情况</p>');
  assert.deepEqual(
    doc.blocks.map((b) => (b.kind === 'paragraph' ? b.text : 'table')),
    ['一、总体情况'],
  );
});

test('a table that holds another table is layout: its cells flow as paragraphs and the inner table is the grid', () => {
  const doc = readHtml('<table><tr><td><p>标题</p><table><tr><td>a</td><td>1</td></tr></table></td></tr></table>');
  assert.deepEqual(
    doc.blocks.map((b) => (b.kind === 'paragraph' ? b.text : texts(b))),
    ['标题', [['a', '1']]],
  );
});

test('a cell is located at the line and column of its text in the .html', () => {
  const [t] = tables('<p>x</p>\n<table>\n<tr><td>甲</td>\n  <td>&nbsp;7</td></tr></table>');
  assert.deepEqual(t!.rows[0]![0]!.at, { kind: 'html', line: 3, column: 9 });
  assert.deepEqual(t!.rows[0]![1]!.at, { kind: 'html', line: 4, column: 7 });
});

test('a report published as a web page with merged labels, navigation and an unrelated table reads every table-3 value', async () => {
  const r = await readSource('html', new TextEncoder().encode(reportToHtml(CLEAN_REPORT)));
  const t3 = r.model.tables.T3!;
  const expected = defaultT3();
  for (const [id] of T3_ROWS) assert.deepEqual(t3.rows.find((x) => x.id === id)?.cells.map((c) => c.value), expected[id], id);
  assert.equal(r.model.title?.agency, '某某县人民政府办公室');
  const cell = t3.rows.find((x) => x.id === 'R1')!.cells[0]!;
  assert.equal(cell.source?.kind, 'html');
});

test('bytes: a declared GBK page is decoded as GB18030; UTF-8 otherwise', () => {
  const gbk = new Uint8Array([...new TextEncoder().encode('<meta charset="gbk"><p>'), 0xc4, 0xea, 0xb1, 0xa8]);
  assert.match(decodeHtml(gbk), /年报/);
  assert.match(decodeHtml(new TextEncoder().encode('<p>年报')), /年报/);
});
