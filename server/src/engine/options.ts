// Options the callers (LSP server, CLI) pass to the engine. Plain data, JSON-serialisable
// except `previous`, so that settings and .nianbaorc.json map onto it directly.

import type { SeveritySetting } from './findings';
import type { ReportModel } from './model';

export interface CheckOptions {
  /** Per-code severity overrides: `{ "cell-blank": "off", "row-total": "warning" }`. */
  rules?: Record<string, SeveritySetting>;
  /** Last year's report of the same body, for carry-over (EQ-X-CARRY). */
  previous?: { model: ReportModel; uri?: string } | null;
  /** Local structures (format/sections.ts LOCAL_STRUCTURES ids, e.g. `fee-section`) this
   *  workspace accepts: a report that follows one gets no `section-title` warning for it. */
  localStructures?: string[];
}

/**
 * Size limits, said once for every adapter (CLI, language server, workspace search). A real
 * report is well under 1 MB; anything far larger is not a report, and checking it would only
 * stall the editor.
 */
export const LIMITS = {
  /** Files larger than this (bytes on disk) are not read as reports. */
  fileBytes: 8 * 1024 * 1024,
  /** Of a longer text (UTF-16 code units), only the first this-many are checked. */
  checkChars: 2_000_000,
  /** Workspace search for reports (last year's report, "check all reports"): files and folder depth. */
  workspaceFiles: 3000,
  workspaceDepth: 6,
  /** Last year's reports kept parsed between checks (a long editor session, a CLI run over many
   *  folders): at most this many, holding at most this much text (UTF-16 code units) together;
   *  the one used last is always kept. */
  parsedReports: 8,
  parsedReportChars: 2 * 2_000_000,
} as const;
