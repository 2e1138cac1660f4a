// `npm run bench`: speed and memory, measured (never asserted in tests).
//
// 1. engine check(text) on ~7 KB, 70 KB, 700 KB, 7 MB report texts;
// 2. markdownlint (default rules) on the same texts in the same run — the lint engine a
//    report author in VS Code most likely already runs on every keystroke;
// 3. a lower bound: split into lines + one regex per line;
// 4. through LSP: dist/server.js --stdio (with SERVER_NODE_FLAGS, as the VS Code client starts
//    it), keystroke → diagnostics latency (pull and push), open → first diagnostics, server RSS
//    after open and after 1000 edits;
// 5. structured sources: per-file read time of a web page, a Word document and a PDF (corpus,
//    else a synthetic report), and `nianbao summary` over folders of 1,000 reports, 100 web
//    pages and 40 PDFs, one file after another vs in worker threads;
// 6. package and bundle sizes;
// 7. the memory soak, bench/memory.mts (heap after GC over 1,000 edits): fails the run (exit 1)
//    when the server keeps something per edit.
// Prints a table and writes .cache/bench/results.json (untracked: numbers belong to the
// machine that measured them); `npm run bench -- --save` updates the tracked bench/results.json.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { lint as markdownlint } from 'markdownlint/sync';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { buildSync } from 'esbuild';
import { createRequire } from 'node:module';
import { SERVER_NODE_FLAGS } from '../server/src/lsp/launch.ts';
import { renderReport } from '../test/support/reports.ts';

// Measure the engine as shipped: bundled and minified like dist/server.js (running it from
// the TypeScript sources through tsx adds wrappers that cost a few percent).
const ENGINE_BUNDLE = resolve(import.meta.dirname, '.engine.cjs');
buildSync({ entryPoints: [resolve(import.meta.dirname, '../server/src/engine/index.ts')], outfile: ENGINE_BUNDLE, bundle: true, minify: true, platform: 'node', format: 'cjs', target: 'node18', logLevel: 'warning' });
const { check } = createRequire(import.meta.url)(ENGINE_BUNDLE) as typeof import('../server/src/engine/index.ts');
const ROOT = resolve(import.meta.dirname, '..');
const quick = process.argv.includes('--quick');

// ————— texts —————

function base(): string {
  // A realistic report (~7 KB): the synthetic F2021 report plus narrative of sample length.
  const prose = '本年度，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，持续推进决策、执行、管理、服务、结果公开，不断完善政府信息公开工作机制。';
  let t = renderReport({ narrative: `2024年，本机关共收到政府信息公开申请19件，已全部办结。${prose.repeat(12)}` });
  while (t.length < 3400) t += prose;
  return t;
}
function grow(text: string, targetBytes: number): string {
  const parts: string[] = [];
  let bytes = 0;
  const unit = Buffer.byteLength(text);
  while (bytes < targetBytes) {
    parts.push(text);
    bytes += unit;
  }
  return parts.join('\n');
}

interface Timing {
  median: number;
  p95: number;
  runs: number;
}
function time(fn: () => void, budgetMs: number, minRuns = 5): Timing {
  for (let i = 0; i < 3; i++) fn(); // warm-up
  const samples: number[] = [];
  const until = performance.now() + budgetMs;
  while (samples.length < minRuns || (performance.now() < until && samples.length < 2000)) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)]!, p95: samples[Math.floor(samples.length * 0.95)]!, runs: samples.length };
}

function lowerBound(text: string): number {
  let n = 0;
  const re = /\d+/;
  for (const line of text.split('\n')) if (re.test(line)) n++;
  return n;
}

// ————— LSP —————

