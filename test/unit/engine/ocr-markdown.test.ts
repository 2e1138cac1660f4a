// OCR Markdown (spec §7.4): each table-3 row is a `### label` heading over a small pipe table
// whose header row carries generic names (`数据1`…`数据6`, `总计`), sometimes the form's own
// names in the middle. Read as a table, it must give the same cells and findings as the tidy text.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check, type ReportModel } from '../../../server/src/engine/index.ts';
import { renderReport, type ReportSpec } from '../../support/reports.ts';

const FORM_HEADER = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
const GENERIC_HEADER = ['数据1', '数据2', '数据3', '数据4', '数据5', '数据6', '总计'];

/** The tidy report with table 3 rewritten as one `### label` + pipe table per row. */
function ocrMarkdown(spec: ReportSpec, header: (row: number) => string[]): string {
  const out: string[] = [];
  let inT3 = false;
  let row = 0;
  for (const line of renderReport(spec).split('\n')) {
    if (line.startsWith('三、收到')) {
      inT3 = true;
      out.push(`## ${line}`, '');
      continue;
    }
    if (line.startsWith('四、')) inT3 = false;
    if (!inT3) {
      out.push(line);
      continue;
    }
    const cells = line.split('\t');
    if (!/^\d+$/.test(cells[cells.length - 1] ?? '')) continue; // the tidy header lines
    const values = cells.slice(-7);
    const label = cells.slice(0, -7).filter(Boolean).pop()!;
    const h = header(row++);
    out.push(`### ${label}`, '', `| ${h.join(' | ')} |`, `|${h.map(() => '---').join('|')}|`, `| ${values.join(' | ')} |`, '');
  }
  return out.join('\n');
}

const cells = (m: ReportModel) => m.tables.T3?.rows.map((r) => `${r.id}:${r.cells.map((c) => c.value ?? c.state).join(',')}`);
const codes = (text: string) => check(text).findings.map((f) => `${f.code}@${f.severity}`).sort();

test('OCR Markdown with one `### label` table per row reads every table-3 cell as the tidy text does', () => {
  const spec: ReportSpec = { t3: { R1: [3, 0, 0, 0, 0, 16, 19], R3_1: [2, 0, 0, 0, 0, 16, 18] } };
  const tidy = check(renderReport(spec)).model;
  const ocr = check(ocrMarkdown(spec, () => GENERIC_HEADER)).model;
  assert.equal(ocr.tables.T3?.rows.length, tidy.tables.T3?.rows.length);
  assert.deepEqual(cells(ocr), cells(tidy));
});

test('a header row in the middle, with the form’s column names, is no row: its 总计 is not （七）总计', () => {
  const spec: ReportSpec = {};
  const ocr = check(ocrMarkdown(spec, (row) => (row === 5 ? FORM_HEADER : GENERIC_HEADER))).model;
  assert.deepEqual(cells(ocr), cells(check(renderReport(spec)).model));
});

test('a wrong total in OCR Markdown gives the findings the tidy text gives, at the cell in the Markdown', () => {
  const spec: ReportSpec = { t3: { R1: [3, 0, 0, 0, 0, 16, 20] }, narrative: '本年度共收到政府信息公开申请19件。' };
  const text = ocrMarkdown(spec, () => GENERIC_HEADER);
  assert.deepEqual(codes(text), codes(renderReport(spec)));
  const f = check(text).findings.find((x) => x.code === 'row-total')!;
  assert.equal(text.slice(f.span.start, f.span.end), '20');
  assert.match(text.slice(text.lastIndexOf('\n', f.span.start) + 1, f.span.start), /^\| 3 \| 0 \| 0 \| 0 \| 0 \| 16 \| $/);
});

test('a heading marker is not part of the row label', () => {
  const m = check(ocrMarkdown({}, () => GENERIC_HEADER)).model;
  const r1 = m.tables.T3!.rows.find((r) => r.id === 'R1')!;
  assert.equal(r1.label, '一、本年新收政府信息公开申请数量');
});
