// The stable JSON contract (version 1); docs/cli.md describes every field. Every input is
// listed: a file that could not be checked (unreadable, binary, not a report…) is an entry
// with an `error` message and no findings, as ESLint lists a file with a fatal parse error.

import { localize, type Locale } from '../../engine';
import type { InputError } from '../inputs';
import { jsonFile, type FileResult } from '../results';

export function formatJson(results: FileResult[], errors: InputError[], lang: Locale): string {
  const failed = errors.map((e) => ({ path: e.path, template: null, year: null, agency: null, error: localize(e.message, lang), findings: [] }));
  return JSON.stringify({ version: 1, files: [...results.map((r) => jsonFile(r, lang)), ...failed] }, null, 2) + '\n';
}
