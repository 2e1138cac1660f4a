// The language server: a thin LSP adapter over the engine (engine/index.ts).
// Transport: `--stdio` (Neovim, Emacs, any LSP client) or Node IPC (the VS Code client);
// in VS Code for the web, postMessage in a Web Worker. The transport and the file-system
// services come from `./lsp/runtime` (Node), which the browser bundle replaces with
// `./lsp/runtime.browser` (scripts/build.mjs): the rest of this file is the same for both.
// Diagnostics: pull (`textDocument/diagnostic`) when the client supports it, push otherwise.

import {
  CodeActionKind,
  DiagnosticSeverity,
  DocumentDiagnosticReportKind,
  SymbolKind,
  TextDocumentSyncKind,
  TextDocuments,
  type CodeAction,
  type Diagnostic,
  type DocumentSymbol,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { buildGridView, checkModel, docsUrl, fixAll, LIMITS, LineIndex, localize, parse, ROW_NOTES, t3Def, TABLE_IDS, tableHeading, type CheckOptions, type Finding, type Locale, type ReportModel, type SeveritySetting } from './engine/index';
import { connection, host } from './lsp/runtime';

const documents = new TextDocuments(TextDocument);

interface Settings {
  enable: boolean;
  detect: boolean;
  rules: Record<string, SeveritySetting>;
  previousReport: string;
  inlayHints: boolean;
}
const DEFAULT_SETTINGS: Settings = { enable: true, detect: true, rules: {}, previousReport: 'auto', inlayHints: false };
let settings: Settings = { ...DEFAULT_SETTINGS };
const fromClient = (s: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...s, rules: s.rules ?? {} });
let locale: Locale = 'zh-CN';
let pullDiagnostics = false;
let configurationCapability = false;

/** Of a longer document (UTF-16 units) only the start is checked, to keep typing responsive. */
const MAX_FULL_CHECK = LIMITS.checkChars;

interface Analysis {
  version: number;
  model: ReportModel;
  findings: Finding[];
  lines: LineIndex;
  /** Last year's report used for carry-over, with its line index for related locations. */
  previous?: { uri: string; lines: LineIndex };
}
const cache = new Map<string, Analysis>();
const warnedLarge = new Set<string>();

const REPORT_LANGUAGE = 'nianbao';

function analyse(doc: TextDocument): Analysis {
  const hit = cache.get(doc.uri);
  if (hit && hit.version === doc.version) return hit;
  const text = doc.getText();
  const options: CheckOptions = { rules: settings.rules };
  if (text.length > MAX_FULL_CHECK && !warnedLarge.has(doc.uri)) {
    warnedLarge.add(doc.uri);
    void connection.sendNotification('window/showMessage', {
      type: 2 /* Warning */,
      message:
      locale === 'en'
        ? `Nianbao: this document is larger than ${MAX_FULL_CHECK / 1_000_000} million characters; only its first ${MAX_FULL_CHECK / 1_000_000} million are checked.`
        : `年报助手：该文档超过 ${MAX_FULL_CHECK / 10_000} 万字符，只检查前 ${MAX_FULL_CHECK / 10_000} 万字符。`,
    });
  }
  let result: { model: ReportModel; findings: Finding[] };
  let prevInfo: Analysis['previous'];
  try {
    const body = text.length > MAX_FULL_CHECK ? text.slice(0, MAX_FULL_CHECK) : text;
    const model = parse(body);
    if (model.isReport && model.year && !settings.rules['carry-over']?.startsWith('off')) {
      const prev = host.previousReport(model, settings.previousReport, doc.uri);
      if (prev) {
        options.previous = { model: prev.model, uri: prev.uri };
        prevInfo = { uri: prev.uri, lines: new LineIndex(prev.text) };
      }
    }
    result = { model, findings: checkModel(model, options) };
    if (text.length > MAX_FULL_CHECK) result.model = { ...result.model, text };
  } catch (e) {
    connection.console.error(`Nianbao: check failed: ${String((e as Error)?.stack ?? e)}`);
    result = { model: { text, isReport: false, template: { id: 'unknown', byYear: null, byContent: null, markers: [] }, year: null, title: null, sections: [], tables: {} }, findings: [] };
  }
  const a: Analysis = { version: doc.version, model: result.model, findings: result.findings, lines: new LineIndex(text), ...(prevInfo ? { previous: prevInfo } : {}) };
  cache.set(doc.uri, a);
  return a;
}

