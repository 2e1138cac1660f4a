// The engine's public API: text → report model → findings (and fixes).
// Pure: no I/O, no editor or protocol types. The LSP server (server.ts) and the CLI
// (cli.ts) are thin adapters over these functions.

import { sortFindings, type Finding } from './findings';
import type { ReportModel } from './model';
import type { CheckOptions } from './options';
import { parseReport } from './reader/parse';
import { runRules } from './rules/run';

export * from './findings';
export * from './model';
export * from './options';
export { LineIndex, type Position } from './text/lineIndex';

/** Read a report: the model with every section, table, row and cell located. */
export function parse(text: string): ReportModel {
  return parseReport(text);
}

export interface CheckResult {
  model: ReportModel;
  findings: Finding[];
}

/** Read and check a report. Findings are sorted by position and deduplicated. */
export function check(text: string, options: CheckOptions = {}): CheckResult {
  const model = parseReport(text);
  return { model, findings: checkModel(model, options) };
}

/** Run every enabled rule over an already parsed model. */
export function checkModel(model: ReportModel, options: CheckOptions = {}): Finding[] {
  return sortFindings(runRules(model, options));
}
