// A rule is declared once: its code, default severity, short description in both
// languages, documentation (why, an example that fails, the fix), and a check over the
// report model. A rule reports findings under its own code only. The registry
// (rules/index.ts) lists every rule; the engine runs them and applies the user's
// severity settings. Rules never throw on odd input: missing pieces of the model mean
// "nothing to check" (or a finding that says so), never an exception.

import type { Finding, Localized, Severity } from '../findings';
import type { ReportModel } from '../model';
import type { CheckOptions } from '../options';

/** A finding as a rule reports it; severity defaults to the rule's (after settings). */
export type Report = Omit<Finding, 'severity' | 'related' | 'fixes'> &
  Partial<Pick<Finding, 'severity' | 'related' | 'fixes'>>;

export interface RuleContext {
  model: ReportModel;
  options: CheckOptions;
  report(finding: Report): void;
}

/** A rule's documentation, the markdownlint way: why it exists, what fails, how to fix it. */
export interface RuleDocs {
  why: string;
  /** A text that triggers the rule. */
  bad: string;
  fix: string;
}

export interface Rule {
  /** Stable kebab-case code (spec §9). */
  code: string;
  defaultSeverity: Severity;
  /** One line: what the rule checks. */
  description: Localized;
  /** Spec ids this rule implements, e.g. ['SEC-1']. */
  spec: string[];
  /** The rule's documentation page (docs/rules/<code>.md is generated from it). */
  docs: RuleDocs;
  check(ctx: RuleContext): void;
}

const DOCS_BASE = 'https://github.com/nianbao/nianbao/blob/main/docs/rules/';
export function docsUrl(code: string): string {
  return `${DOCS_BASE}${code}.md`;
}
