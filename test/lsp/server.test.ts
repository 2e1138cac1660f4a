// The language server as an editor sees it: spawned over stdio, driven with JSON-RPC.
// Requires `npm run build` (npm test runs it first).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { BROKEN_REPORT, CLEAN_REPORT } from '../support/reports.ts';

const SERVER = join(import.meta.dirname, '..', '..', 'dist', 'server.js');

interface Session {
  proc: ChildProcess;
  conn: MessageConnection;
  pushed: Map<string, { version?: number; diagnostics: any[] }[]>;
  close(): Promise<void>;
}

async function startServer(pull: boolean, locale = 'zh-CN'): Promise<Session> {
  const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const pushed = new Map<string, { version?: number; diagnostics: any[] }[]>();
  conn.onNotification('textDocument/publishDiagnostics', (p: any) => {
    const list = pushed.get(p.uri) ?? [];
    list.push(p);
    pushed.set(p.uri, list);
  });
  conn.onRequest('workspace/configuration', () => [null]);
  conn.onRequest('workspace/diagnostic/refresh', () => null);
  conn.onRequest('client/registerCapability', () => null);
  conn.listen();
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    locale,
    capabilities: {
      textDocument: {
        ...(pull ? { diagnostic: { dynamicRegistration: false } } : {}),
        publishDiagnostics: { relatedInformation: true },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
      },
      workspace: { configuration: true },
    },
  });
  await conn.sendNotification('initialized', {});
  return {
    proc,
    conn,
    pushed,
    async close() {
      try {
        await conn.sendRequest('shutdown');
        await conn.sendNotification('exit');
      } catch {
        /* already gone */
      }
      conn.dispose();
      proc.kill();
    },
  };
}

async function waitFor<T>(fn: () => T | undefined, ms = 5000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

const uri = 'file:///tmp/2024年度报告.txt';
const codes = (ds: any[]) => ds.map((d) => d.code).sort();
const serverBuilt = existsSync(SERVER);

let pull: Session;
let push: Session;
before(async () => {
  if (!serverBuilt) return;
  pull = await startServer(true);
  push = await startServer(false, 'en');
});
after(async () => {
  await pull?.close();
  await push?.close();
});

test('pull mode: a broken report gets its diagnostics on request', { skip: !serverBuilt && 'run npm run build first' }, async () => {
  await pull.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'nianbao', version: 1, text: BROKEN_REPORT } });
  const r: any = await pull.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  assert.equal(r.kind, 'full');
  assert.ok(codes(r.items).includes('row-total'), JSON.stringify(codes(r.items)));
  assert.ok(codes(r.items).includes('section-missing'));
  const missing = r.items.find((d: any) => d.code === 'section-missing');
  assert.match(missing.message, /六、其他需要报告的事项/);
  assert.equal(missing.source, 'nianbao');
  assert.match(missing.codeDescription.href, /docs\/rules\/section-missing\.md$/);
});

test('pull mode: an incremental edit that fixes the total removes the row-total diagnostic', { skip: !serverBuilt && 'run npm run build first' }, async () => {
  const r: any = await pull.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  const rowTotal = r.items.find((d: any) => d.code === 'row-total');
  assert.ok(rowTotal);
  await pull.conn.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: rowTotal.range, text: '19' }],
  });
  const r2: any = await pull.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  assert.ok(!codes(r2.items).includes('row-total'), JSON.stringify(codes(r2.items)));
});

test('push mode: diagnostics are published on open, in the client locale', { skip: !serverBuilt && 'run npm run build first' }, async () => {
  await push.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'nianbao', version: 1, text: BROKEN_REPORT } });
  const p = await waitFor(() => push.pushed.get(uri)?.at(-1));
  assert.ok(codes(p.diagnostics).includes('section-missing'));
  const missing = p.diagnostics.find((d: any) => d.code === 'section-missing');
  assert.match(missing.message, /is missing/);
});

test('push mode: an edit republishes, and closing clears the diagnostics', { skip: !serverBuilt && 'run npm run build first' }, async () => {
  const before = push.pushed.get(uri)!.length;
  await push.conn.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 2 },
    contentChanges: [{ text: CLEAN_REPORT }],
  });
  const p = await waitFor(() => (push.pushed.get(uri)!.length > before ? push.pushed.get(uri)!.at(-1) : undefined));
  assert.deepEqual(p.diagnostics.filter((d: any) => d.severity <= 2), []);
  await push.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  const cleared = await waitFor(() => {
    const last = push.pushed.get(uri)!.at(-1)!;
    return last.diagnostics.length === 0 ? last : undefined;
  });
  assert.equal(cleared.diagnostics.length, 0);
});

