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
import {
  buildGridView,
  docsUrl,
  fixAllAction,
  foldingRanges,
  hoverAt,
  inlayHints,
  LIMITS,
  LineIndex,
  localize,
  outline,
  quickFixes,
  type ActionInfo,
  type Finding,
  type Locale,
  type Localized,
  type OutlineKind,
  type OutlineNode,
  type SeveritySetting,
  type Span,
} from './engine/index';
import { Analyses, withConfig, type Analysis } from './lsp/analyses';
import { connection, host } from './lsp/runtime';
import { REQUESTS, type RequestMethod, type RequestParams, type RequestResult } from './protocol';

const documents = new TextDocuments(TextDocument);

interface Settings {
  enable: boolean;
  detect: boolean;
  rules: Record<string, SeveritySetting>;
  previousReport: string;
  inlayHints: boolean;
  /** Local section structures accepted (format/sections.ts LOCAL_STRUCTURES ids). */
  localStructures: string[];
}
const DEFAULT_SETTINGS: Settings = { enable: true, detect: true, rules: {}, previousReport: 'auto', inlayHints: false, localStructures: [] };
let settings: Settings = { ...DEFAULT_SETTINGS };
const fromClient = (s: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...s, rules: s.rules ?? {}, localStructures: Array.isArray(s.localStructures) ? s.localStructures : [] });
let locale: Locale = 'zh-CN';
let pullDiagnostics = false;
let configurationCapability = false;

/** Said once per problem (an invalid .nianbaorc.json, an unknown key in it). */
const configProblem = (message: Localized) =>
  void connection.sendNotification('window/showMessage', { type: 2 /* Warning */, message: `${locale === 'en' ? 'Nianbao' : '年报助手'}: ${localize(message, locale)}` });

const analyses = new Analyses({
  settings: (uri) => withConfig(settings, host.config(uri, configProblem)),
  previousReport: (model, setting, uri) => host.previousReport(model, setting, uri),
  tooLarge: () =>
    void connection.sendNotification('window/showMessage', {
      type: 2 /* Warning */,
      message:
        locale === 'en'
          ? `Nianbao: this document is larger than ${LIMITS.checkChars / 1_000_000} million characters; only its first ${LIMITS.checkChars / 1_000_000} million are checked.`
          : `年报助手：该文档超过 ${LIMITS.checkChars / 10_000} 万字符，只检查前 ${LIMITS.checkChars / 10_000} 万字符。`,
    }),
  failed: (e) => connection.console.error(`Nianbao: check failed: ${String((e as Error)?.stack ?? e)}`),
});
const analyse = (doc: TextDocument): Analysis => analyses.of(doc);

const REPORT_LANGUAGE = 'nianbao';

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

function toRange(li: LineIndex, span: Span) {
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
  analyses.clear();
  if (pullDiagnostics) connection.languages.diagnostics.refresh();
  else for (const d of documents.all()) publish(d);
}

