// The offline page's engine side (runs in the Web Worker, pure and unit-tested in Node):
// the open reports, each read and checked by the engine, with edits, fixes and the HTML
// summary. Every answer is a ReportResult the page renders without knowing the engine.
// As `nianbao check a b …` does, reports opened together are paired for carry-over: a body's
// report is checked against the same body's report of the year before, when it is open too.

import {
  applyFix,
  buildGridView,
  checkModel,
  describeLocation,
  fixAll,
  identityOf,
  LIMITS,
  LineIndex,
  localize,
  locate,
  parse,
  reportsPage,
  SOURCE_LIMITS,
  SourceError,
  sourceKindOf,
  type CheckOptions,
  type Finding,
  type Localized,
  type Piece,
  type ReportModel,
} from '../server/src/engine/index';
import { decode, DecodeError } from '../server/src/node/decode';
import type { FindingItem, ReportResult, SourceKind } from './protocol';
import type { CMapSource } from '../server/src/engine/sources';

/** The kind of a file by its name, or null when the page does not read it. */
export function kindOf(name: string): SourceKind | null {
  const structured = sourceKindOf(name);
  if (structured) return structured;
  const ext = /\.([^.\\/]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  return ext === 'txt' || ext === 'md' || ext === 'text' || ext === 'markdown' ? 'text' : null;
}

/** A file the page cannot read, with a message for the user. */
export class UnreadableFile extends Error {
  constructor(readonly reason: Localized) {
    super(reason.en);
  }
}

/**
 * The largest file of a kind the page reads: the engine's limits, as in the CLI and the editor
 * (a text report: LIMITS.fileBytes; a web page, Word file or PDF: SOURCE_LIMITS.maxInputBytes).
 */
function maxBytes(kind: SourceKind): number {
  return kind === 'text' ? LIMITS.fileBytes : SOURCE_LIMITS.maxInputBytes;
}

interface Doc {
  name: string;
  kind: SourceKind;
  text: string;
  version: number;
  model: ReportModel;
  findings: Finding[];
  lines: LineIndex;
  /** Last year's report the findings were checked against (document and its version), if any. */
  previous: { doc: number; version: number } | null;
  /** A structured file's text rendering, piece by piece with where each is in the file. */
  pieces: Piece[] | null;
}

export class Reports {
  private readonly docs = new Map<number, Doc>();

  /** `cmaps`: Adobe's CMaps for PDFs with unembedded Chinese fonts (the page embeds them, web/cmaps.ts). */
  constructor(private readonly options: { cmaps?: CMapSource } = {}) {}

  /** Read a file's bytes by its kind, check it, keep it as document `doc`. */
  async openBytes(doc: number, name: string, bytes: Uint8Array): Promise<ReportResult> {
    const kind = kindOf(name);
    if (!kind) throw new UnreadableFile({ zh: '不支持的文件类型（可用 .docx、.html、.pdf、.txt、.md）', en: 'unsupported file type (use .docx, .html, .pdf, .txt or .md)' });
    const limit = maxBytes(kind);
    if (bytes.length > limit) {
      const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
      throw new UnreadableFile({ zh: `文件过大（${mb(bytes.length)}，上限 ${mb(limit)}）`, en: `file too large (${mb(bytes.length)}, limit ${mb(limit)})` });
    }
    if (kind !== 'text') {
      // The engine's structured readers (HTML, Word, PDF): a text rendering and its model.
      const { readSource } = await import('../server/src/engine/sources');
      try {
        const r = await readSource(kind, bytes, 'markdown', { cmaps: this.options.cmaps });
        return this.store(doc, { name, kind, text: r.rendering.text, version: 0, pieces: r.rendering.pieces }, r.model);
      } catch (e) {
        if (e instanceof SourceError) throw new UnreadableFile(e.userMessage);
        const why = String((e as Error)?.message ?? e).slice(0, 200);
        throw new UnreadableFile({ zh: `无法读取此文件（${why}）`, en: `cannot read this file (${why})` });
      }
    }
    let text: string;
    try {
      text = decode(bytes).text;
    } catch (e) {
      if (!(e instanceof DecodeError)) throw e;
      throw new UnreadableFile({ zh: '二进制文件，不是文本报告', en: 'binary file, not a text report' });
    }
    return this.openText(doc, name, text);
  }

  /** A typed, pasted or decoded text as document `doc`. */
  openText(doc: number, name: string, text: string): ReportResult {
    return this.store(doc, { name, kind: 'text', text, version: 0, pieces: null });
  }

  /** The document's new text (typed in the page): re-checked. */
  edit(doc: number, text: string): ReportResult {
    const d = this.get(doc);
    if (d.kind !== 'text') throw new UnreadableFile({ zh: '只能编辑文本报告', en: 'only text reports can be edited' });
    return this.store(doc, { ...d, text });
  }

  /** Apply one fix of one finding (indexes into the last result's findings) and re-check. */
  applyFix(doc: number, finding: number, fix: number): ReportResult {
    const d = this.get(doc);
    const f = d.findings[finding]?.fixes[fix];
    if (!f || d.kind !== 'text') return this.result(doc, d);
    return this.store(doc, { ...d, text: applyFix(d.text, f) });
  }

  /** Apply every safe fix (the engine's fix-all, in the spec's order) and re-check. */
  fixAll(doc: number): ReportResult {
    const d = this.get(doc);
    if (d.kind !== 'text') return this.result(doc, d);
    return this.store(doc, { ...d, text: fixAll(d.text).text });
  }

  close(doc: number): void {
    this.docs.delete(doc);
    this.changed.delete(doc);
    this.recheck(null);
  }

  /** One self-contained HTML page with the grids and findings of the given documents (as `nianbao summary --format html`). */
  summaryPage(docs: number[], lang: 'zh' | 'en', title?: string): string {
    const locale = lang === 'en' ? 'en' : 'zh-CN';
    const reports = docs
      .map((id) => this.docs.get(id))
      .filter((d): d is Doc => !!d)
      .map((d) => ({
        path: d.name,
        view: this.view(d),
        findings: d.findings.map((f) => ({ line: d.lines.positionAt(f.span.start).line + 1, severity: f.severity, code: f.code, message: localize(f.message, locale) })),
      }));
    return reportsPage(reports, lang, title ? { title } : {});
  }

  private view(d: Doc) {
    return buildGridView(d.model, d.findings, { previous: d.previous ? (this.docs.get(d.previous.doc)?.name ?? null) : null });
  }

  private get(doc: number): Doc {
    const d = this.docs.get(doc);
    if (!d) throw new UnreadableFile({ zh: '文档已关闭', en: 'the document was closed' });
    return d;
  }

  /** Read and check a new text of `doc`; documents whose last year's report changed are re-checked. */
  private store(doc: number, d: { name: string; kind: SourceKind; text: string; version: number; pieces: Piece[] | null }, read?: ReportModel): ReportResult {
    const model = read ?? parse(d.text);
    this.docs.set(doc, { ...d, version: d.version + 1, model, findings: [], lines: new LineIndex(d.text), previous: null });
    this.recheck(doc);
    return this.result(doc, this.docs.get(doc)!);
  }

  /** Results of other documents whose findings changed since they were last taken (carry-over). */
  takeChanged(): ReportResult[] {
    const out = [...this.changed].filter((id) => this.docs.has(id)).map((id) => this.result(id, this.docs.get(id)!));
    this.changed.clear();
    return out;
  }

  private readonly changed = new Set<number>();

  /** Pair the open reports and check every document whose pairing is new, and `doc` in any case. */
  private recheck(doc: number | null): void {
    const ids = [...this.docs.keys()];
    const who = new Map(ids.map((id) => [id, identityOf(this.docs.get(id)!.model)]));
    ids.forEach((id) => {
      const d = this.docs.get(id)!;
      // Last year's report: the same body, the year before; of several, the first opened.
      const self = who.get(id)!;
      const prevId = self.key && self.year !== null ? (ids.find((o) => o !== id && who.get(o)!.key === self.key && who.get(o)!.year === self.year! - 1) ?? null) : null;
      const prev = prevId === null ? null : { doc: prevId, version: this.docs.get(prevId)!.version };
      const same = prev === null ? d.previous === null : d.previous !== null && d.previous.doc === prev.doc && d.previous.version === prev.version;
      if (id !== doc && same) return;
      const options: CheckOptions = prev ? { previous: { model: this.docs.get(prev.doc)!.model, uri: this.docs.get(prev.doc)!.name } } : {};
      this.docs.set(id, { ...d, findings: checkModel(d.model, options), previous: prev });
      if (id !== doc) this.changed.add(id);
    });
  }

  private result(doc: number, d: Doc): ReportResult {
    const findings: FindingItem[] = d.findings.map((f) => {
      const p = d.lines.positionAt(f.span.start);
      const where = d.pieces ? locate(d.pieces, f.span.start) : null;
      return {
        ...(where ? { location: describeLocation(where) } : {}),
        code: f.code,
        severity: f.severity,
        message: f.message,
        span: { start: f.span.start, end: f.span.end },
        line: p.line + 1,
        column: p.character + 1,
        fixes: f.fixes.map((x) => ({ title: x.title, isPreferred: x.isPreferred, safe: x.safe })),
      };
    });
    return {
      doc,
      version: d.version,
      name: d.name,
      kind: d.kind,
      editable: d.kind === 'text',
      text: d.text,
      view: this.view(d),
      findings,
      safeFixes: d.findings.filter((f) => f.fixes.some((x) => x.safe)).length,
    };
  }
}
