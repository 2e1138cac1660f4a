// One LSP test client for every test under test/lsp: spawns dist/server.js over stdio,
// initialises it with the capabilities a test asks for, answers the server's own requests
// (configuration, registration, refresh), records pushed diagnostics, and offers the
// requests the tests make, typed by the protocol (and by server/src/protocol.ts for the
// custom ones). Requires `npm run build` (npm test runs it first).

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type {
  CodeAction,
  Diagnostic,
  DocumentDiagnosticReport,
  DocumentSymbol,
  FoldingRange,
  Hover,
  InlayHint,
  Position,
  PublishDiagnosticsParams,
  Range,
  ShowMessageParams,
  TextEdit,
} from 'vscode-languageserver-protocol';
import type { RequestMethod, RequestParams, RequestResult } from '../../server/src/protocol.ts';

const SERVER = join(import.meta.dirname, '..', '..', 'dist', 'server.js');
/** For `test(name, { skip }, …)`: the server bundle is missing. */
export const skipUnlessBuilt: false | string = !existsSync(SERVER) && 'run npm run build first';

export interface ClientOptions {
  /** Pull diagnostics (`textDocument/diagnostic`); push otherwise. Default true. */
  pull?: boolean;
  locale?: string;
  /** Workspace folder (file: URI). */
  root?: string;
  /** Answer to `workspace/configuration` for `nianbao` (null: none); read on every request. */
  configuration?: () => unknown;
  inlayHints?: boolean;
}

export interface LspClient {
  conn: MessageConnection;
  proc: ChildProcess;
  /** Every `textDocument/publishDiagnostics` by URI, in arrival order. */
  pushed: Map<string, PublishDiagnosticsParams[]>;
  /** Every `window/showMessage`, in arrival order. */
  messages: ShowMessageParams[];
  open(uri: string, text: string, languageId?: string, version?: number): Promise<void>;
  /** Replace the whole text (a full-document change). */
  change(uri: string, version: number, text: string): Promise<void>;
  close(uri: string): Promise<void>;
  diagnostics(uri: string): Promise<Diagnostic[]>;
  codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]>;
  symbols(uri: string): Promise<DocumentSymbol[]>;
  hover(uri: string, position: Position): Promise<Hover | null>;
  foldingRanges(uri: string): Promise<FoldingRange[]>;
  inlayHints(uri: string, range: Range): Promise<InlayHint[]>;
  /** A custom request (server/src/protocol.ts). */
  request<M extends RequestMethod>(method: M, params: RequestParams<M>): Promise<RequestResult<M>>;
  /** Shut the server down and end the process. */
  shutdown(): Promise<void>;
}

export async function startServer(options: ClientOptions = {}): Promise<LspClient> {
  const pull = options.pull ?? true;
  const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const pushed = new Map<string, PublishDiagnosticsParams[]>();
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    pushed.set(p.uri, [...(pushed.get(p.uri) ?? []), p]);
  });
  const messages: ShowMessageParams[] = [];
  conn.onNotification('window/showMessage', (m: ShowMessageParams) => {
    messages.push(m);
  });
  conn.onRequest('workspace/configuration', () => [options.configuration ? options.configuration() : null]);
  conn.onRequest('workspace/diagnostic/refresh', () => null);
  conn.onRequest('client/registerCapability', () => null);
  conn.listen();
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: options.root ?? null,
    ...(options.root ? { workspaceFolders: [{ uri: options.root, name: 'ws' }] } : {}),
    locale: options.locale ?? 'zh-CN',
    capabilities: {
      textDocument: {
        ...(pull ? { diagnostic: { dynamicRegistration: false } } : {}),
        publishDiagnostics: { relatedInformation: true },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
        ...(options.inlayHints ? { inlayHint: {} } : {}),
      },
      workspace: { configuration: true },
    },
  });
  await conn.sendNotification('initialized', {});
  const doc = (uri: string) => ({ textDocument: { uri } });
  return {
    conn,
    proc,
    pushed,
    messages,
    open: (uri, text, languageId = 'nianbao', version = 1) => conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } }),
    change: (uri, version, text) => conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] }),
    close: (uri) => conn.sendNotification('textDocument/didClose', doc(uri)),
    async diagnostics(uri) {
      const r: DocumentDiagnosticReport = await conn.sendRequest('textDocument/diagnostic', doc(uri));
      return r.kind === 'full' ? r.items : [];
    },
    codeActions: (uri, range, diagnostics, only) => conn.sendRequest('textDocument/codeAction', { ...doc(uri), range, context: { diagnostics, ...(only ? { only } : {}) } }),
    symbols: (uri) => conn.sendRequest('textDocument/documentSymbol', doc(uri)),
    hover: (uri, position) => conn.sendRequest('textDocument/hover', { ...doc(uri), position }),
    foldingRanges: (uri) => conn.sendRequest('textDocument/foldingRange', doc(uri)),
    inlayHints: (uri, range) => conn.sendRequest('textDocument/inlayHint', { ...doc(uri), range }),
    request: (method, params) => conn.sendRequest(method, params),
    async shutdown() {
      try {
        await conn.sendRequest('shutdown');
        await conn.sendNotification('exit');
      } catch {
        /* already gone */
      }
      conn.dispose();
      proc.kill();
    },
  };
}

/** The edits a code action makes to one document (none when it has no edit there). */
export function editsOf(action: CodeAction | undefined, uri: string): TextEdit[] {
  return action?.edit?.changes?.[uri] ?? [];
}

/** The text after applying LSP edits (offsets from `lines`, applied back to front). */
export function applyTextEdits(text: string, edits: TextEdit[], offsetAt: (p: Position) => number): string {
  const sorted = [...edits].sort((a, b) => offsetAt(b.range.start) - offsetAt(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offsetAt(e.range.start)) + e.newText + out.slice(offsetAt(e.range.end));
  return out;
}

/** Polls `fn` until it returns a value (pushed notifications arrive asynchronously). */
export async function waitFor<T>(fn: () => T | undefined, ms = 5000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