/** Whether a document gets diagnostics at all: our language, or a detected report. */
function applies(doc: TextDocument, a: Analysis): boolean {
  if (!settings.enable) return false;
  if (doc.languageId === REPORT_LANGUAGE) return true;
  return settings.detect && a.model.isReport;
}

const severityMap = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
} as const;

function toRange(li: LineIndex, span: { start: number; end: number }) {
  return { start: li.positionAt(span.start), end: li.positionAt(span.end) };
}

function toDiagnostic(doc: TextDocument, a: Analysis, f: Finding, index: number): Diagnostic {
  return {
    range: toRange(a.lines, f.span),
    severity: severityMap[f.severity],
    code: f.code,
    codeDescription: { href: docsUrl(f.code) },
    source: 'nianbao',
    message: localize(f.message, locale),
    relatedInformation: f.related
      .filter((r) => !r.uri || (a.previous && r.uri === a.previous.uri))
      .map((r) => ({
        location: r.uri ? { uri: r.uri, range: toRange(a.previous!.lines, r.span) } : { uri: doc.uri, range: toRange(a.lines, r.span) },
        message: localize(r.message, locale),
      })),
    data: { version: a.version, index },
  };
}

function diagnosticsFor(doc: TextDocument): Diagnostic[] {
  const a = analyse(doc);
  if (!applies(doc, a)) return [];
  return a.findings.map((f, i) => toDiagnostic(doc, a, f, i));
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const l = params.locale ?? (params.initializationOptions as { locale?: string } | undefined)?.locale ?? 'zh-CN';
  locale = /^zh/i.test(l) ? 'zh-CN' : 'en';
  pullDiagnostics = !!params.capabilities.textDocument?.diagnostic;
  const roots = (params.workspaceFolders ?? []).map((f) => f.uri);
  if (roots.length === 0 && params.rootUri) roots.push(params.rootUri);
  host.setWorkspaceFolders(roots);
  configurationCapability = !!params.capabilities.workspace?.configuration;
  const init = params.initializationOptions as Partial<Settings> | undefined;
  if (init) settings = { ...settings, ...init, rules: { ...settings.rules, ...(init.rules ?? {}) } };
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      documentSymbolProvider: { label: 'Nianbao' },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, 'source.fixAll.nianbao'] },
      foldingRangeProvider: true,
      hoverProvider: true,
      inlayHintProvider: true,
      ...(pullDiagnostics ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false, identifier: 'nianbao' } } : {}),
    },
    serverInfo: { name: 'nianbao', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (configurationCapability) void refreshSettings();
});

async function refreshSettings(): Promise<void> {
  try {
    const s = (await connection.workspace.getConfiguration('nianbao')) as Partial<Settings> | null;
    if (s) settings = fromClient(s);
  } catch {
    /* client without configuration: keep defaults */
  }
  cache.clear();
  if (pullDiagnostics) connection.languages.diagnostics.refresh();
  else for (const d of documents.all()) publish(d);
}

connection.onDidChangeConfiguration((change) => {
  const s = (change.settings as { nianbao?: Partial<Settings> } | undefined)?.nianbao;
  if (s) {
    settings = fromClient(s);
    cache.clear();
    if (pullDiagnostics) connection.languages.diagnostics.refresh();
    else for (const d of documents.all()) publish(d);
  } else if (configurationCapability) void refreshSettings();
});

function publish(doc: TextDocument): void {
  connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: diagnosticsFor(doc) });
}

