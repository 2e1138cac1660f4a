// `nianbao convert`: the text rendering of a structured file reads back, through the text reader
// alone, to the same tables the structured reader got (the round trip an author relies on when
// continuing in the editor).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { parse, type ReportModel } from '../../../server/src/engine';
import { readSource, renderDocument } from '../../../server/src/engine/sources';
import { CLEAN_REPORT, renderReport } from '../../support/reports.ts';
import { docxOf, reportToDocumentXml, reportToHtml } from '../../support/structured.ts';
import { run, tempDir } from '../cli/helpers';

const values = (m: ReportModel) =>
  Object.fromEntries(
    Object.values(m.tables).flatMap((t) => (t ? t.rows.map((r) => [`${t.id}.${r.id}`, r.cells.map((c) => (c.state === 'number' ? c.value : c.state === 'invalid' ? c.raw : c.state))]) : [])),
  );

const REPORT = renderReport({ t3: { R1: [3, 0, 0, 0, 0, 16, 20], R3_6_3: [0, 1, '', 0, 0, 0, 1] } });
const sources = {
  html: new TextEncoder().encode(reportToHtml(REPORT)),
  docx: docxOf(reportToDocumentXml(REPORT)),
};

for (const [kind, bytes] of Object.entries(sources))
  for (const format of ['markdown', 'tsv'] as const)
    test(`${kind} → ${format}: the rendering reads back to the same cells (values, blanks, errors) as the structured read`, async () => {
      const structured = await readSource(kind as 'html' | 'docx', bytes, format);
      const again = parse(renderDocument(structured.document, format).text);
      assert.deepEqual(values(again), values(structured.model));
      assert.ok(Object.keys(values(again)).length > 30);
    });

test('nianbao convert writes Markdown for -o report.md and TSV for -o report.txt; both check like the source', async () => {
  const dir = tempDir({ 'a.html': reportToHtml(CLEAN_REPORT) });
  assert.equal((await run(['convert', 'a.html', '-o', 'a.md'], { cwd: dir })).code, 0);
  assert.equal((await run(['convert', 'a.html', '-o', 'a.txt'], { cwd: dir })).code, 0);
  assert.match(fs.readFileSync(path.join(dir, 'a.md'), 'utf8'), /^\| 一、本年新收政府信息公开申请数量 \| \| \| 3 \|/m);
  assert.match(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8'), /^一、本年新收政府信息公开申请数量\t\t\t3\t/m);
  for (const f of ['a.html', 'a.md', 'a.txt']) assert.equal((await run(['check', f], { cwd: dir })).code, 0, f);
});

test('nianbao convert never overwrites the source, nor an existing file without --force', async () => {
  const dir = tempDir({ 'a.html': reportToHtml(CLEAN_REPORT), 'b.md': 'keep' });
  assert.equal((await run(['convert', 'a.html', '-o', 'a.html'], { cwd: dir })).code, 2);
  assert.equal((await run(['convert', 'a.html', '-o', 'b.md'], { cwd: dir })).code, 2);
  assert.equal(fs.readFileSync(path.join(dir, 'b.md'), 'utf8'), 'keep');
  assert.equal((await run(['convert', 'a.html', '-o', 'b.md', '--force'], { cwd: dir })).code, 0);
});
