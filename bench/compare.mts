// `npm run bench:compare -- <git-ref>`: the engine's check() at another commit against the
// working tree, on the bench's report texts (7 KB, 70 KB, 700 KB). Both engines are bundled
// and minified as shipped and run alternately in one process; each sample is the CPU time of a
// batch of calls, so a busy machine slows both sides alike. Prints the median of the paired
// ratios (now ÷ then): "within 20 %" means a ratio ≤ 1.20.

import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { renderReport } from '../test/support/reports.ts';

const ROOT = resolve(import.meta.dirname, '..');
const ref = process.argv[2];
if (!ref) {
  console.error('usage: npm run bench:compare -- <git-ref>');
  process.exit(2);
}
const sha = execFileSync('git', ['rev-parse', '--short', ref], { cwd: ROOT, encoding: 'utf8' }).trim();
const dir = join(ROOT, '.cache', 'bench', `engine-${sha}`);
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
// The engine is pure (no file system, no editor): its sources alone are enough to bundle it.
execFileSync('sh', ['-c', `git archive ${sha} server/src/engine | tar -x -C "${dir}"`], { cwd: ROOT });

const require = createRequire(import.meta.url);
type Check = (text: string) => unknown;
function bundle(entry: string, out: string): Check {
  buildSync({ entryPoints: [entry], outfile: out, bundle: true, minify: true, platform: 'node', format: 'cjs', target: 'node18', logLevel: 'warning', nodePaths: [join(ROOT, 'node_modules')] });
  return (require(out) as { check: Check }).check;
}
const then = bundle(join(dir, 'server/src/engine/index.ts'), join(dir, 'engine.cjs'));
const now = bundle(join(ROOT, 'server/src/engine/index.ts'), join(ROOT, '.cache', 'bench', 'engine-now.cjs'));

// The bench's texts (bench/run.mts): a realistic ~7 KB report, repeated.
const prose = '本年度，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，持续推进决策、执行、管理、服务、结果公开，不断完善政府信息公开工作机制。';
let base = renderReport({ narrative: `2024年，本机关共收到政府信息公开申请19件，已全部办结。${prose.repeat(12)}` });
while (base.length < 3400) base += prose;
const texts: [string, string, number][] = [
  ['7 KB', base, 50],
  ['70 KB', Array(10).fill(base).join('\n'), 5],
  ['700 KB', Array(100).fill(base).join('\n'), 1],
];

const cpuMs = (f: Check, text: string, n: number) => {
  const c = process.cpuUsage();
  for (let i = 0; i < n; i++) f(text);
  const d = process.cpuUsage(c);
  return (d.user + d.system) / 1000 / n;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

console.log(`check() at ${sha} (then) vs the working tree (now); CPU ms per call, best batch; ratio = median of paired batches`);
for (const [name, text, batch] of texts) {
  for (let i = 0; i < 3; i++) (then(text), now(text));
  const a: number[] = [];
  const b: number[] = [];
  const ratios: number[] = [];
  for (let k = 0; k < 40; k++) {
    const x = cpuMs(then, text, batch);
    const y = cpuMs(now, text, batch);
    a.push(x);
    b.push(y);
    ratios.push(y / x);
  }
  console.log(`${name.padEnd(7)} then ${Math.min(...a).toFixed(2).padStart(7)}  now ${Math.min(...b).toFixed(2).padStart(7)}  ratio ${median(ratios).toFixed(2)}`);
}
