// The CLI on web pages and Word documents, alone and in folders mixed with text reports:
// findings located where a user can follow them in the file itself.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv';
import { BROKEN_REPORT, CLEAN_REPORT } from '../../support/reports.ts';
import { docxOf, reportToDocumentXml, reportToHtml } from '../../support/structured.ts';
import { FIXTURES, json, run, tempDir, type ParseJson, type Sarif } from './helpers';

const BROKEN_HTML = reportToHtml(BROKEN_REPORT);
const BROKEN_DOCX = Buffer.from(docxOf(reportToDocumentXml(BROKEN_REPORT)));

test('check on a folder mixing .html, .docx and .txt checks each; a row-total error is located by html line:col and by Word table/row/col', async () => {
  const dir = tempDir({ 'r/a.html': BROKEN_HTML, 'r/b.docx': BROKEN_DOCX, 'r/c.txt': BROKEN_REPORT });
  const r = await run(['check', 'r', '--lang', 'en'], { cwd: dir });
  assert.equal(r.code, 1);
  const blocks = r.stdout.split('\n\n');
  const html = blocks.find((b) => b.startsWith('r/a.html'))!;
  const docx = blocks.find((b) => b.startsWith('r/b.docx'))!;
  assert.ok(blocks.some((b) => b.startsWith('r/c.txt')));
  const htmlLine = html.split('\n').find((l) => l.includes('row-total'))!;
  const [lineNo, col] = htmlLine.trim().split(/\s+/)[0]!.split(':').map(Number);
  // The position is the cell in the .html that holds the wrong total.
  const src = BROKEN_HTML.split('\n')[lineNo! - 1]!;
  assert.equal(src.slice(col! - 1, col! + 1), '20');
  assert.match(docx.split('\n').find((l) => l.includes('row-total'))!, /table 2 row 4 col 10/);
});

test('parse --format json shows each cell’s location in the source file', async () => {
  const dir = tempDir({ 'a.docx': Buffer.from(docxOf(reportToDocumentXml(CLEAN_REPORT))) });
  const out = json<ParseJson>(await run(['parse', 'a.docx'], { cwd: dir }));
  assert.equal(out.source, 'docx');
  const r1 = out.model.tables.T3?.rows.find((x) => x.id === 'R1');
  assert.ok(r1);
  assert.deepEqual(r1.cells[0]?.source, { kind: 'docx', table: 2, row: 4, col: 4 });
  assert.deepEqual(r1.source, { kind: 'docx', table: 2, row: 4, col: 1 });
});

test('json and SARIF carry the source location; SARIF stays valid and offers no text fixes for these files', async () => {
  const dir = tempDir({ 'a.html': BROKEN_HTML, 'b.docx': BROKEN_DOCX });
  const j = json(await run(['check', '.', '--format', 'json'], { cwd: dir }));
  const total = j.files.find((f) => f.path === 'b.docx')?.findings.find((f) => f.code === 'row-total');
  assert.deepEqual(total?.location, { kind: "docx", table: 2, row: 4, col: 10 });
  const s = json<Sarif>(await run(['check', '.', '--format', 'sarif'], { cwd: dir }));
  const schema = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'sarif-schema-2.1.0.json'), 'utf-8'));
  delete schema.$schema;
  schema.$id = schema.id;
  delete schema.id;
  const validate = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false, formats: { uri: true, 'uri-reference': true, 'date-time': true } }).compile<Sarif>(schema);
  assert.ok(validate(s), JSON.stringify(validate.errors?.slice(0, 3)));
  const results = s.runs[0]!.results;
  const htmlTotal = results.find((x) => x.ruleId === 'row-total' && x.locations[0]?.physicalLocation.artifactLocation.uri === 'a.html');
  assert.ok((htmlTotal?.locations[0]?.physicalLocation.region?.startLine ?? 0) > 1);
  const docxTotal = results.find((x) => x.ruleId === 'row-total' && x.locations[0]?.physicalLocation.artifactLocation.uri === 'b.docx');
  assert.equal(docxTotal?.locations[0]?.logicalLocations?.[0]?.name, 'table 2 row 4 col 10');
  assert.ok(results.every((x) => !x.fixes));
});

test('--fix never rewrites a web page or Word file, and says so', async () => {
  const dir = tempDir({ 'a.html': BROKEN_HTML });
  const r = await run(['check', 'a.html', '--fix', '--lang', 'en'], { cwd: dir });
  assert.equal(fs.readFileSync(path.join(dir, 'a.html'), 'utf8'), BROKEN_HTML);
  assert.match(r.stderr, /never rewritten/);
});

test('a broken Word file is a one-line error (exit 2); the other files are still checked', async () => {
  const dir = tempDir({ 'bad.docx': 'PK broken', 'ok.txt': CLEAN_REPORT });
  const r = await run(['check', '.', '--lang', 'en'], { cwd: dir });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /bad\.docx: not a valid Word document/);
});
