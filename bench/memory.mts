// Memory soak, part of `npm run bench` (never `npm test`): does the language server keep
// anything per edit? The server runs as shipped (SERVER_NODE_FLAGS, as the VS Code client
// starts it) with bench/heap-probe.mjs preloaded, which collects garbage fully and reports
// the heap after GC and the RSS at the start, the middle and the end of the run.
//
// The workload touches every per-document state: a report whose last year's report is in the
// workspace (carry-over), 1,000 incremental edits inside table 3, each followed by a
// diagnostics pull; every 10th edit also asks for fix-all, quick fixes, hover, symbols and the
// table view; every 100th opens, checks and closes another report.
//
// The run fails (exit 1) when the heap after GC, compiled code aside, grows over the second
// half by more than 2 KB per edit of that half, and at least 1 MB: by then the caches are full
// and the JIT has mostly warmed up, so growth means something is kept per edit. For scale: one
// analysis of the 7 KB report is ~100 KB, its findings alone ~4 KB; run to run the figure
// varies by a few hundred KB either way, however long the run.
//
//   node --import tsx bench/memory.mts [--edits N] [--snapshots] [--node-defaults] [node flags…]
//
// --snapshots writes heap snapshots at the three points (.cache/bench/) and prints the object
// kinds that grew over the second half (writing them inflates the RSS figures); --node-defaults starts the server without
// SERVER_NODE_FLAGS; other `--` arguments are passed to the server's node (e.g.
// --max-old-space-size=24).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { SERVER_NODE_FLAGS } from '../server/src/lsp/launch.ts';
import { renderReport } from '../test/support/reports.ts';

const MAX_GROWTH_PER_EDIT = 2 * 1024;
const MIN_BOUND = 2 ** 20;

const ROOT = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const editsAt = args.indexOf('--edits');
const EDITS = editsAt >= 0 ? Number(args[editsAt + 1]) : 1000;
const snapshots = args.includes('--snapshots');
const nodeFlags = [...(args.includes('--node-defaults') ? [] : SERVER_NODE_FLAGS), ...args.filter((a, i) => a.startsWith('--') && !['--edits', '--snapshots', '--node-defaults'].includes(a) && args[i - 1] !== '--edits')];

const workspace = mkdtempSync(join(os.tmpdir(), 'nianbao-memory-'));
writeFileSync(join(workspace, '2023.txt'), renderReport({ year: 2023 }));
const text = renderReport({ year: 2024 });
const uri = pathToFileURL(join(workspace, '2024.txt')).toString();
writeFileSync(join(workspace, '2024.txt'), text);

const proc = spawn(process.execPath, [...nodeFlags, '--expose-gc', '--import', pathToFileURL(join(ROOT, 'bench/heap-probe.mjs')).toString(), join(ROOT, 'dist/server.js'), '--stdio'], {
  stdio: ['pipe', 'pipe', 'inherit', 'ipc'],
});
const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
conn.onRequest('workspace/configuration', () => [null]);
conn.listen();
await conn.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(workspace).toString(), capabilities: { textDocument: { diagnostic: {} } } });
await conn.sendNotification('initialized', {});
await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'nianbao', version: 1, text } });
await conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });

interface Sample {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  code: number;
  snapshot?: string;
}
const SNAP_DIR = join(ROOT, '.cache/bench');
function sample(label: string): Promise<Sample> {
  if (snapshots) mkdirSync(SNAP_DIR, { recursive: true });
  return new Promise((resolve) => {
    proc.once('message', (s: Sample) => resolve(s));
    proc.send(snapshots ? { type: 'snapshot', path: join(SNAP_DIR, `memory-${label}.heapsnapshot`) } : { type: 'sample' });
  });
}
const mb = (n: number) => n / 2 ** 20;
const data = (s: Sample) => mb(s.heapUsed - s.code);

