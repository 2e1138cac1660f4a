// Runs the registered rules over a model, applying the user's severity settings.
// A rule that throws is a bug; it must not take the others (or the editor) down, so its
// exception is turned into a single `internal-error` finding at the start of the text.
// So is a rule reporting under another rule's code: each rule reports its own code only,
// so that its setting, its documentation and its tests all mean the same findings.

import type { Finding } from '../findings';
import type { ReportModel } from '../model';
import type { CheckOptions } from '../options';
import { rules } from './index';
import type { Rule, RuleContext } from './types';

export function runRules(model: ReportModel, options: CheckOptions, registry: readonly Rule[] = rules): Finding[] {
  const out: Finding[] = [];
  const settings = options.rules ?? {};
  for (const rule of registry) {
    if (settings[rule.code] === 'off') continue;
    const ctx: RuleContext = {
      model,
      options,
      report(f) {
        if (f.code !== rule.code) throw new Error(`reported the code ${f.code}`);
        const setting = settings[f.code];
        if (setting === 'off') return;
        out.push({
          ...f,
          severity: setting ?? f.severity ?? rule.defaultSeverity,
          related: f.related ?? [],
          fixes: f.fixes ?? [],
        });
      },
    };
    try {
      rule.check(ctx);
    } catch (e) {
      out.push({
        code: 'internal-error',
        severity: 'warning',
        span: { start: 0, end: 0 },
        message: {
          zh: `检查规则 ${rule.code} 出错（这是 Nianbao 的缺陷，请报告）：${String(e)}`,
          en: `Rule ${rule.code} failed (a Nianbao bug, please report it): ${String(e)}`,
        },
        related: [],
        fixes: [],
      });
    }
  }
  return out;
}
