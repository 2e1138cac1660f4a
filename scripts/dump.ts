// Debug aid: prints what the reader sees in a report (sections, T2/T3/T4 values).
import { readFileSync } from 'node:fs';
import { parse } from '../server/src/engine/index.ts';

for (const f of process.argv.slice(2)) {
  const m = parse(readFileSync(f, 'utf8'));
  console.log(`== ${f}: report=${m.isReport} template=${m.template.id} year=${m.year?.value}(${m.year?.source}) title=${m.title?.text} agency=${m.title?.agency}`);
  console.log('   sections: ' + m.sections.map((s) => `${s.heading.numeral.raw}${s.heading.separator}[${s.heading.index}:${s.heading.titleMatch}]@${s.heading.line + 1}`).join(' '));
  for (const id of ['T2', 'T3', 'T4'] as const) {
    const t = m.tables[id];
    if (!t) { console.log(`   ${id}: none`); continue; }
    console.log(`   ${id} layout=${t.layout} missing=${t.missingRows.join(',')} problems=${t.problems.length} hv=${t.headerVariants.map((h) => h.text).join(',')}`);
    for (const r of t.rows) {
      const cells = r.cells.map((c) => (c.state === 'number' ? String(c.value) : c.state === 'blank' ? '·' : c.state === 'absent' ? '_' : c.state === 'invalid' ? `!${c.raw}` : '?')).join(' ');
      console.log(`     ${r.id.padEnd(7)} ${r.alignment.padEnd(13)} ${r.labelMatch.padEnd(7)} ${cells}`);
    }
  }
}