const lines = text.split('\n');
const line = lines.findIndex((l) => l.startsWith('一、本年新收'));
const ch = lines[line]!.indexOf('\t') + 1;
const at = { line, character: ch };
const samples: [string, Sample][] = [['start', await sample('start')]];
let version = 1;
for (let i = 1; i <= EDITS; i++) {
  // Alternately insert and delete a digit in 一、本年新收's first cell.
  const change = i % 2 === 1 ? { range: { start: at, end: at }, text: '1' } : { range: { start: at, end: { line, character: ch + 1 } }, text: '' };
  await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [change] });
  await conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  if (i % 10 === 0) {
    const doc = { textDocument: { uri } };
    await conn.sendRequest('textDocument/codeAction', { ...doc, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } });
    await conn.sendRequest('textDocument/codeAction', { ...doc, range: { start: at, end: at }, context: { diagnostics: [] } });
    await conn.sendRequest('textDocument/hover', { ...doc, position: at });
    await conn.sendRequest('textDocument/documentSymbol', doc);
    await conn.sendRequest('nianbao/tableView', { uri });
  }
  if (i % 100 === 0) {
    const other = pathToFileURL(join(workspace, `other-${i}.txt`)).toString();
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: other, languageId: 'nianbao', version: 1, text: renderReport({ year: 2024, agency: `某某局${i}` }) } });
    await conn.sendRequest('textDocument/diagnostic', { textDocument: { uri: other } });
    await conn.sendNotification('textDocument/didClose', { textDocument: { uri: other } });
  }
  if (i === Math.floor(EDITS / 2)) samples.push(['middle', await sample('middle')]);
}
samples.push(['end', await sample('end')]);
await conn.sendRequest('shutdown');
await conn.sendNotification('exit');
conn.dispose();
proc.kill();
rmSync(workspace, { recursive: true, force: true });

console.log(`Memory soak: ${EDITS} edits through LSP (dist/server.js ${nodeFlags.join(' ') || '(node defaults)'}), heap after a full GC`);
console.log('           RSS     heap used   of which code   heap reserved');
for (const [label, s] of samples) console.log(`  ${label.padEnd(7)} ${mb(s.rss).toFixed(1).padStart(6)} MB ${mb(s.heapUsed).toFixed(2).padStart(7)} MB ${mb(s.code).toFixed(2).padStart(10)} MB ${mb(s.heapTotal).toFixed(1).padStart(10)} MB`);
const growth = data(samples[2]![1]) - data(samples[1]![1]);
const bound = mb(Math.max(MIN_BOUND, MAX_GROWTH_PER_EDIT * (EDITS - Math.floor(EDITS / 2))));
console.log(`  heap after GC without code, second half: ${growth >= 0 ? '+' : ''}${(growth * 1024).toFixed(0)} KB (bound ${(bound * 1024).toFixed(0)} KB)`);

if (snapshots) {
  const grew = compareSnapshots(samples[1]![1].snapshot!, samples[2]![1].snapshot!);
  console.log('  object kinds that grew over the second half (count, bytes):');
  for (const [kind, count, bytes] of grew.slice(0, 15)) console.log(`    ${String(count).padStart(6)} ${String(bytes).padStart(9)}  ${kind}`);
}

const results = { date: new Date().toISOString(), node: process.version, flags: nodeFlags, edits: EDITS, samples: Object.fromEntries(samples.map(([l, s]) => [l, { rssMB: mb(s.rss), heapUsedMB: mb(s.heapUsed), codeMB: mb(s.code), heapTotalMB: mb(s.heapTotal) }])), secondHalfGrowthMB: growth, boundMB: bound };
mkdirSync(SNAP_DIR, { recursive: true });
writeFileSync(join(SNAP_DIR, 'memory.json'), JSON.stringify(results, null, 2) + '\n');
if (growth > bound) {
  console.error(`FAIL: the heap after GC grew by ${(growth * 1024).toFixed(0)} KB over the second half (bound ${(bound * 1024).toFixed(0)} KB): something is kept per edit. Run with --snapshots to see what.`);
  process.exit(1);
}

/** Objects by kind (V8 type and constructor name) in two heap snapshots: the kinds that grew, by bytes. */
function compareSnapshots(before: string, after: string): [string, number, number][] {
  const count = (file: string) => {
    const s = JSON.parse(readFileSync(file, 'utf8')) as { snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }; nodes: number[]; strings: string[] };
    const fields = s.snapshot.meta.node_fields;
    const [type, name, size] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f)) as [number, number, number];
    const types = s.snapshot.meta.node_types[0];
    const kinds = new Map<string, [number, number]>();
    for (let i = 0; i < s.nodes.length; i += fields.length) {
      const t = types[s.nodes[i + type]!]!;
      const kind = t === 'object' || t === 'closure' ? `${t} ${s.strings[s.nodes[i + name]!]}` : t;
      const k = kinds.get(kind) ?? [0, 0];
      k[0]++;
      k[1] += s.nodes[i + size]!;
      kinds.set(kind, k);
    }
    return kinds;
  };
  const a = count(before);
  const out: [string, number, number][] = [];
  for (const [kind, [n, bytes]] of count(after)) {
    const [n0, bytes0] = a.get(kind) ?? [0, 0];
    if (bytes > bytes0) out.push([kind, n - n0, bytes - bytes0]);
  }
  return out.sort((x, y) => y[2] - x[2]);
}
