// Memory soak: 5000 edits through LSP, printing server RSS every 1000. Run with server
// flags to bound the heap, e.g. `node --import tsx bench/memory.mts --max-old-space-size=24`.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { renderReport } from '../test/support/reports.ts';
const flags = process.argv.slice(2);
const proc = spawn(process.execPath, [...flags, new URL('../dist/server.js', import.meta.url).pathname, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
conn.onRequest('workspace/configuration', () => [null]);
conn.listen();
await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { textDocument: { diagnostic: {} } } });
const text = renderReport();
const uri = 'file:///m.txt';
await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'nianbao', version: 1, text } });
const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${proc.pid}/status`, 'utf8'))![1]) / 1024;
const line = text.split('\n').findIndex((l) => l.startsWith('一、本年新收'));
let v = 1;
for (let i = 0; i < 5000; i++) {
  const ins = i % 2 === 0;
  const ch = text.split('\n')[line]!.indexOf('\t') + 1;
  await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++v }, contentChanges: [ins ? { range: { start: { line, character: ch }, end: { line, character: ch } }, text: '1' } : { range: { start: { line, character: ch }, end: { line, character: ch + 1 } }, text: '' }] });
  await conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  if (i % 1000 === 0) console.log(i, rss().toFixed(1), 'MB');
}
console.log('end', rss().toFixed(1), 'MB');
proc.kill(); process.exit(0);
