// Editor features over LSP beyond the basics in server.test.ts: settings applied live,
// section quick fixes applied and re-checked, and the outline's ranges.
// Requires `npm run build` (npm test runs it first).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { CLEAN_REPORT, renderReport } from '../support/reports.ts';
import { LineIndex } from '../../server/src/engine/index.ts';
import { applyTextEdits, editsOf, skipUnlessBuilt, startServer, type LspClient } from '../support/lspClient.ts';

const skip = skipUnlessBuilt;
let client: LspClient;
before(async () => {
  if (skip) return;
  client = await startServer({ pull: true });
});
after(async () => {
  if (skip) return;
  await client.shutdown();
});

let n = 0;
async function open(text: string): Promise<string> {
  const uri = `file:///tmp/editor-${++n}-年度报告.txt`;
  await client.open(uri, text);
  return uri;
}
const diagnostics = (uri: string) => client.diagnostics(uri);
async function settings(nianbao: object): Promise<void> {
  await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: { nianbao: { enable: true, detect: true, rules: {}, ...nianbao } } });
}
function apply(text: string, edits: TextEdit[]): string {
  const li = new LineIndex(text);
  return applyTextEdits(text, edits, (p) => li.offsetAt(p));
}
async function quickFixFor(uri: string, d: Diagnostic): Promise<CodeAction | undefined> {
  const actions = await client.codeActions(uri, d.range, [d]);
  return actions.find((a) => a.kind === 'quickfix' && a.diagnostics?.some((x) => x.code === d.code));
}

test('nianbao.rules changed in the settings applies to the next diagnostics without reopening', { skip }, async () => {
  const uri = await open(renderReport({ omitSection: 6 }));
  assert.ok((await diagnostics(uri)).some((d) => d.code === 'section-missing'));
  await settings({ rules: { 'section-missing': 'off' } });
  assert.ok(!(await diagnostics(uri)).some((d) => d.code === 'section-missing'));
  await settings({ rules: { 'section-missing': 'error' } });
  assert.equal((await diagnostics(uri)).find((d) => d.code === 'section-missing')?.severity, 1);
  await settings({});
});

test('nianbao.localStructures accepts a local structure: its section-title warning goes', { skip }, async () => {
  const text = renderReport()
    .replace('五、存在的主要问题及改进情况', '五、信息处理费收取情况\n本年度未收取信息处理费。\n六、存在的主要问题及改进情况')
    .replace(/六、其他需要报告的事项\n[^\n]*\n/, '');
  const uri = await open(text);
  const local = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'section-title' && d.severity === 2);
  assert.equal(local(await diagnostics(uri)).length, 1);
  await settings({ localStructures: ['fee-section'] });
  assert.deepEqual(local(await diagnostics(uri)), []);
  await settings({});
});

test('nianbao.enable turned off clears the diagnostics of an open report', { skip }, async () => {
  const uri = await open(renderReport({ omitSection: 6 }));
  await settings({ enable: false });
  assert.deepEqual(await diagnostics(uri), []);
  await settings({});
  assert.ok((await diagnostics(uri)).length > 0);
});

test('the renumbering quick fix turns `2、` into `二、` and the re-check is clean of it', { skip }, async () => {
  const text = renderReport({ sectionTwoNumbering: '2、' });
  const uri = await open(text);
  const d = (await diagnostics(uri)).find((x) => x.code === 'section-numbering');
  assert.ok(d);
  const fix = await quickFixFor(uri, d!);
  assert.ok(fix?.isPreferred, JSON.stringify(fix));
  const fixed = apply(text, editsOf(fix, uri));
  assert.match(fixed, /\n二、主动公开政府信息情况\n/);
  await client.change(uri, 2, fixed);
  assert.ok(!(await diagnostics(uri)).some((x) => x.code === 'section-numbering'));
});

test('the missing-section quick fix inserts 六 where it belongs and the re-check finds all six', { skip }, async () => {
  const text = renderReport({ omitSection: 6 });
  const uri = await open(text);
  const d = (await diagnostics(uri)).find((x) => x.code === 'section-missing');
  const fix = await quickFixFor(uri, d!);
  assert.ok(fix, 'a quick fix is offered');
  const fixed = apply(text, editsOf(fix, uri));
  assert.ok(fixed.indexOf('六、其他需要报告的事项') > fixed.indexOf('五、存在的主要问题及改进情况'));
  await client.change(uri, 2, fixed);
  assert.ok(!(await diagnostics(uri)).some((x) => x.code === 'section-missing'));
});

test('a section symbol selects its heading line and spans the section; its sub-headings are children', { skip }, async () => {
  const uri = await open(CLEAN_REPORT);
  const [title] = await client.symbols(uri);
  const lines = CLEAN_REPORT.split('\n');
  const one = title!.children![0]!;
  const headingLine = lines.indexOf('一、总体情况');
  assert.equal(one.selectionRange.start.line, headingLine);
  assert.equal(one.range.start.line, headingLine);
  assert.ok(one.range.end.line >= lines.indexOf('二、主动公开政府信息情况') - 1);
  const kids = one.children ?? [];
  assert.ok(kids.some((c) => c.name.startsWith('（一）主动公开')), JSON.stringify(kids.map((c) => c.name)));
});
