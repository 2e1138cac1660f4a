// Last year's report (carry-over, EQ-X-CARRY): which file is "the same body's report of the
// year before". One answer for the CLI and the language server: both compare the issuing
// body with `agencyKey` (NFKC, no spaces or punctuation), read a candidate's body and year
// the same way (`identify`, from the head of its text), and break ties the same way
// (`pickLastYear`: nearest folder first, then path order).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { identityOf, LIMITS, parse, type Identity, type ReportModel } from '../engine';
import type { Decoded } from './decode';
import { readReportFile } from './read';
import { walkReports } from './walk';

export { agencyKey, identityOf, type Identity } from '../engine';

/** The title and year are at the top: a candidate is identified from this much of its text. */
export const HEAD_CHARS = 4000;

/** A candidate's identity, read from the head of its text (cheap, and the same in every adapter). */
export function identify(text: string): Identity {
  const m = parse(text.length > HEAD_CHARS ? text.slice(0, HEAD_CHARS) : text);
  return m.title ? identityOf(m) : { key: null, year: null };
}

export interface Candidate extends Identity {
  path: string;
}

/**
 * Last year's report for a report at `selfPath` (null: not on disk) among `candidates`: same
 * body, year − 1, not itself; of several, the one in the nearest folder, then the first in
 * path order.
 */
export function pickLastYear<C extends Candidate>(self: Identity & { path: string | null }, candidates: readonly C[]): C | null {
  if (!self.key || self.year === null) return null;
  const hits = candidates.filter((c) => c.key === self.key && c.year === self.year! - 1 && c.path !== self.path);
  if (hits.length <= 1) return hits[0] ?? null;
  const from = self.path ? path.dirname(self.path) : null;
  const distance = (c: C) => (from ? path.relative(from, path.dirname(c.path)).split(path.sep).filter(Boolean).length : 0);
  return [...hits].sort((a, b) => distance(a) - distance(b) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))[0]!;
}

export interface LoadedPrevious extends Decoded {
  path: string;
  model: ReportModel;
}

/** How many parsed reports a ReportFolder keeps, and how much text they may hold together. */
export interface ParsedReportBound {
  reports: number;
  chars: number;
}

/**
 * The report files below some folders (a workspace, a config file's folder), identified for
 * pairing. Reads files only, bounded by LIMITS (files, depth, bytes); the index is kept until
 * `invalidate()`, parsed reports in a small least-recently-used cache (LIMITS.parsedReports,
 * .parsedReportChars) checked against the file's mtime.
 */
export class ReportFolder {
  private index: Candidate[] | null = null;
  private readonly models = new Map<string, { mtime: number } & LoadedPrevious>();
  private modelChars = 0;

  constructor(
    private roots: readonly string[],
    private readonly bound: ParsedReportBound = { reports: LIMITS.parsedReports, chars: LIMITS.parsedReportChars },
  ) {}

  /** The files whose parsed report is kept, least recently used first. */
  parsed(): string[] {
    return [...this.models.keys()];
  }

  setRoots(roots: readonly string[]): void {
    this.roots = roots;
    this.invalidate();
  }

  invalidate(): void {
    this.index = null;
  }

  /** Every report file below the roots (bounded). */
  files(): string[] {
    return walkReports(this.roots, { maxDepth: LIMITS.workspaceDepth, maxFiles: LIMITS.workspaceFiles });
  }

  candidates(): Candidate[] {
    if (this.index) return this.index;
    const out: Candidate[] = [];
    for (const p of this.files()) {
      const r = readReportFile(p);
      if (!r.ok) continue;
      const id = identify(r.text);
      if (id.key && id.year !== null) out.push({ path: p, ...id });
    }
    this.index = out;
    return out;
  }

  /** Last year's report of `model` (at `selfPath`) below the roots, read and parsed; null when none. */
  lastYearOf(model: ReportModel, selfPath: string | null): LoadedPrevious | null {
    const hit = pickLastYear({ ...identityOf(model), path: selfPath }, this.candidates());
    return hit ? this.load(hit.path) : null;
  }

  /** A report file read and parsed (cached while its mtime is unchanged); null when unreadable. */
  load(file: string): LoadedPrevious | null {
    const mtime = fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs;
    if (mtime === undefined) return null;
    const cached = this.models.get(file);
    if (cached && cached.mtime === mtime) {
      this.models.delete(file); // most recently used last
      this.models.set(file, cached);
      return cached;
    }
    this.forget(file);
    const r = readReportFile(file);
    if (!r.ok) return null;
    const entry = { mtime, path: file, text: r.text, encoding: r.encoding, invalid: r.invalid, model: parse(r.text) };
    this.models.set(file, entry);
    this.modelChars += entry.text.length;
    while (this.models.size > 1 && (this.models.size > this.bound.reports || this.modelChars > this.bound.chars)) this.forget(this.models.keys().next().value!);
    return entry;
  }

  private forget(file: string): void {
    const entry = this.models.get(file);
    if (!entry) return;
    this.models.delete(file);
    this.modelChars -= entry.text.length;
  }
}
