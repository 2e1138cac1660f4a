// Input discovery: files, folders (recursively, .txt and .md: node/walk.ts), globs, and `-` (stdin).
// Every problem becomes a one-line InputError; the other inputs are still used.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { SOURCE_EXTENSIONS } from '../engine';
import { expandGlob, hasGlobChars, REPORT_EXTENSIONS, walkReports } from '../node/walk';

/** What the CLI reads in folders: text reports and the published forms (web page, Word, PDF). */
const CLI_EXTENSIONS = [...REPORT_EXTENSIONS, ...SOURCE_EXTENSIONS];

export type Input =
  | { kind: 'file'; path: string; /** found by walking a folder or a glob (not named) */ discovered: boolean }
  | { kind: 'stdin' };

export interface InputError {
  path: string;
  message: { zh: string; en: string };
}

/** Resolve command-line operands into inputs (deduplicated, sorted within a folder). */
export function discoverInputs(args: string[], cwd: string): { inputs: Input[]; errors: InputError[] } {
  const inputs: Input[] = [];
  const errors: InputError[] = [];
  const seen = new Set<string>();
  const add = (p: string, discovered: boolean) => {
    const abs = path.resolve(cwd, p);
    if (seen.has(abs)) return;
    seen.add(abs);
    inputs.push({ kind: 'file', path: abs, discovered });
  };
  for (const arg of args) {
    if (arg === '-') {
      inputs.push({ kind: 'stdin' });
      continue;
    }
    const abs = path.resolve(cwd, arg);
    let st: fs.Stats | null;
    try {
      st = fs.statSync(abs);
    } catch {
      st = null;
    }
    if (st?.isDirectory()) {
      const files = walkReports(abs, { extensions: CLI_EXTENSIONS });
      if (files.length === 0)
        errors.push({ path: arg, message: { zh: '文件夹中没有报告（.txt .md .html .docx .pdf）', en: 'folder contains no reports (.txt .md .html .docx .pdf)' } });
      for (const f of files) add(f, true);
    } else if (st) {
      add(abs, false);
    } else if (hasGlobChars(arg)) {
      const files = expandGlob(arg, cwd);
      if (files.length === 0) errors.push({ path: arg, message: { zh: '没有匹配的文件', en: 'no files match this pattern' } });
      for (const f of files) add(f, true);
    } else {
      errors.push({ path: arg, message: { zh: '文件或文件夹不存在', en: 'no such file or folder' } });
    }
  }
  return { inputs, errors };
}