async function lspBench(text: string, pull: boolean, edits: number) {
  const server = join(ROOT, 'dist/server.js');
  const proc = spawn(process.execPath, [...SERVER_NODE_FLAGS, server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  let waiter: ((v: unknown) => void) | null = null;
  let lastPush: { version?: number } | null = null;
  conn.onNotification('textDocument/publishDiagnostics', (p: { version?: number }) => {
    lastPush = p;
    if (waiter) {
      const w = waiter;
      waiter = null;
      w(p);
    }
  });
  conn.onRequest('workspace/configuration', () => [null]);
  conn.listen();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: pull ? { textDocument: { diagnostic: {} } } : {} });
  await conn.sendNotification('initialized', {});
  const rss = () => {
    const s = readFileSync(`/proc/${proc.pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(s)![1]) / 1024;
  };
  const uri = 'file:///bench/2024年度报告.txt';
  const diag = async (): Promise<void> => {
    if (pull) await conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    else await new Promise((r) => (waiter = r));
  };
  const t0 = performance.now();
  const first = diag();
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'nianbao', version: 1, text } });
  await first;
  const openMs = performance.now() - t0;
  const rssOpen = rss();
  // Type inside table 3: alternate inserting and deleting a digit in 一、本年新收's first cell.
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.startsWith('一、本年新收'));
  const ch = lines[line]!.indexOf('\t') + 1;
  const lat: number[] = [];
  let version = 1;
  for (let i = 0; i < edits; i++) {
    const insert = i % 2 === 0;
    const change = insert
      ? { range: { start: { line, character: ch }, end: { line, character: ch } }, text: '1' }
      : { range: { start: { line, character: ch }, end: { line, character: ch + 1 } }, text: '' };
    const s = performance.now();
    const done = diag();
    await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [change] });
    await done;
    lat.push(performance.now() - s);
  }
  const rssAfter = rss();
  void lastPush;
  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  conn.dispose();
  proc.kill();
  lat.sort((a, b) => a - b);
  return { openMs, p50: lat[Math.floor(lat.length / 2)]!, p95: lat[Math.floor(lat.length * 0.95)]!, max: lat[lat.length - 1]!, rssOpenMB: rssOpen, rssAfterMB: rssAfter, edits };
}

// ————— run —————

const sizes: [string, number][] = quick ? [['7 KB', 7_000], ['70 KB', 70_000]] : [['7 KB', 7_000], ['70 KB', 70_000], ['700 KB', 700_000], ['7 MB', 7_000_000]];
const b = base();
const rows: Record<string, unknown>[] = [];
console.log('\nEngine (read + all rules) vs markdownlint (default rules) vs lower bound (split + 1 regex/line)\n');
console.log('size      bytes      nianbao median   p95       MB/s     markdownlint median   ratio ml/nb   lower bound');
for (const [label, target] of sizes) {
  const text = target <= 8000 ? b : grow(b, target);
  const bytes = Buffer.byteLength(text);
  const budget = target >= 7_000_000 ? 4000 : 1500;
  const nb = time(() => check(text), budget, target >= 7_000_000 ? 3 : 20);
  const ml = time(() => markdownlint({ strings: { doc: text } }), budget, target >= 7_000_000 ? 2 : 10);
  const lb = time(() => lowerBound(text), budget / 3, 20);
  const mbps = bytes / 1e6 / (nb.median / 1000);
  rows.push({ size: label, bytes, nianbao: nb, markdownlint: ml, lowerBound: lb, mbPerSec: mbps, ratio: ml.median / nb.median });
  console.log(
    `${label.padEnd(9)} ${String(bytes).padEnd(10)} ${nb.median.toFixed(3).padStart(9)} ms ${nb.p95.toFixed(3).padStart(9)} ms ${mbps.toFixed(1).padStart(7)}   ${ml.median.toFixed(3).padStart(12)} ms   ${(ml.median / nb.median).toFixed(1).padStart(8)}×   ${lb.median.toFixed(3).padStart(8)} ms`,
  );
}

// Error localisation: the exact minimal-change search alone, per table with broken relations
// (typical: one or two wrong cells; worst: a table full of errors, which must fall back fast).
const loc = createRequire(import.meta.url)(ENGINE_BUNDLE) as typeof import('../server/src/engine/index.ts');
const everyRowWrong: Record<string, (number | '')[]> = {};
for (const [id, vals] of Object.entries({ R1: [3, 0, 0, 0, 0, 16, 19], R3_1: [2, 0, 0, 0, 0, 16, 18], R3_3_7: [1, 0, 0, 0, 0, 0, 1], R3_7: [3, 0, 0, 0, 0, 16, 19] })) everyRowWrong[id] = [...vals.slice(0, 6), (vals[6] as number) + 7];
const locCases: [string, string][] = [
  ['1 wrong cell (一 总计)', renderReport({ t3: { R1: [3, 0, 0, 0, 0, 16, 20] } })],
  ['2 wrong cells (一 and （七）总计)', renderReport({ t3: { R1: [3, 0, 0, 0, 0, 16, 20], R3_7: [3, 0, 0, 0, 0, 16, 18] } })],
  ['4 wrong totals (a 总计 column left at 0)', renderReport({ t3: { R1: [3, 0, 0, 0, 0, 16, 0], R3_1: [2, 0, 0, 0, 0, 16, 0], R3_3_7: [1, 0, 0, 0, 0, 0, 0], R3_7: [3, 0, 0, 0, 0, 16, 0] } })],
  ['tie: one table-4 total', renderReport({ t4: [3, 0, 0, 0, 4, 18, 5, 1, 0, 24, 7, 0, 0, 0, 7] })],
  ['table full of errors (fallback)', renderReport({ t3: { ...everyRowWrong, R4: [0, 0, 0, 0, 0, 0, 9], R2: [0, 5, 0, 0, 0, 0, 0] } })],
];
const localiseRows: Record<string, unknown>[] = [];
console.log('\nError localisation (exact minimal-change search per table with broken relations): median');
for (const [name, text] of locCases) {
  const comps = loc.localiseModel(loc.parse(text));
  const t = time(() => { for (const c of comps) loc.localise(c.system); }, 500, 50);
  const kinds = comps.map((c) => c.result.kind).join('+');
  localiseRows.push({ case: name, result: kinds, median: t.median, p95: t.p95 });
  console.log(`  ${name.padEnd(40)} ${kinds.padEnd(10)} ${t.median.toFixed(3)} ms (p95 ${t.p95.toFixed(3)})`);
}

// Samples, when available: parse + check time per real export.
const samplesDir = resolve(ROOT, '../shared/samples');
const sampleRows: Record<string, unknown>[] = [];
if (existsSync(samplesDir)) {
  console.log('\nReal samples (../shared/samples): check median');
  for (const f of readdirSync(samplesDir).filter((n) => n.endsWith('.txt')).sort()) {
    const text = readFileSync(join(samplesDir, f), 'utf8');
    const t = time(() => check(text), 500, 50);
    sampleRows.push({ file: f, bytes: Buffer.byteLength(text), median: t.median, p95: t.p95 });
    console.log(`  ${f.padEnd(28)} ${String(Buffer.byteLength(text)).padStart(6)} B  ${t.median.toFixed(3)} ms (p95 ${t.p95.toFixed(3)})`);
  }
}

let lsp: Record<string, unknown> = {};
if (existsSync(join(ROOT, 'dist/server.js'))) {
  console.log('\nThrough LSP (dist/server.js --stdio), 7 KB report, edits inside table 3');
  const pull = await lspBench(b, true, quick ? 200 : 1000);
  const push = await lspBench(b, false, 200);
  lsp = { pull, push };
  const fmt = (x: typeof pull) => `open→diagnostics ${x.openMs.toFixed(1)} ms; keystroke→diagnostics p50 ${x.p50.toFixed(2)} ms, p95 ${x.p95.toFixed(2)} ms, max ${x.max.toFixed(2)} ms; RSS ${x.rssOpenMB.toFixed(1)} MB after open, ${x.rssAfterMB.toFixed(1)} MB after ${x.edits} edits`;
  console.log(`  pull: ${fmt(pull)}`);
  console.log(`  push: ${fmt(push)}`);
} else console.log('\n(dist/server.js missing: run npm run build for the LSP figures)');

// ————— structured sources: web page, Word, PDF (dist/sources.js, as shipped) —————
// Per file: a typical report in each published form — the corpus's reports when ../shared/corpus
// is there, else one synthetic report written by the test writers (reports.ts, structured.ts,
// pdf.ts) read repeatedly. Then `nianbao summary` over folders of many: one after another
// (NIANBAO_WORKERS=0) and in worker threads.
const structured: Record<string, unknown> = {};
const SOURCES = join(ROOT, 'dist/sources.js');
const corpusDir = resolve(ROOT, '../shared/corpus');
if (existsSync(SOURCES)) {
  const sources = createRequire(import.meta.url)(SOURCES) as typeof import('../server/src/engine/sources/index.ts');
  const ids = existsSync(corpusDir) ? readdirSync(corpusDir).filter((d) => existsSync(join(corpusDir, d, 'truth.json'))).sort() : [];
  const { reportToHtml, reportToDocumentXml, docxOf } = await import('../test/support/structured.ts');
  const { reportToPdf } = await import('../test/support/pdf.ts');
  const synthetic = { html: Buffer.from(reportToHtml(b)), docx: Buffer.from(docxOf(reportToDocumentXml(b))), pdf: Buffer.from(reportToPdf(b)) };
  const FORMS = [['page.html', 'html'], ['page.docx', 'docx'], ['print.pdf', 'pdf']] as const;
  /** The files of one form: the corpus's, else the synthetic report 21 times (as many as the corpus). */
  const read = new Map<string, Buffer[]>();
  const filesOf = (form: string, kind: 'html' | 'docx' | 'pdf'): Buffer[] => {
    if (!read.has(form)) read.set(form, ids.length ? ids.map((id) => readFileSync(join(corpusDir, id, form))) : Array.from({ length: 21 }, () => synthetic[kind]));
    return read.get(form)!;
  };
  const from = ids.length ? `${ids.length} corpus reports` : 'a synthetic report (no ../shared/corpus), 21 reads';
  console.log(`\nStructured sources (dist/sources.js): read + render + parse + verify, per file, over ${from}`);
  structured.files = ids.length ? 'corpus' : 'synthetic';
  for (const [form, kind] of FORMS) {
    const files = filesOf(form, kind);
    const times: number[] = [];
    let bytes = 0;
    // The first read of a kind includes loading its reader (pdf.js: parsing ~2 MB of code).
    const t0 = performance.now();
    await sources.readSource(kind, new Uint8Array(files[0]!));
    const first = performance.now() - t0;
    for (const f of files) {
      const data = new Uint8Array(f);
      bytes += data.length;
      const s = performance.now();
      await sources.readSource(kind, data);
      times.push(performance.now() - s);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    const p95 = times[Math.min(times.length - 1, Math.floor(times.length * 0.95))]!;
    structured[kind] = { files: files.length, avgBytes: Math.round(bytes / files.length), firstMs: first, medianMs: median, p95Ms: p95 };
    console.log(`  ${form.padEnd(10)} avg ${(bytes / files.length / 1024).toFixed(0).padStart(4)} KB  first ${first.toFixed(0)} ms  median ${median.toFixed(1)} ms  p95 ${p95.toFixed(1)} ms`);
  }
  // Folders of many: `nianbao summary` one file after another and in worker threads.
  const { mkdtempSync, writeFileSync: wf, rmSync, mkdirSync } = await import('node:fs');
  const dir = mkdtempSync(join(os.tmpdir(), 'nianbao-bench-'));
  const folders: [string, number, (i: number) => [string, string | Buffer]][] = [
    ['txt', quick ? 200 : 1000, (i) => [`r${i}.txt`, renderReport({ agency: `某某局${i}` })]],
    ['html', 100, (i) => [`p${i}.html`, filesOf('page.html', 'html')[i % 21]!]],
    ['pdf', quick ? 10 : 40, (i) => [`p${i}.pdf`, filesOf('print.pdf', 'pdf')[i % 21]!]],
  ];
  const cli = join(ROOT, 'dist/cli.js');
  const wall = (args: string[], env: Record<string, string>) => {
    const s = performance.now();
    const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
    return { ms: performance.now() - s, ok: r.status === 0 || r.status === 1, out: r.stdout };
  };
  // Threads as the CLI chooses them from 3 CPUs on (node/pool.ts), forced so that a 2-CPU machine measures them too.
  const threads = String(Math.max(1, Math.min(os.availableParallelism() - 1, 4)));
  console.log(`  nianbao summary over a folder: one file after another vs ${threads} worker thread(s) (${os.availableParallelism()} CPUs)`);
  const folderRows: Record<string, unknown>[] = [];
  for (const [name, count, make] of folders) {
    mkdirSync(join(dir, name));
    for (let i = 0; i < count; i++) {
      const [file, data] = make(i);
      wf(join(dir, name, file), data);
    }
    const seq = wall(['summary', join(dir, name)], { NIANBAO_WORKERS: '0' });
    const par = wall(['summary', join(dir, name)], { NIANBAO_WORKERS: threads });
    const same = seq.out === par.out;
    folderRows.push({ files: count, kind: name, threads: Number(threads), sequentialMs: seq.ms, workersMs: par.ms, speedup: seq.ms / par.ms, sameOutput: same, ok: seq.ok && par.ok });
    console.log(`    ${String(count).padStart(5)} .${name.padEnd(4)}  ${(seq.ms / 1000).toFixed(2)} s → ${(par.ms / 1000).toFixed(2)} s (${(seq.ms / par.ms).toFixed(2)}×, ${(par.ms / count).toFixed(1)} ms/file)${same ? '' : '  OUTPUT DIFFERS'}`);
  }
  structured.folders = folderRows;
  rmSync(dir, { recursive: true, force: true });
} else console.log('\n(dist/sources.js missing: no structured-source figures)');

const size = (p: string) => (existsSync(join(ROOT, p)) ? statSync(join(ROOT, p)).size : null);
const vsix = readdirSync(ROOT).find((n) => n.endsWith('.vsix'));
const pkg = { vsix: vsix ? { file: vsix, bytes: size(vsix) } : null, client: size('dist/client.js'), server: size('dist/server.js'), cli: size('dist/cli.js'), sources: size('dist/sources.js') };
console.log(`\nPackage: ${vsix ? `${vsix} ${(pkg.vsix!.bytes! / 1024).toFixed(0)} KB` : 'no .vsix (npm run package)'}; dist/client.js ${((pkg.client ?? 0) / 1024).toFixed(0)} KB (loaded on activation), server.js ${((pkg.server ?? 0) / 1024).toFixed(0)} KB, cli.js ${((pkg.cli ?? 0) / 1024).toFixed(0)} KB`);

const results = {
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memGB: Math.round(os.totalmem() / 2 ** 30), platform: `${os.platform()} ${os.release()}` },
  node: process.version,
  engine: rows,
  samples: sampleRows,
  localise: localiseRows,
  lsp,
  structured,
  package: pkg,
};
const out = process.argv.includes('--save') && !quick ? 'bench/results.json' : quick ? '.cache/bench/results.quick.json' : '.cache/bench/results.json';
mkdirSync(join(ROOT, '.cache/bench'), { recursive: true });
writeFileSync(join(ROOT, out), JSON.stringify(results, null, 2) + '\n');
console.log(`\nwrote ${out}`);

// 7. The memory soak (bench/memory.mts): fails the bench when the server keeps something per edit.
console.log('');
const soak = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/memory.mts')], { stdio: 'inherit' });
if (soak.status !== 0) process.exitCode = soak.status ?? 1;
