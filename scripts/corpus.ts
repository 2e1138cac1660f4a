// `npm run corpus`: reads every form of every report in ../shared/corpus (or $NIANBAO_CORPUS)
// and prints, per report and form, cells read right / unreadable / wrong against truth.json,
// noise (warnings and errors truth.json does not explain) and recall (real failures found).
//   --details            also list every wrong cell, noisy finding and missed failure
//   --update-baseline    write the counts to test/corpus/baseline.json (the ratchet of npm test)
//   --report ID          only that report
import * as fs from 'node:fs';
import { BASELINE_FILE, corpusDir, scoreCorpus, toBaseline, type FormScore } from '../test/support/corpus';

const args = process.argv.slice(2);
const dir = corpusDir();
if (!dir) {
  console.error('corpus: ../shared/corpus not found (set NIANBAO_CORPUS)');
  process.exit(2);
}
const only = args.includes('--report') ? args[args.indexOf('--report') + 1] : null;
void (async () => {
const scores = (await scoreCorpus(dir)).filter((s) => !only || s.report === only);

const pad = (v: string | number, n: number) => String(v).padStart(n);
console.log(`${'report'.padEnd(16)} ${'form'.padEnd(13)} ${pad('cells', 5)} ${pad('right', 5)} ${pad('unrd', 4)} ${pad('WRONG', 5)} ${pad('NOISE', 5)} ${pad('found', 7)} ${pad('unrd-f', 6)}`);
for (const s of scores) {
  console.log(`${s.report.padEnd(16)} ${s.form.padEnd(13)} ${pad(s.cells, 5)} ${pad(s.right, 5)} ${pad(s.unreadable, 4)} ${pad(s.wrong, 5)} ${pad(s.noise, 5)} ${pad(`${s.found}/${s.real}`, 7)} ${pad(s.unreadableFindings, 6)}`);
  if (args.includes('--details')) for (const d of s.details) console.log(`    ${d}`);
}
console.log('\nper form:');
const forms = [...new Set(scores.map((s) => s.form))];
const sum = (xs: FormScore[], k: keyof FormScore) => xs.reduce((a, s) => a + (s[k] as number), 0);
console.log(`${'form'.padEnd(13)} ${pad('cells', 6)} ${pad('unrd', 5)} ${pad('WRONG', 5)} ${pad('NOISE', 5)} ${pad('recall', 9)} ${pad('unrd-f', 6)} ${pad('clean', 7)}`);
for (const f of [...forms, 'all']) {
  const xs = f === 'all' ? scores : scores.filter((s) => s.form === f);
  const clean = xs.filter((s) => s.noise === 0 && s.wrong === 0 && s.found === s.real).length;
  console.log(`${f.padEnd(13)} ${pad(sum(xs, 'cells'), 6)} ${pad(sum(xs, 'unreadable'), 5)} ${pad(sum(xs, 'wrong'), 5)} ${pad(sum(xs, 'noise'), 5)} ${pad(`${sum(xs, 'found')}/${sum(xs, 'real')}`, 9)} ${pad(sum(xs, 'unreadableFindings'), 6)} ${pad(`${clean}/${xs.length}`, 7)}`);
}
if (args.includes('--update-baseline')) {
  if (only) {
    console.error('corpus: --update-baseline needs the whole corpus (drop --report)');
    process.exit(2);
  }
  fs.writeFileSync(BASELINE_FILE, JSON.stringify(toBaseline(scores), null, 1) + '\n');
  console.log(`\nbaseline written: ${BASELINE_FILE}`);
}
})();
