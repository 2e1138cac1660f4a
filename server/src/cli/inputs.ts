// Input discovery: files, folders (recursively, .txt and .md), globs, and `-` (stdin).
// Every problem becomes a one-line InputError; the other inputs are still used.

import * as fs from 'node:fs';
import * as path from 'node:path';

export type Input =
  | { kind: 'file'; path: string; /** found by walking a folder or a glob (not named) */ discovered: boolean }
  | { kind: 'stdin' };

export interface InputError {
  path: string;
  message: { zh: string; en: string };
}

/** Text reports, and the structured forms a report is published in (engine/sources). */
export const REPORT_EXTENSIONS = ['.txt', '.md', '.html', '.htm', '.docx', '.pdf'];
const SKIP_DIRS = new Set(['node_modules', '.git', '.vscode-test', 'dist', 'out']);
/** Documentation files skipped when walking a folder (they are never reports). */
const SKIP_FILES = /^(readme|changelog|license|licence|contributing)(\.[a-z-]+)?\.(md|txt)$/i;

export function isReportFile(p: string): boolean {
  return REPORT_EXTENSIONS.includes(path.extname(p).toLowerCase());
}

export function hasGlobChars(s: string): boolean {
  return /[*?[\]{}]/.test(s);
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
    let st: fs.Stats | null = null;
    try {
      st = fs.statSync(abs);
    } catch {
      st = null;
    }
    if (st?.isDirectory()) {
      const files = walk(abs);
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

function walk(dir: string): string[] {
  const out: string[] = [];
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) out.push(...walk(p));
    } else if (e.isFile() && isReportFile(e.name) && !SKIP_FILES.test(e.name)) out.push(p);
  }
  return out;
}

/** Minimal glob: `*`, `?`, `**`, `[...]`, `{a,b}` over paths relative to the base folder. */
export function expandGlob(pattern: string, cwd: string): string[] {
  const norm = pattern.replace(/\\/g, '/');
  const parts = norm.split('/');
  const baseParts: string[] = [];
  while (parts.length > 1 && !hasGlobChars(parts[0]!)) baseParts.push(parts.shift()!);
  const base = path.resolve(cwd, baseParts.join('/') || '.');
  const re = globToRegExp(parts.join('/'));
  const out: string[] = [];
  const visit = (dir: string, rel: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const r = rel ? `${rel}/${e.name}` : e.name;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) visit(p, r);
      } else if (e.isFile() && re.test(r)) out.push(p);
    }
  };
  visit(base, '');
  return out;
}

export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        i++;
        if (glob[i + 1] === '/') {
          i++;
          re += '(?:.*/)?';
        } else re += '.*';
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const j = glob.indexOf(']', i);
      if (j < 0) re += '\\[';
      else {
        re += '[' + glob.slice(i + 1, j).replace(/^!/, '^').replace(/\\/g, '\\\\') + ']';
        i = j;
      }
    } else if (c === '{') {
      const j = glob.indexOf('}', i);
      if (j < 0) re += '\\{';
      else {
        re += '(?:' + glob.slice(i + 1, j).split(',').map(escapeRe).join('|') + ')';
        i = j;
      }
    } else re += escapeRe(c);
  }
  return new RegExp('^' + re + '$');
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
