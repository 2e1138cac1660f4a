// Finding report files below folders — one walker and one skip list for the CLI (folder
// operands, globs, previousReport "auto") and the language server (last year's report,
// "check all reports"), so both see the same files.

import * as fs from 'node:fs';
import * as path from 'node:path';

/** File extensions searched for in folders (a file named explicitly is read whatever its name). */
export const REPORT_EXTENSIONS = ['.txt', '.md'];
/** Folders never searched: tool output and dependencies (hidden folders are skipped too). */
const SKIP_DIRS = new Set(['node_modules', 'dist', 'out', 'build', 'coverage']);
/** Documentation files skipped when walking a folder (they are never reports). */
const SKIP_FILES = /^(readme|changelog|changes|history|license|licence|contributing|code_of_conduct|security)([._-][a-z-]+)?\.(md|txt)$/i;

function isReportFile(p: string, extensions: readonly string[] = REPORT_EXTENSIONS): boolean {
  return extensions.includes(path.extname(p).toLowerCase());
}

export interface WalkOptions {
  /** Extensions to collect (default REPORT_EXTENSIONS). */
  extensions?: readonly string[];
  /** Folder levels below the root to enter (default: unlimited). */
  maxDepth?: number;
  /** Stop after this many files (default: unlimited). */
  maxFiles?: number;
}

/** Whether a folder entry is searched at all (hidden entries and SKIP_DIRS are not). */
function searched(name: string, isDir: boolean): boolean {
  if (name.startsWith('.')) return false;
  return isDir ? !SKIP_DIRS.has(name) : !SKIP_FILES.test(name);
}

/** Report files below `roots`, depth-first in name order (deterministic on every platform). */
export function walkReports(roots: string | readonly string[], options: WalkOptions = {}): string[] {
  const extensions = options.extensions ?? REPORT_EXTENSIONS;
  const maxDepth = options.maxDepth ?? Infinity;
  const maxFiles = options.maxFiles ?? Infinity;
  const out: string[] = [];
  const visit = (dir: string, depth: number) => {
    for (const e of entries(dir)) {
      if (out.length >= maxFiles) return;
      if (!searched(e.name, e.isDirectory())) continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (depth < maxDepth) visit(p, depth + 1);
      } else if (e.isFile() && isReportFile(e.name, extensions)) out.push(p);
    }
  };
  for (const r of typeof roots === 'string' ? [roots] : roots) visit(r, 0);
  return out;
}

function entries(dir: string): fs.Dirent[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return [];
  }
}

export function hasGlobChars(s: string): boolean {
  return /[*?[\]{}]/.test(s);
}

/** Minimal glob: `*`, `?`, `**`, `[...]`, `{a,b}` over paths relative to the base folder; the walker's skip rules apply to folders. */
export function expandGlob(pattern: string, cwd: string): string[] {
  const norm = pattern.replace(/\\/g, '/');
  const parts = norm.split('/');
  const baseParts: string[] = [];
  while (parts.length > 1 && !hasGlobChars(parts[0]!)) baseParts.push(parts.shift()!);
  const base = path.resolve(cwd, baseParts.join('/') || '.');
  const re = globToRegExp(parts.join('/'));
  const out: string[] = [];
  const visit = (dir: string, rel: string) => {
    for (const e of entries(dir)) {
      if (e.name.startsWith('.')) continue;
      const r = rel ? `${rel}/${e.name}` : e.name;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (searched(e.name, true)) visit(p, r);
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
