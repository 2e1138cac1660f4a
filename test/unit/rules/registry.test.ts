// Every registered rule, looped over the registry: it has a fixture that triggers its code
// and a near miss that does not; it reports its own code only; and its documentation page
// in docs/rules/ is what the declaration generates (scripts/gen-rule-docs.ts).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { check, parse, rules } from '../../../server/src/engine/index.ts';
import { runRules } from '../../../server/src/engine/rules/run.ts';
import type { Rule } from '../../../server/src/engine/index.ts';
import { ruleDocFiles } from '../../../scripts/gen-rule-docs.ts';
import { CLEAN_REPORT } from '../../support/reports.ts';
import { FIXTURES } from './fixtures.ts';

const ROOT = resolve(import.meta.dirname, '../../..');

test('every registered rule has fixtures, and every fixture a registered rule', () => {
  assert.deepEqual(Object.keys(FIXTURES).sort(), rules.map((r) => r.code).sort());
});

for (const rule of rules) {
  const fixture = FIXTURES[rule.code];
  if (!fixture) continue; // reported by the test above
  test(`${rule.code}: its fixture triggers it, under its own code only`, () => {
    const c = fixture.fails();
    const findings = check(c.text, c.options).findings;
    assert.ok(findings.some((f) => f.code === rule.code), `${rule.code} not reported: ${findings.map((f) => f.code).join(', ')}`);
    assert.ok(!findings.some((f) => f.code === 'internal-error'), 'internal-error');
  });
  test(`${rule.code}: its near miss does not trigger it`, () => {
    const c = fixture.nearMiss();
    const codes = check(c.text, c.options).findings.map((f) => f.code);
    assert.ok(!codes.includes(rule.code), codes.join(', '));
  });
}

const boom: Rule = {
  code: 'boom',
  defaultSeverity: 'error',
  description: { zh: '测试', en: 'test' },
  spec: [],
  docs: { why: '', bad: '', fix: '' },
  check() {
    throw new Error('kaboom');
  },
};

test('a rule that throws becomes one internal-error warning, and the other rules still run', () => {
  const model = parse(CLEAN_REPORT.replace('144.4399', '144.43991'));
  const precision = rules.find((r) => r.code === 'fee-precision')!;
  const out = runRules(model, {}, [boom, precision]);
  assert.deepEqual(out.map((f) => [f.code, f.severity]), [['internal-error', 'warning'], ['fee-precision', 'error']]);
  assert.match(out[0]!.message.en, /Rule boom failed .*kaboom/);
  assert.deepEqual(out[0]!.span, { start: 0, end: 0 });
});

test('a rule reporting under another rule’s code is an internal error, not a finding of that code', () => {
  const impostor: Rule = { ...boom, code: 'impostor', check: (ctx) => ctx.report({ code: 'row-total', span: { start: 0, end: 1 }, message: { zh: 'x', en: 'x' } }) };
  const out = runRules(parse(CLEAN_REPORT), {}, [impostor]);
  assert.deepEqual(out.map((f) => f.code), ['internal-error']);
  assert.match(out[0]!.message.en, /impostor.*row-total/);
});

test('docs/rules is what the rule declarations generate (run scripts/gen-rule-docs.ts after changing a rule)', () => {
  for (const [path, content] of ruleDocFiles()) assert.equal(readFileSync(resolve(ROOT, path), 'utf8'), content, `${path} is stale`);
});
