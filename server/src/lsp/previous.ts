// Last year's report for the editor (setting `nianbao.previousReport`): `auto` asks the
// workspace's ReportFolder (node/lastYear.ts — the same search, identity and tie-breaking as
// the CLI); a path names the file; `off` disables carry-over. Reads files only.

import { isAbsolute, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ReportModel } from '../engine/index';
import { ReportFolder } from '../node/lastYear';

export class PreviousReports {
  private readonly folder: ReportFolder;

  constructor(private roots: string[]) {
    this.folder = new ReportFolder(roots);
  }

  invalidate(): void {
    this.folder.invalidate();
  }

  setRoots(roots: string[]): void {
    this.roots = roots;
    this.folder.setRoots(roots);
  }

  /** Last year's report for `model`, per the setting (`auto`, `off` or a path); null when none. */
  find(model: ReportModel, setting: string, selfPath: string | null): { model: ReportModel; uri: string; text: string } | null {
    if (!model.year || setting === 'off') return null;
    const hit =
      setting && setting !== 'auto'
        ? this.folder.load(isAbsolute(setting) ? setting : this.roots.length ? join(this.roots[0]!, setting) : setting)
        : this.folder.lastYearOf(model, selfPath);
    return hit ? { model: hit.model, uri: pathToFileURL(hit.path).toString(), text: hit.text } : null;
  }

  /** Every report file below the workspace folders (bounded), for "check all reports". */
  files(): string[] {
    return this.folder.files();
  }
}

export function uriToPath(uri: string): string | null {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : null;
  } catch {
    return null;
  }
}