documents.onDidChangeContent((e) => {
  if (!pullDiagnostics) publish(e.document);
});
documents.onDidSave(() => host.filesChanged());
documents.onDidClose((e) => {
  cache.delete(e.document.uri);
  if (!pullDiagnostics) connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.languages.diagnostics.on((params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
  return { kind: DocumentDiagnosticReportKind.Full, items: diagnosticsFor(doc) };
});

// ————— outline —————

connection.onDocumentSymbol((params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  const a = analyse(doc);
  if (!applies(doc, a)) return [];
  return documentSymbols(a);
});

function documentSymbols(a: Analysis): DocumentSymbol[] {
  const m = a.model;
  const sym = (name: string, span: { start: number; end: number }, sel: { start: number; end: number }, kind: SymbolKind, children: DocumentSymbol[] = []): DocumentSymbol => {
    const range = toRange(a.lines, span);
    const selectionRange = toRange(a.lines, sel);
    return { name: name || '—', kind, range, selectionRange, children };
  };
  const sections: DocumentSymbol[] = m.sections.map((s) => {
    const children: DocumentSymbol[] = s.subHeadings.map((h) => sym(h.label, h.span, h.span, SymbolKind.Namespace));
    for (const id of TABLE_IDS) {
      const t = m.tables[id];
      if (!t || t.span.start < s.span.start || t.span.start >= s.span.end) continue;
      const rows: DocumentSymbol[] = id === 'T3' ? t3Symbols(m, t, sym) : [];
      children.push(sym(localize(tableHeading(id), locale), { start: t.span.start, end: Math.max(t.span.end, t.span.start + 1) }, { start: t.span.start, end: t.span.start }, SymbolKind.Struct, rows));
    }
    children.sort((x, y) => x.range.start.line - y.range.start.line || x.range.start.character - y.range.start.character);
    const end = Math.max(s.span.end, s.heading.span.end);
    return sym(a.model.text.slice(s.heading.span.start, s.heading.span.end).trim(), { start: s.heading.span.start, end }, s.heading.span, SymbolKind.Module, children);
  });
  if (m.title) {
    // The title leads the outline; sections are its children when it comes first.
    const first = m.sections[0];
    if (!first || m.title.span.start < first.heading.span.start) {
      return [sym(m.title.text.replace(/\s+/g, ' ').trim(), { start: m.title.span.start, end: m.text.length }, m.title.span, SymbolKind.File, sections)];
    }
    return [sym(m.title.text.replace(/\s+/g, ' ').trim(), m.title.span, m.title.span, SymbolKind.File), ...sections];
  }
  return sections;
}

/**
 * Table 3 in the outline as the form nests it: 一、二、三（with （一）…（七）, the groups （三）…（六）
 * holding their items）、四. Group rows hold no numbers, so their range is their items'.
 */
function t3Symbols(
  m: ReportModel,
  t: import('./engine/index').Table,
  sym: (name: string, span: { start: number; end: number }, sel: { start: number; end: number }, kind: SymbolKind, children?: DocumentSymbol[]) => DocumentSymbol,
): DocumentSymbol[] {
  const def = t3Def(m);
  const byId = new Map(t.rows.filter((r) => r.labelSpan).map((r) => [r.id, r]));
  const build = (parent: string | undefined): DocumentSymbol[] => {
    const out: DocumentSymbol[] = [];
    for (const d of def.rows.filter((x) => x.parent === parent)) {
      if (d.kind === 'group') {
        const kids = build(d.id);
        if (kids.length === 0) continue;
        const first = kids[0]!;
        const last = kids[kids.length - 1]!;
        const span = { start: spanOf(first).start, end: spanOf(last).end };
        const g = sym(d.label, span, { start: span.start, end: span.start }, SymbolKind.Namespace, kids);
        out.push(g);
      } else {
        const r = byId.get(d.id);
        if (r) out.push(withSpan(sym(r.label.replace(/\s+/g, ' ').trim(), r.labelSpan!, r.labelSpan!, SymbolKind.Field), r.labelSpan!));
      }
    }
    return out;
  };
  return build(undefined);
}

// Document symbols carry ranges; keep the offsets too while building the table-3 tree.
const symSpans = new WeakMap<DocumentSymbol, { start: number; end: number }>();
function withSpan(s: DocumentSymbol, span: { start: number; end: number }): DocumentSymbol {
  symSpans.set(s, span);
  return s;
}
function spanOf(s: DocumentSymbol): { start: number; end: number } {
  const own = symSpans.get(s);
  if (own) return own;
  const kids = s.children ?? [];
  return { start: spanOf(kids[0]!).start, end: spanOf(kids[kids.length - 1]!).end };
}

connection.onFoldingRanges((params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  const a = analyse(doc);
  if (!applies(doc, a)) return [];
  const out: { startLine: number; endLine: number }[] = [];
  for (const s of a.model.sections) {
    const start = a.lines.lineAt(s.heading.span.start);
    let end = a.lines.lineAt(Math.max(s.span.start, s.span.end - 1));
    if (end > start) out.push({ startLine: start, endLine: end });
  }
  for (const t of Object.values(a.model.tables)) {
    if (!t) continue;
    const start = a.lines.lineAt(t.span.start);
    const end = a.lines.lineAt(Math.max(t.span.start, t.span.end - 1));
    if (end > start) out.push({ startLine: start, endLine: end });
  }
  return out;
});

// ————— code actions —————

connection.onCodeAction((params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  const a = analyse(doc);
  if (!applies(doc, a)) return [];
  const only = params.context.only;
  const wantsFixAll = only?.some((k) => k === CodeActionKind.SourceFixAll || k === 'source.fixAll.nianbao' || k === CodeActionKind.Source);
  const actions: CodeAction[] = [];
  if (wantsFixAll) {
    const edits = fixAll(a.model.text, { rules: settings.rules }).edits;
    if (edits.length > 0) {
      actions.push({
        title: locale === 'en' ? 'Fix all safe Nianbao problems' : '修复所有可安全修复的问题（年报助手）',
        kind: 'source.fixAll.nianbao',
        edit: { changes: { [doc.uri]: edits.map((e) => ({ range: toRange(a.lines, e.span), newText: e.newText })) } },
      });
    }
    if (only && !only.some((k) => k.startsWith(CodeActionKind.QuickFix))) return actions;
  }
  const start = a.lines.offsetAt(params.range.start);
  const end = a.lines.offsetAt(params.range.end);
  const diagnostics = diagnosticsFor(doc);
  // Group action: every safe fix inside the table under the cursor, in the spec's order.
  for (const t of Object.values(a.model.tables)) {
    if (!t || start < t.span.start || start > t.span.end) continue;
    const inTable = a.findings.filter((f) => f.span.start >= t.span.start && f.span.end <= t.span.end && f.fixes.some((x) => x.safe));
    if (inTable.length < 2) continue;
    const edits = fixAll(a.model.text, { rules: settings.rules }).edits.filter((e) => e.span.start >= t.span.start && e.span.end <= t.span.end);
    if (edits.length > 1)
      actions.push({
        title: locale === 'en' ? `Fix all totals in this table (${edits.length})` : `修复此表中的所有合计（${edits.length} 处）`,
        kind: CodeActionKind.QuickFix,
        edit: { changes: { [doc.uri]: edits.map((e) => ({ range: toRange(a.lines, e.span), newText: e.newText })) } },
      });
  }
  a.findings.forEach((f, i) => {
    if (f.fixes.length === 0) return;
    if (f.span.end < start || f.span.start > end) return;
    const diag = diagnostics[i];
    for (const fix of f.fixes) {
      actions.push({
        title: localize(fix.title, locale),
        kind: CodeActionKind.QuickFix,
        isPreferred: fix.isPreferred,
        ...(diag ? { diagnostics: [diag] } : {}),
        edit: { changes: { [doc.uri]: fix.edits.map((e) => ({ range: toRange(a.lines, e.span), newText: e.newText })) } },
      });
    }
  });
  return actions;
});

// ————— hover —————

connection.onHover((params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return null;
  const a = analyse(doc);
  if (!applies(doc, a)) return null;
  const at = a.lines.offsetAt(params.position);
  const hits = a.findings.filter((f) => f.span.start <= at && at <= f.span.end && (f.expected !== undefined || f.equation?.operands !== undefined));
  if (hits.length > 0) {
    const lines = hits.map((f) => `**${f.code}** — ${localize(f.message, locale)}`);
    return { contents: { kind: 'markdown', value: lines.join('\n\n') } };
  }
  for (const t of Object.values(a.model.tables)) {
    if (!t) continue;
    for (const r of t.rows) {
      if (r.labelSpan && r.labelSpan.start <= at && at <= r.labelSpan.end && r.templateLabel) {
        const note = r.alignmentNote ? `\n\n${localize(r.alignmentNote, locale)}` : '';
        const rule = ROW_NOTES[r.id] ? `\n\n${localize(ROW_NOTES[r.id]!, locale)}` : '';
        return { contents: { kind: 'markdown', value: `${locale === 'en' ? 'Template label' : '模板标签'}：${r.templateLabel}${rule}${note}` } };
      }
    }
  }
  return null;
});

// ————— inlay hints: the computed value beside a wrong total (setting, off by default) —————

connection.languages.inlayHint.on((params) => {
  if (!settings.inlayHints) return [];
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  const a = analyse(doc);
  if (!applies(doc, a)) return [];
  const from = a.lines.offsetAt(params.range.start);
  const to = a.lines.offsetAt(params.range.end);
  return a.findings
    .filter((f) => typeof f.expected === 'number' && f.span.end >= from && f.span.start <= to && ['row-total', 'result-total', 'review-total', 'litigation-total', 'total-blank'].includes(f.code))
    .map((f) => ({ position: a.lines.positionAt(f.span.end), label: ` = ${f.expected}`, paddingLeft: true, tooltip: localize(f.message, locale) }));
});

// ————— custom requests (client commands, status bar) —————

/**
 * "Check all reports in the workspace": every report file gets its problems published.
 * `available: false` where the server cannot read files (VS Code for the web).
 */
connection.onRequest('nianbao/checkWorkspace', () => {
  if (!host.fileSystem) return { files: 0, reports: 0, available: false };
  let reports = 0;
  let files = 0;
  for (const file of host.workspaceFiles()) {
    files++;
    if (documents.get(file.uri)) continue; // open documents are checked as the user edits them
    const text = file.read();
    if (text === null) continue;
    const doc = TextDocument.create(file.uri, 'plaintext', 0, text);
    const a = analyse(doc);
    cache.delete(file.uri);
    if (!a.model.isReport) continue;
    reports++;
    connection.sendDiagnostics({ uri: file.uri, diagnostics: a.findings.map((f, i) => toDiagnostic(doc, a, f, i)) });
  }
  return { files, reports, available: true };
});

/** The table preview (client/src/preview): the grids of an open report as a view-model. */
connection.onRequest('nianbao/tableView', (params: { uri: string }) => {
  const doc = documents.get(params.uri);
  if (!doc) return null;
  const a = analyse(doc);
  if (!applies(doc, a)) return null;
  return buildGridView(a.model, a.findings, { previous: a.previous ? decodeURIComponent(a.previous.uri.split('/').pop() ?? a.previous.uri) : null });
});

/** The parsed model of an open document (without the text), for "Show parsed model". */
connection.onRequest('nianbao/model', (params: { uri: string }) => {
  const doc = documents.get(params.uri);
  if (!doc) return null;
  const { text: _text, ...rest } = analyse(doc).model;
  void _text;
  return rest;
});

/** Template, year and counts for the status bar. */
connection.onRequest('nianbao/summary', (params: { uri: string }) => {
  const doc = documents.get(params.uri);
  if (!doc) return null;
  const a = analyse(doc);
  if (!applies(doc, a)) return null;
  const count = (sev: string) => a.findings.filter((f) => f.severity === sev).length;
  return { template: a.model.template.id, year: a.model.year?.value ?? null, errors: count('error'), warnings: count('warning') };
});

documents.listen(connection);
connection.listen();