test('document symbols list the title, the six sections and the tables', { skip: !serverBuilt && 'run npm run build first' }, async () => {
  const u = 'file:///tmp/clean.txt';
  await pull.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: u, languageId: 'nianbao', version: 1, text: CLEAN_REPORT } });
  const syms: any[] = await pull.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: u } });
  assert.equal(syms.length, 1);
  assert.match(syms[0].name, /政府信息公开工作年度报告/);
  const sections = syms[0].children.map((c: any) => c.name);
  assert.deepEqual(sections.map((n: string) => n[0]), ['一', '二', '三', '四', '五', '六']);
  const three = syms[0].children[2];
  const table = three.children.find((c: any) => /表三/.test(c.name));
  assert.ok(table);
  assert.deepEqual(table.children.map((c: any) => c.name.slice(0, 2)), ['一、', '二、', '三、', '四、']);
  const results = table.children[2];
  assert.deepEqual(results.children.map((c: any) => c.name.slice(0, 3)), ['（一）', '（二）', '（三）', '（四）', '（五）', '（六）', '（七）']);
  assert.equal(results.children[2].children.length, 8);
});

test('a plain text file that is not a report gets no diagnostics', { skip: !serverBuilt && 'run npm run build first' }, async () => {
  const u = 'file:///tmp/notes.txt';
  await pull.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: u, languageId: 'plaintext', version: 1, text: '会议纪要\n一、参会人员\n二、议题\n' } });
  const r: any = await pull.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri: u } });
  assert.deepEqual(r.items, []);
});

test('quick fix for a wrong total and fix-all edit only the derived cells', { skip: !serverBuilt && 'run npm run build first' }, async () => {
  const u = 'file:///tmp/fix.txt';
  await pull.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: u, languageId: 'nianbao', version: 1, text: BROKEN_REPORT } });
  const r: any = await pull.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri: u } });
  const rowTotal = r.items.find((d: any) => d.code === 'row-total');
  const actions: any[] = await pull.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: u }, range: rowTotal.range, context: { diagnostics: [rowTotal] } });
  const fix = actions.find((a) => a.kind === 'quickfix' && a.isPreferred);
  assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
  const edits = fix.edit.changes[u];
  assert.equal(edits.length, 1);
  assert.equal(edits[0].newText, '19');
  const all: any[] = await pull.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: u }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } });
  assert.equal(all.length, 1);
  for (const e of all[0].edit.changes[u]) assert.ok(e.range.start.line === e.range.end.line && e.newText.length <= 4, JSON.stringify(e));
});

test('hover on a wrong total shows the formula with its operands', { skip: !serverBuilt && 'run npm run build first' }, async () => {
  const u = 'file:///tmp/hover.txt';
  await pull.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: u, languageId: 'nianbao', version: 1, text: BROKEN_REPORT } });
  const r: any = await pull.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri: u } });
  const d = r.items.find((x: any) => x.code === 'row-total');
  const h: any = await pull.conn.sendRequest('textDocument/hover', { textDocument: { uri: u }, position: d.range.start });
  assert.match(h.contents.value, /20 ≠ 各项之和 19（3\+0\+0\+0\+0\+16）/);
  // The localiser's explanation: before → after, and why this cell.
  assert.match(h.contents.value, /改动前 → 改动后：.*20 → 19/);
  assert.match(h.contents.value, /最少要改 1 个单元格，且只有这一种改法/);
});

test('hover on a row label shows the template label', { skip: !serverBuilt && 'run npm run build first' }, async () => {
  const u = 'file:///tmp/hover.txt';
  const line = BROKEN_REPORT.split('\n').findIndex((l) => l.startsWith('三、本年度办理结果'));
  const character = BROKEN_REPORT.split('\n')[line]!.indexOf('（一）予以公开') + 2;
  const h: any = await pull.conn.sendRequest('textDocument/hover', { textDocument: { uri: u }, position: { line, character } });
  assert.match(h.contents.value, /模板标签：（一）予以公开/);
});

test('hover on a row label explains how the row is counted', { skip: !serverBuilt && 'run npm run build first' }, async () => {
  const u = 'file:///tmp/hover.txt';
  const line = BROKEN_REPORT.split('\n').findIndex((l) => l.includes('（七）总计'));
  const character = BROKEN_REPORT.split('\n')[line]!.indexOf('（七）总计') + 2;
  const h: any = await pull.conn.sendRequest('textDocument/hover', { textDocument: { uri: u }, position: { line, character } });
  assert.match(h.contents.value, /不加（三）（四）（五）（六）等分组行/);
});

test('folding ranges cover the sections and the tables', { skip: !serverBuilt && 'run npm run build first' }, async () => {
  const u = 'file:///tmp/clean.txt';
  const ranges: any[] = await pull.conn.sendRequest('textDocument/foldingRange', { textDocument: { uri: u } });
  const lines = CLEAN_REPORT.split('\n');
  const starts = ranges.map((r) => lines[r.startLine]!);
  for (const h of ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况']) assert.ok(starts.includes(h), h);
  assert.ok(ranges.length >= 9, String(ranges.length));
});
