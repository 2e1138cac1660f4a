// The server under hostile or odd use: it answers with proper LSP errors, never exits, and
// incremental sync gives the same findings as checking the final text from scratch.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import fc from 'fast-check';
import '../support/fc-config.ts';
import type { MessageConnection, ResponseError } from 'vscode-jsonrpc/node';
import type { Diagnostic, DocumentDiagnosticReport, ShowMessageParams } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { check, LineIndex } from '../../server/src/engine/index.ts';
import { BROKEN_REPORT, CLEAN_REPORT } from '../support/reports.ts';
import { skipUnlessBuilt, startServer, type LspClient } from '../support/lspClient.ts';

const skip = skipUnlessBuilt;
const RUNS = Number(process.env.NIANBAO_FUZZ_RUNS ?? 15);

let client: LspClient;
let proc: ChildProcess;
let conn: MessageConnection;
let messages: ShowMessageParams[];
before(async () => {
  if (skip) return;
  client = await startServer({ pull: true });
  ({ proc, conn, messages } = client);
});
after(async () => {
  await client?.shutdown();
});
const items = (r: DocumentDiagnosticReport): Diagnostic[] => (r.kind === 'full' ? r.items : []);

const alive = async () => {
  const r: DocumentDiagnosticReport = await conn.sendRequest('textDocument/diagnostic', { textDocument: { uri: 'file:///nowhere.txt' } });
  assert.equal(r.kind, 'full');
  assert.equal(proc.exitCode, null);
};

test('an unknown method gets MethodNotFound and the server keeps running', { skip }, async () => {
  await assert.rejects(conn.sendRequest('nianbao/doesNotExist', {}), (e: ResponseError<unknown>) => e.code === -32601);
  await alive();
});

test('requests for unknown or closed documents get empty answers', { skip }, async () => {
  const u = 'file:///never-opened.txt';
  assert.deepEqual(await conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: u } }), []);
  assert.deepEqual(await conn.sendRequest('textDocument/codeAction', { textDocument: { uri: u }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }), []);
  assert.equal(await conn.sendRequest('textDocument/hover', { textDocument: { uri: u }, position: { line: 0, character: 0 } }), null);
  await alive();
});

test('rapid open, change and close of many documents leaves the server responsive', { skip }, async () => {
  for (let i = 0; i < 50; i++) {
    const uri = `file:///rapid-${i}.txt`;
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'nianbao', version: 1, text: BROKEN_REPORT } });
    await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: CLEAN_REPORT }] });
    await conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }
  await alive();
});

test('positions past the end of a document and a cancelled request do not break the server', { skip }, async () => {
  const uri = 'file:///odd.txt';
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'nianbao', version: 1, text: CLEAN_REPORT } });
  await conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 99999, character: 99999 } });
  await conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 5000, character: 0 }, end: { line: 9000, character: 3 } }, context: { diagnostics: [] } });
  const { CancellationTokenSource } = await import('vscode-jsonrpc');
  const cts = new CancellationTokenSource();
  const p = conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } }, cts.token).catch(() => 'cancelled');
  cts.cancel();
  await p;
  await alive();
});

test('a 50 MB document: the server says once that checks are limited and stays responsive', { skip }, async () => {
  const uri = 'file:///huge.txt';
  const big = (BROKEN_REPORT + '\n').repeat(Math.ceil(50_000_000 / BROKEN_REPORT.length));
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'nianbao', version: 1, text: big } });
  const r: DocumentDiagnosticReport = await conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  assert.ok(items(r).length > 0);
  await conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  assert.equal(messages.filter((m) => /2\d* ?(million|万)/.test(m.message)).length, 1);
  await conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  await alive();
});

test('malformed JSON-RPC input does not kill the server', { skip }, async () => {
  const garbage = '{"jsonrpc":"2.0","id":1,"method":';
  proc.stdin!.write(`Content-Length: ${Buffer.byteLength(garbage)}\r\n\r\n${garbage}`);
  await new Promise((r) => setTimeout(r, 100));
  await alive();
});

test('random incremental edits give the same diagnostics as the final text checked from scratch', { skip }, async () => {
  let n = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.record({ at: fc.nat(), del: fc.nat({ max: 6 }), text: fc.constantFrom('', '1', '0', '\t', '\n', '一、', '总计', '😀', '\r\n', '99') }), { minLength: 1, maxLength: 30 }),
      async (edits) => {
        const uri = `file:///inc-${n++}.txt`;
        let doc = TextDocument.create(uri, 'nianbao', 1, BROKEN_REPORT);
        await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'nianbao', version: 1, text: BROKEN_REPORT } });
        for (const e of edits) {
          const text = doc.getText();
          let start = e.at % (text.length + 1);
          let end = Math.min(text.length, start + e.del);
          // Never cut a surrogate pair (editors don't).
          const low = (i: number) => i < text.length && text.charCodeAt(i) >= 0xdc00 && text.charCodeAt(i) <= 0xdfff;
          if (low(start)) start--;
          if (low(end)) end++;
          const range = { start: doc.positionAt(start), end: doc.positionAt(end) };
          doc = TextDocument.update(doc, [{ range, text: e.text }], doc.version + 1);
          await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: [{ range, text: e.text }] });
        }
        const r: DocumentDiagnosticReport = await conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
        const final = doc.getText();
        const li = new LineIndex(final);
        const expected = check(final).findings.map((f) => `${f.code}@${JSON.stringify(li.positionAt(f.span.start))}`);
        assert.deepEqual(items(r).map((d) => `${d.code}@${JSON.stringify(d.range.start)}`), expected);
        await conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
      },
    ),
    { numRuns: RUNS },
  );
});
