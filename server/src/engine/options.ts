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
  /** Texts longer than this (UTF-16 units) are checked for structure only. */
  maxTableCheckLength?: number;
}

export const DEFAULT_MAX_TABLE_CHECK_LENGTH = 8 * 1024 * 1024;