connection.onDidChangeConfiguration((change) => {
  const s = (change.settings as { nianbao?: Partial<Settings> } | undefined)?.nianbao;
  if (s) {
    settings = fromClient(s);
    analyses.clear();
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
// .nianbaorc.json created, changed or deleted (the client watches it): every check may change.
connection.onDidChangeWatchedFiles(() => {
  host.filesChanged();
  analyses.clear();
  if (pullDiagnostics) connection.languages.diagnostics.refresh();
  else for (const d of documents.all()) publish(d);
});
documents.onDidClose((e) => {
  analyses.close(e.document.uri);
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

const SYMBOL_KINDS: Record<OutlineKind, SymbolKind> = {
  title: SymbolKind.File,
  section: SymbolKind.Module,
  subheading: SymbolKind.Namespace,
  table: SymbolKind.Struct,
  group: SymbolKind.Namespace,
  row: SymbolKind.Field,
};

function documentSymbols(a: Analysis): DocumentSymbol[] {
  const toSymbol = (n: OutlineNode): DocumentSymbol => ({
    name: n.name,
    kind: SYMBOL_KINDS[n.kind],
    range: toRange(a.lines, n.span),
    selectionRange: toRange(a.lines, n.selection),
    children: n.children.map(toSymbol),
  });
  return outline(a.model, locale).map(toSymbol);
}

connection.onFoldingRanges((params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  const a = analyse(doc);
  if (!applies(doc, a)) return [];
  return foldingRanges(a.model, a.lines);
});

// ————— code actions —————

connection.onCodeAction((params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  const a = analyse(doc);
  if (!applies(doc, a)) return [];
  const only = params.context.only;
  const wantsFixAll = only?.some((k) => k === CodeActionKind.SourceFixAll || k === 'source.fixAll.nianbao' || k === CodeActionKind.Source);
  const toAction = (x: ActionInfo, diagnostics?: Diagnostic[]): CodeAction => ({
    title: localize(x.title, locale),
    kind: x.kind === 'fixAll' ? 'source.fixAll.nianbao' : CodeActionKind.QuickFix,
    ...(x.isPreferred !== undefined ? { isPreferred: x.isPreferred } : {}),
    ...(x.finding !== undefined && diagnostics?.[x.finding] ? { diagnostics: [diagnostics[x.finding]!] } : {}),
    edit: { changes: { [doc.uri]: x.edits.map((e) => ({ range: toRange(a.lines, e.span), newText: e.newText })) } },
  });
  const actions: CodeAction[] = [];
  if (wantsFixAll) {
    const all = fixAllAction(analyses.fixed(a));
    if (all) actions.push(toAction(all));
    if (only && !only.some((k) => k.startsWith(CodeActionKind.QuickFix))) return actions;
  }
  const range = { start: a.lines.offsetAt(params.range.start), end: a.lines.offsetAt(params.range.end) };
  const diagnostics = diagnosticsFor(doc);
  for (const x of quickFixes(a.model, a.findings, range, () => analyses.fixed(a))) actions.push(toAction(x, diagnostics));
  return actions;
});

// ————— hover —————

connection.onHover((params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return null;
  const a = analyse(doc);
  if (!applies(doc, a)) return null;
  const h = hoverAt(a.model, a.findings, a.lines.offsetAt(params.position));
  return h ? { contents: { kind: 'markdown', value: localize(h.markdown, locale) } } : null;
});

// ————— inlay hints: the computed value beside a wrong total (setting, off by default) —————

connection.languages.inlayHint.on((params) => {
  if (!settings.inlayHints) return [];
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  const a = analyse(doc);
  if (!applies(doc, a)) return [];
  const hints = inlayHints(a.findings, a.lines.offsetAt(params.range.start), a.lines.offsetAt(params.range.end));
  return hints.map((h) => ({ position: a.lines.positionAt(h.offset), label: h.label, paddingLeft: true, tooltip: localize(h.tooltip, locale) }));
});

// ————— custom requests (client commands, status bar) —————

/**
 * "Check all reports in the workspace": every report file gets its problems published.
 * `available: false` where the server cannot read files (VS Code for the web).
 */
/** A custom request handler, typed by the shared protocol (server/src/protocol.ts). */
function onRequest<M extends RequestMethod>(method: M, handler: (params: RequestParams<M>) => RequestResult<M>): void {
  connection.onRequest(method, (params: RequestParams<M>) => handler(params) as unknown);
}

onRequest(REQUESTS.checkWorkspace, () => {
  if (!host.fileSystem) return { files: 0, reports: 0, available: false };
  let reports = 0;
  let files = 0;
  for (const file of host.workspaceFiles()) {
    files++;
    if (documents.get(file.uri)) continue; // open documents are checked as the user edits them
    const text = file.read();
    if (text === null) continue;
    const doc = TextDocument.create(file.uri, 'plaintext', 0, text);
    const a = analyses.once(doc);
    if (!a.model.isReport) continue;
    reports++;
    connection.sendDiagnostics({ uri: file.uri, diagnostics: a.findings.map((f, i) => toDiagnostic(doc, a, f, i)) });
  }
  return { files, reports, available: true };
});

/** The table preview (client/src/preview): the grids of an open report as a view-model. */
onRequest(REQUESTS.tableView, (params) => {
  const doc = documents.get(params.uri);
  if (!doc) return null;
  const a = analyse(doc);
  if (!applies(doc, a)) return null;
  return buildGridView(a.model, a.findings, { previous: a.previous ? decodeURIComponent(a.previous.uri.split('/').pop() ?? a.previous.uri) : null });
});

/** The parsed model of an open document (without the text), for "Show parsed model". */
onRequest(REQUESTS.model, (params) => {
  const doc = documents.get(params.uri);
  if (!doc) return null;
  const { text: _text, ...rest } = analyse(doc).model;
  void _text;
  return rest;
});

/** Template, year and counts for the status bar. */
onRequest(REQUESTS.summary, (params) => {
  const doc = documents.get(params.uri);
  if (!doc) return null;
  const a = analyse(doc);
  if (!applies(doc, a)) return null;
  const count = (sev: string) => a.findings.filter((f) => f.severity === sev).length;
  return { template: a.model.template.id, year: a.model.year?.value ?? null, errors: count('error'), warnings: count('warning') };
});

documents.listen(connection);
connection.listen();
