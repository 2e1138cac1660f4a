// The rule registry: every rule of spec §9, one declaration each.
// Add a rule by declaring it in its file and listing it here.

import type { Rule } from './types';

export const rules: Rule[] = [];

export function ruleByCode(code: string): Rule | undefined {
  return rules.find((r) => r.code === code);
}
