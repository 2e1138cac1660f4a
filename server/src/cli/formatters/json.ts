// The stable JSON contract (version 1); docs/cli.md describes every field.

import type { Locale } from '../../engine';
import { jsonFile, type FileResult } from '../results';

export function formatJson(results: FileResult[], lang: Locale): string {
  return JSON.stringify({ version: 1, files: results.map((r) => jsonFile(r, lang)) }, null, 2) + '\n';
}
