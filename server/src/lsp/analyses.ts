// The language server's per-document state, bounded. One analysis per open document — of its
// current version only: the analysis of a newer version replaces the older one, with the
// fix-all computed for it — and nothing about a document once it is closed. Last year's
// report is not held here: the host's folder index keeps a few (node/lastYear.ts), and its
// line index is kept for as long as that report's model is (a WeakMap on the model).

import {
  checkModel,
  emptyModel,
  fixAll,
  LIMITS,
  LineIndex,
  parse,
  type CheckOptions,
  type Finding,
  type FixAllResult,
  type ReportModel,
  type SeveritySetting,
} from '../engine/index';
import type { FileConfig, PreviousReport } from './host';

export interface Analysis {
  version: number;
  model: ReportModel;
  findings: Finding[];
  lines: LineIndex;
  /** Last year's report used for carry-over, with its line index for related locations. */
  previous?: { uri: string; lines: LineIndex };
  /** The rule settings it was checked with (its fix-all uses the same). */
  rules: Record<string, SeveritySetting>;
  /** Fix-all of this version, computed on first use (code actions ask for it repeatedly). */
  fixed?: FixAllResult;
}

/** The settings a check of one document uses. */
export interface CheckSettings {
  rules: Record<string, SeveritySetting>;
  localStructures: string[];
  /** `auto`, `off` or a path. */
  previousReport: string;
}

/**
 * The editor's settings over the document's .nianbaorc.json: the file sets the workspace's
 * defaults, an editor setting that is set wins — a `nianbao.rules` entry over the file's entry
 * for the same code, `nianbao.previousReport` unless `auto` — and local structures add up.
 */
export function withConfig<S extends CheckSettings>(settings: S, config: FileConfig | null): S {
  if (!config) return settings;
  return {
    ...settings,
    rules: { ...config.rules, ...settings.rules },
    localStructures: [...new Set([...config.localStructures, ...settings.localStructures])],
    previousReport: settings.previousReport === 'auto' && config.previousReport ? config.previousReport : settings.previousReport,
  };
}

/** What analysing needs from the server: the settings in force for a document and last year's report. */
export interface AnalysisContext {
  settings(uri: string): CheckSettings;
  previousReport(model: ReportModel, setting: string, documentUri: string): PreviousReport | null;
  /** An open document is longer than what is checked (`LIMITS.checkChars`): said once per opening. */
  tooLarge(uri: string): void;
  /** A check threw (a bug): the document gets no findings, the log gets the stack. */
  failed(error: unknown): void;
}

/** A document as the server sees it (vscode-languageserver's TextDocument fits). */
export interface VersionedText {
  readonly uri: string;
  readonly version: number;
  getText(): string;
}

export class Analyses {
  private readonly byUri = new Map<string, Analysis>();
  /** Open documents already told that only their start is checked. */
  private readonly warnedLarge = new Set<string>();
  private readonly previousLines = new WeakMap<ReportModel, LineIndex>();

  constructor(private readonly context: AnalysisContext) {}

  /** The analysis of the document's current version (made once per version, kept until the next one or didClose). */
  of(doc: VersionedText): Analysis {
    const hit = this.byUri.get(doc.uri);
    if (hit && hit.version === doc.version) return hit;
    const a = this.analyse(doc, true);
    this.byUri.set(doc.uri, a);
    return a;
  }

  /** An analysis that is not kept (a workspace file that is not open). */
  once(doc: VersionedText): Analysis {
    return this.analyse(doc, false);
  }

  /** The fix-all of an analysis, computed on first use. */
  fixed(a: Analysis): FixAllResult {
    a.fixed ??= fixAll(a.model.text, { rules: a.rules });
    return a.fixed;
  }

  /** didClose: forget everything about the document. */
  close(uri: string): void {
    this.byUri.delete(uri);
    this.warnedLarge.delete(uri);
  }

  /** The settings changed: every analysis is stale. */
  clear(): void {
    this.byUri.clear();
  }

  /** The documents anything is held for (one entry each, whatever their version). */
  held(): string[] {
    return [...new Set([...this.byUri.keys(), ...this.warnedLarge])];
  }

  private analyse(doc: VersionedText, open: boolean): Analysis {
    const text = doc.getText();
    const settings = this.context.settings(doc.uri);
    const options: CheckOptions = { rules: settings.rules, localStructures: settings.localStructures };
    const tooLarge = text.length > LIMITS.checkChars;
    if (tooLarge && open && !this.warnedLarge.has(doc.uri)) {
      this.warnedLarge.add(doc.uri);
      this.context.tooLarge(doc.uri);
    }
    let result: { model: ReportModel; findings: Finding[] };
    let previous: Analysis['previous'];
    try {
      const model = parse(tooLarge ? text.slice(0, LIMITS.checkChars) : text);
      if (model.isReport && model.year && !settings.rules['carry-over']?.startsWith('off')) {
        const prev = this.context.previousReport(model, settings.previousReport, doc.uri);
        if (prev) {
          options.previous = { model: prev.model, uri: prev.uri };
          previous = { uri: prev.uri, lines: this.linesOf(prev) };
        }
      }
      result = { model, findings: checkModel(model, options) };
      if (tooLarge) result.model = { ...result.model, text };
    } catch (e) {
      this.context.failed(e);
      result = { model: emptyModel(text), findings: [] };
    }
    return { version: doc.version, model: result.model, findings: result.findings, lines: new LineIndex(text), rules: settings.rules, ...(previous ? { previous } : {}) };
  }

  /** Last year's line index, made once per loaded report rather than once per keystroke. */
  private linesOf(prev: PreviousReport): LineIndex {
    let lines = this.previousLines.get(prev.model);
    if (!lines) this.previousLines.set(prev.model, (lines = new LineIndex(prev.text)));
    return lines;
  }
}
