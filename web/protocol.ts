// Messages between the offline page (web/page.ts, main thread) and its Web Worker
// (web/worker.ts, the engine). Plain data: everything crosses `postMessage`.

import type { Localized, Severity, Span, SourceKind as StructuredKind, TableGridView } from '../server/src/engine/index';

/** How a report came in: typed or pasted text and text files are editable; web pages, Word and PDF files are read by their structure. */
export type SourceKind = 'text' | StructuredKind;

interface FixItem {
  title: Localized;
  isPreferred: boolean;
  safe: boolean;
}

export interface FindingItem {
  code: string;
  severity: Severity;
  message: Localized;
  span: Span;
  /** 1-based line and column of the span's start in the report's text (for a structured file: its text rendering). */
  line: number;
  column: number;
  /** For a web page, Word or PDF file: where the finding is in the file itself (`表3 第5行第2列`, `第2页 …`, `12:5`). */
  location?: Localized;
  fixes: FixItem[];
}

export interface ReportResult {
  doc: number;
  /** Increases with every change of the document; the page drops results older than the one it shows. */
  version: number;
  name: string;
  kind: SourceKind;
  editable: boolean;
  /** The report's text (for structured sources: the text the engine read). */
  text: string;
  view: TableGridView;
  findings: FindingItem[];
  /** How many findings have a safe fix ("fix all" applies them). */
  safeFixes: number;
}

export type ToWorker =
  | { type: 'open'; doc: number; name: string; bytes: ArrayBuffer }
  | { type: 'text'; doc: number; name: string; text: string }
  | { type: 'edit'; doc: number; text: string }
  | { type: 'applyFix'; doc: number; finding: number; fix: number; request: number }
  | { type: 'fixAll'; doc: number; request: number }
  | { type: 'close'; doc: number }
  | { type: 'summaryPage'; docs: number[]; lang: 'zh' | 'en'; title: string };

export type FromWorker =
  /** `request`: the fix this result answers (its text replaces the editor's). */
  | { type: 'result'; result: ReportResult; request?: number }
  | { type: 'error'; doc: number; name: string; message: Localized }
  | { type: 'summaryPage'; html: string };
