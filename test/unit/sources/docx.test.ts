// Word documents: grids from w:gridSpan and w:vMerge, paragraphs as text, cells located by
// table, row and column; only word/document.xml is read.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readDocumentXml, readDocx } from '../../../server/src/engine/sources/docx';
import { readSource, type TableGrid } from '../../../server/src/engine/sources';
import { CLEAN_REPORT, defaultT3, DEFAULT_T4, T3_ROWS } from '../../support/reports.ts';
import { docxOf, reportToDocumentXml } from '../../support/structured.ts';

const W = (body: string) => `<w:document xmlns:w="w"><w:body>${body}</w:body></w:document>`;
const tc = (t: string, props = '') => `<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ''}<w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:tc>`;
const grid = (xml: string) => readDocumentXml(W(xml)).blocks.filter((b): b is TableGrid => b.kind === 'table');
const texts = (t: TableGrid) => t.rows.map((r) => r.map((c) => (c.origin ? c.text : '·')));

test('vertically merged cells (vMerge restart / continue) cover the rows below; gridSpan covers columns', () => {
  const [t] = grid(
    `<w:tbl><w:tr>${tc('三、本年度办理结果', '<w:vMerge w:val="restart"/>')}${tc('（一）予以公开', '<w:gridSpan w:val="2"/>')}${tc('1')}</w:tr>` +
      `<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>${tc('（三）不予公开')}${tc('1.属于国家秘密')}${tc('2')}</w:tr></w:tbl>`,
  );
  assert.deepEqual(texts(t!), [
    ['三、本年度办理结果', '（一）予以公开', '·', '1'],
    ['·', '（三）不予公开', '1.属于国家秘密', '2'],
  ]);
  assert.deepEqual(t!.rows[1]![3]!.at, { kind: 'docx', table: 1, row: 2, col: 4 });
});

test('the paragraphs of a cell are joined (商业 / 企业); body paragraphs are numbered', () => {
  const doc = readDocumentXml(W(`<w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>商业</w:t></w:r></w:p><w:p><w:r><w:t>企业</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/><w:p><w:r><w:t>二、</w:t></w:r><w:r><w:t>主动公开</w:t></w:r></w:p>`));
  assert.deepEqual(
    doc.blocks.map((b) => (b.kind === 'paragraph' ? [b.text, b.at] : texts(b))),
    [['一、总体情况', { kind: 'docx', paragraph: 1 }], [['商业企业']], ['二、主动公开', { kind: 'docx', paragraph: 3 }]],
  );
});

test('deleted text and field codes are not part of the text', () => {
  const doc = readDocumentXml(W('<w:p><w:del><w:r><w:delText>旧</w:delText></w:r></w:del><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:t>新</w:t></w:r></w:p>'));
  assert.deepEqual(doc.blocks.map((b) => b.kind === 'paragraph' && b.text), ['新']);
});

test('a report saved as .docx with merged labels reads every table-3 and table-4 value', async () => {
  const r = await readSource('docx', docxOf(reportToDocumentXml(CLEAN_REPORT)));
  const expected = defaultT3();
  for (const [id] of T3_ROWS) assert.deepEqual(r.model.tables.T3!.rows.find((x) => x.id === id)?.cells.map((c) => c.value), expected[id], id);
  assert.deepEqual(r.model.tables.T4!.rows[0]!.cells.map((c) => c.value), DEFAULT_T4);
  const cell = r.model.tables.T3!.rows.find((x) => x.id === 'R1')!.cells[6]!;
  assert.equal(cell.source?.kind, 'docx');
  assert.equal((cell.source as { table?: number }).table, 2, 'table 3 of the report is the second Word table');
});

test('stored (uncompressed) zip entries are read too', async () => {
  const doc = readDocx(docxOf(W('<w:p><w:r><w:t>正文</w:t></w:r></w:p>'), 0));
  assert.deepEqual(doc.blocks.map((b) => b.kind === 'paragraph' && b.text), ['正文']);
});
