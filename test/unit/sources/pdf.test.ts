// PDF files: grids from the table rules (merged cells where a rule is missing), tables joined
// across pages, paragraphs from positioned text; hostile PDFs refused with a message.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readSource, SourceError, type TableGrid } from '../../../server/src/engine/sources';
import { readPdf } from '../../../server/src/engine/sources/pdf';
import { CLEAN_REPORT, defaultT3, DEFAULT_T4, T3_ROWS } from '../../support/reports.ts';
import { makePdf, reportToPdf } from '../../support/pdf.ts';

const texts = (t: TableGrid) => t.rows.map((r) => r.map((c) => (c.origin ? c.text : '·')));
const rule = (x: number, y: number, w: number, h: number) => ({ x, y, w, h });

test('a missing rule merges slots: a cell over two columns and a cell over two rows', async () => {
  // 3×2 grid at x 100/200/300/400, y 700/680/660; no rule between (1,2) and (1,3), none under (1,1).
  const rects = [
    rule(100, 700, 300, 0.5), rule(200, 680, 200, 0.5), rule(100, 660, 300, 0.5),
    rule(100, 660, 0.5, 40), rule(200, 660, 0.5, 40), rule(300, 660, 0.5, 20), rule(400, 660, 0.5, 40),
  ];
  const texts_ = [
    { x: 105, y: 686, size: 9, text: '甲' },
    { x: 205, y: 686, size: 9, text: '合并' },
    { x: 205, y: 666, size: 9, text: '1' },
    { x: 305, y: 666, size: 9, text: '2' },
  ];
  const doc = await readPdf(makePdf([{ texts: texts_, rects }]));
  const [t] = doc.blocks.filter((b): b is TableGrid => b.kind === 'table');
  assert.deepEqual(texts(t!), [
    ['甲', '合并', '·'],
    ['·', '1', '2'],
  ]);
  assert.deepEqual(t!.rows[1]![2]!.at, { kind: 'pdf', page: 1, table: 1, row: 2, col: 3 });
});

test('a printed report whose table 3 runs over two pages reads every value, with page/table/row/col locations', async () => {
  const r = await readSource('pdf', reportToPdf(CLEAN_REPORT));
  const t3 = r.model.tables.T3!;
  const expected = defaultT3();
  for (const [id] of T3_ROWS) assert.deepEqual(t3.rows.find((x) => x.id === id)?.cells.map((c) => c.value), expected[id], id);
  assert.deepEqual(r.model.tables.T4!.rows[0]!.cells.map((c) => c.value), DEFAULT_T4);
  const pages = new Set(t3.rows.map((row) => (row.cells[0]!.source as { page: number }).page));
  assert.ok(pages.size >= 2, `table 3 spans pages ${[...pages]}`);
  const last = t3.rows.find((x) => x.id === 'R4')!.cells[6]!.source as { table: number; row: number; col: number };
  assert.equal(last.col, 10);
  assert.equal(r.model.title?.agency, '某某县人民政府办公室');
});

const refused = async (p: Promise<unknown>, re: RegExp) =>
  assert.rejects(p, (e: unknown) => e instanceof SourceError && re.test(e.userMessage.en) && e.userMessage.zh.length > 0);

test('a PDF of thousands of pages is refused before any page is read', async () => {
  const pages = Array.from({ length: 3000 }, () => ({ texts: [], rects: [] }));
  const t0 = Date.now();
  await refused(readPdf(makePdf(pages)), /3000 pages/);
  assert.ok(Date.now() - t0 < 60_000);
});

test('a broken cross-reference table is recovered or refused, never a hang', async () => {
  const pdf = makePdf([{ texts: [{ x: 50, y: 700, size: 12, text: '一、总体情况' }], rects: [] }], { brokenXref: true });
  try {
    const doc = await readPdf(pdf);
    assert.deepEqual(doc.blocks.map((b) => b.kind === 'paragraph' && b.text), ['一、总体情况']);
  } catch (e) {
    assert.ok(e instanceof SourceError);
  }
});

test('a file that is not a PDF, or a truncated one, gets a message', async () => {
  await refused(readPdf(new TextEncoder().encode('hello')), /not a valid PDF/);
  const whole = reportToPdf(CLEAN_REPORT);
  await refused(readSource('pdf', whole.subarray(0, 600)), /PDF|no readable text/);
});
