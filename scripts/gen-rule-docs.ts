// Writes docs/rules/<code>.md for every registered rule, and docs/rules/README.md, from the
// rules' own declarations (code, severity, description, spec ids, docs). Run:
// node --import tsx scripts/gen-rule-docs.ts — `npm test` fails when the pages are stale.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { rules, type Rule } from '../server/src/engine/index.ts';

/** The documentation page of one rule. */
export function rulePage(r: Rule): string {
  return [
    `# ${r.code}`,
    '',
    `**${r.description.zh}** — ${r.description.en}.`,
    '',
    `Default severity: \`${r.defaultSeverity}\`. Spec: ${r.spec.join(', ')} (\`shared/spec/format.md\`).`,
    '',
    '## Why',
    '',
    r.docs.why,
    '',
    '## Example that fails',
    '',
    '```text',
    r.docs.bad,
    '```',
    '',
    '## Fix',
    '',
    r.docs.fix,
    '',
    '## Turn it off or change its level',
    '',
    '```json',
    `{ "nianbao.rules": { "${r.code}": "off" } }`,
    '```',
    '',
  ].join('\n');
}

/** The index of every rule (docs/rules/README.md). */
export function rulesIndex(all: Rule[]): string {
  const lines = [
    '# Rules',
    '',
    'Every diagnostic Nianbao reports has a stable code. Set any of them to `off`, `hint`, `info`, `warning` or `error` with `nianbao.rules` (editor), `.nianbaorc.json` or `--rule code=level` (CLI).',
    '',
    '| code | default | what |',
    '|---|---|---|',
  ];
  for (const r of all) lines.push(`| [${r.code}](${r.code}.md) | ${r.defaultSeverity} | ${r.description.zh} — ${r.description.en} |`);
  return lines.join('\n') + '\n';
}

/** Every generated file: path (relative to the repository) → content. */
export function ruleDocFiles(all: Rule[] = rules): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of all) out.set(join('docs/rules', `${r.code}.md`), rulePage(r));
  out.set('docs/rules/README.md', rulesIndex(all));
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const files = ruleDocFiles();
  for (const [path, content] of files) writeFileSync(path, content);
  console.log(`wrote ${files.size - 1} rule pages`);
}
