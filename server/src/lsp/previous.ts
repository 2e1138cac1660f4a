// Finding last year's report for carry-over (setting `nianbao.previousReport`): `auto`
// looks through the workspace for a report of the same issuing body and the previous
// year; a path names the file. Reads files only (never runs or writes anything), bounded
// in the number of files and bytes it looks at, and cached until the workspace changes.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse, type ReportModel } from '../engine/index';
import { decodeReport } from './decode';

interface Candidate {
  path: string;
  agency: string | null;
  year: number | null;
  mtime: number;
}

const MAX_FILES = 3000;
const MAX_DEPTH = 6;
const SKIP = new Set(['node_modules', '.git', '.cache', 'dist', 'out']);

export class PreviousReports {
  private index: Candidate[] | null = null;
  private models = new Map<string, { mtime: number; model: ReportModel; text: string }>();

  constructor(private roots: string[]) {}

  invalidate(): void {
    this.index = null;
  }

  setRoots(roots: string[]): void {
    this.roots = roots;
    this.index = null;
  }

  /** Last year's report for `model`, per the setting (`auto` or a path); null when none. */
  find(model: ReportModel, setting: string, selfPath: string | null): { model: ReportModel; uri: string; text: string } | null {
    if (!model.year) return null;
    if (setting && setting !== 'auto' && setting !== 'off') {
      const p = isAbsolute(setting) ? setting : this.roots.length ? join(this.roots[0]!, setting) : setting;
      return this.load(p);
    }
    if (setting === 'off') return null;
    const agency = model.title?.agency ?? null;
    if (!agency) return null;
    const want = model.year.value - 1;
    const hit = this.candidates().find((c) => c.year === want && c.agency === agency && c.path !== selfPath);
    return hit ? this.load(hit.path) : null;
  }

  private load(path: string): { model: ReportModel; uri: string; text: string } | null {
    try {
      const st = statSync(path);
      const cached = this.models.get(path);
      if (cached && cached.mtime === st.mtimeMs) return { model: cached.model, uri: pathToFileURL(path).toString(), text: cached.text };
      if (st.size > 4 * 1024 * 1024) return null;
      const text = decodeReport(readFileSync(path));
      const m = parse(text);
      this.models.set(path, { mtime: st.mtimeMs, model: m, text });
      return { model: m, uri: pathToFileURL(path).toString(), text };
    } catch {
      return null;
    }
  }

  /** Every .txt/.md file below the workspace folders (bounded), for "check all reports". */
  files(): string[] {
    const out: string[] = [];
    const walk = (dir: string, depth: number) => {
      if (depth > MAX_DEPTH || out.length >= MAX_FILES) return;
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch {
        return;
      }
      for (const n of names) {
        if (SKIP.has(n) || n.startsWith('.')) continue;
        const p = join(dir, n);
        try {
          const st = statSync(p);
          if (st.isDirectory()) walk(p, depth + 1);
          else if (/\.(txt|md)$/i.test(n) && st.size < 8 * 1024 * 1024) out.push(p);
        } catch {
          /* vanished */
        }
      }
    };
    for (const r of this.roots) walk(r, 0);
    return out;
  }

  private candidates(): Candidate[] {
    if (this.index) return this.index;
    const out: Candidate[] = [];
    for (const p of this.files()) {
      if ((statSync(p, { throwIfNoEntry: false })?.size ?? Infinity) > 4 * 1024 * 1024) continue;
      try {
        // The title is near the top: read the head only.
        const head = decodeReport(readFileSync(p)).slice(0, 4000);
        const m = parse(head);
        if (m.title) out.push({ path: p, agency: m.title.agency, year: m.year?.value ?? null, mtime: statSync(p).mtimeMs });
      } catch {
        /* unreadable file: skip */
      }
    }
    this.index = out;
    return out;
  }
}

export function uriToPath(uri: string): string | null {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : null;
  } catch {
    return null;
  }
}
