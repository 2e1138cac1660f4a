// text → report model → findings: the engine's two steps and the check that joins them.

import { sortFindings, type Finding } from './findings';
import type { ReportModel } from './model';
import type { CheckOptions } from './options';
import { parseReport } from './reader/parse';
import { runRules } from './rules/run';

/** Read a report: the model with every section, table, row and cell located. */
export function parse(text: string): ReportModel {
  return parseReport(text);
}

export interface CheckResult {
  model: ReportModel;
  findings: Finding[];
}

/**
 * The model of a text nothing was read from: what an adapter keeps when a check failed
 * (a bug), so that every feature still has a model to look at.
 */
export function emptyModel(text: string): ReportModel {
  return { text, isReport: false, template: { id: 'unknown', byYear: null, byContent: null, markers: [] }, year: null, title: null, sections: [], tables: {} };
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
