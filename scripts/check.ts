// Debug aid: prints the findings for each file (line:col severity code message).
import { readFileSync } from 'node:fs';
import { check, LineIndex } from '../server/src/engine/index.ts';
const minimal = process.argv.includes('--no-info');
for (const f of process.argv.slice(2).filter((a) => !a.startsWith('--'))) {
  const text = readFileSync(f, 'utf8');
  const li = new LineIndex(text);
  const { findings } = check(text);
  console.log(`== ${f}`);
  for (const x of findings) {
    if (minimal && (x.severity === 'info' || x.severity === 'hint')) continue;
    const p = li.positionAt(x.span.start);
    console.log(`  ${p.line + 1}:${p.character + 1} ${x.severity} ${x.code} ${x.message.zh}${x.fixes.length ? ' [fix]' : ''}`);
  }
}
