// The language server as an editor sees it: spawned over stdio, driven with JSON-RPC.
// Requires `npm run build` (npm test runs it first).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic, DocumentSymbol, MarkupContent } from 'vscode-languageserver-protocol';
import { BROKEN_REPORT, CLEAN_REPORT } from '../support/reports.ts';
import { editsOf, skipUnlessBuilt, startServer, waitFor, type LspClient } from '../support/lspClient.ts';

const uri = 'file:///tmp/2024年度报告.txt';
const codes = (ds: Diagnostic[]) => ds.map((d) => d.code).sort();
const byCode = (ds: Diagnostic[], code: string) => ds.find((d) => d.code === code)!;
const text = (d: Diagnostic) => (typeof d.message === 'string' ? d.message : d.message.value);
const markdown = (h: { contents: unknown } | null) => (h!.contents as MarkupContent).value;
const skip = skipUnlessBuilt;

let pull: LspClient;
let push: LspClient;
before(async () => {
  if (skip) return;
  pull = await startServer({ pull: true });
  push = await startServer({ pull: false, locale: 'en' });
});
after(async () => {
  await pull?.shutdown();
  await push?.shutdown();
});

test('pull mode: a broken report gets its diagnostics on request', { skip }, async () => {
  await pull.open(uri, BROKEN_REPORT);
  const items = await pull.diagnostics(uri);
  assert.ok(codes(items).includes('row-total'), JSON.stringify(codes(items)));
  assert.ok(codes(items).includes('section-missing'));
  const missing = byCode(items, 'section-missing');
  assert.match(text(missing), /六、其他需要报告的事项/);
  assert.equal(missing.source, 'nianbao');
  assert.match(missing.codeDescription!.href, /docs\/rules\/section-missing\.md$/);
});

test('pull mode: an incremental edit that fixes the total removes the row-total diagnostic', { skip }, async () => {
  const rowTotal = byCode(await pull.diagnostics(uri), 'row-total');
  assert.ok(rowTotal);
  await pull.conn.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: rowTotal.range, text: '19' }],
  });
  const fixed = await pull.diagnostics(uri);
  assert.ok(!codes(fixed).includes('row-total'), JSON.stringify(codes(fixed)));
});

test('push mode: diagnostics are published on open, in the client locale', { skip }, async () => {
  await push.open(uri, BROKEN_REPORT);
  const p = await waitFor(() => push.pushed.get(uri)?.at(-1));
  assert.ok(codes(p.diagnostics).includes('section-missing'));
  assert.match(text(byCode(p.diagnostics, 'section-missing')), /is missing/);
});

test('push mode: an edit republishes, and closing clears the diagnostics', { skip }, async () => {
  const before = push.pushed.get(uri)!.length;
  await push.change(uri, 2, CLEAN_REPORT);
  const p = await waitFor(() => (push.pushed.get(uri)!.length > before ? push.pushed.get(uri)!.at(-1) : undefined));
  assert.deepEqual(p.diagnostics.filter((d) => d.severity! <= 2), []);
  await push.close(uri);
  const cleared = await waitFor(() => {
    const last = push.pushed.get(uri)!.at(-1)!;
    return last.diagnostics.length === 0 ? last : undefined;
  });
  assert.equal(cleared.diagnostics.length, 0);
});

test('document symbols list the title, the six sections and the tables', { skip }, async () => {
  const u = 'file:///tmp/clean.txt';
  await pull.open(u, CLEAN_REPORT);
  const syms = await pull.symbols(u);
  assert.equal(syms.length, 1);
  const title = syms[0]!;
  const kids = (s: DocumentSymbol) => s.children ?? [];
  assert.match(title.name, /政府信息公开工作年度报告/);
  assert.deepEqual(kids(title).map((c) => c.name[0]), ['一', '二', '三', '四', '五', '六']);
  const table = kids(kids(title)[2]!).find((c) => /表三/.test(c.name))!;
  assert.ok(table);
  assert.deepEqual(kids(table).map((c) => c.name.slice(0, 2)), ['一、', '二、', '三、', '四、']);
  const results = kids(table)[2]!;
  assert.deepEqual(kids(results).map((c) => c.name.slice(0, 3)), ['（一）', '（二）', '（三）', '（四）', '（五）', '（六）', '（七）']);
  assert.equal(kids(kids(results)[2]!).length, 8);
});

test('a plain text file that is not a report gets no diagnostics', { skip }, async () => {
  const u = 'file:///tmp/notes.txt';
  await pull.open(u, '会议纪要\n一、参会人员\n二、议题\n', 'plaintext');
  assert.deepEqual(await pull.diagnostics(u), []);
});

test('quick fix for a wrong total and fix-all edit only the derived cells', { skip }, async () => {
  const u = 'file:///tmp/fix.txt';
  await pull.open(u, BROKEN_REPORT);
  const rowTotal = byCode(await pull.diagnostics(u), 'row-total');
  const actions = await pull.codeActions(u, rowTotal.range, [rowTotal]);
  const fix = actions.find((a) => a.kind === 'quickfix' && a.isPreferred);
  assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
  const edits = editsOf(fix, u);
  assert.equal(edits.length, 1);
  assert.equal(edits[0]!.newText, '19');
  const all = await pull.codeActions(u, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll']);
  assert.equal(all.length, 1);
  for (const e of editsOf(all[0], u)) assert.ok(e.range.start.line === e.range.end.line && e.newText.length <= 4, JSON.stringify(e));
});

test('hover on a wrong total shows the formula with its operands', { skip }, async () => {
  const u = 'file:///tmp/hover.txt';
  await pull.open(u, BROKEN_REPORT);
  const d = byCode(await pull.diagnostics(u), 'row-total');
  const h = markdown(await pull.hover(u, d.range.start));
  assert.match(h, /20 ≠ 各项之和 19（3\+0\+0\+0\+0\+16）/);
  // The localiser's explanation: before → after, and why this cell.
  assert.match(h, /改动前 → 改动后：.*20 → 19/);
  assert.match(h, /最少要改 1 个单元格，且只有这一种改法/);
});

test('hover on a row label shows the template label', { skip }, async () => {
  const u = 'file:///tmp/hover.txt';
  const line = BROKEN_REPORT.split('\n').findIndex((l) => l.startsWith('三、本年度办理结果'));
  const character = BROKEN_REPORT.split('\n')[line]!.indexOf('（一）予以公开') + 2;
  assert.match(markdown(await pull.hover(u, { line, character })), /模板标签：（一）予以公开/);
});

test('hover on a row label explains how the row is counted', { skip }, async () => {
  const u = 'file:///tmp/hover.txt';
  const line = BROKEN_REPORT.split('\n').findIndex((l) => l.includes('（七）总计'));
  const character = BROKEN_REPORT.split('\n')[line]!.indexOf('（七）总计') + 2;
  assert.match(markdown(await pull.hover(u, { line, character })), /不加（三）（四）（五）（六）等分组行/);
});

test('folding ranges cover the sections and the tables', { skip }, async () => {
  const u = 'file:///tmp/clean.txt';
  const ranges = await pull.foldingRanges(u);
  const lines = CLEAN_REPORT.split('\n');
  const starts = ranges.map((r) => lines[r.startLine]!);
  for (const h of ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况']) assert.ok(starts.includes(h), h);
  assert.ok(ranges.length >= 9, String(ranges.length));
});
