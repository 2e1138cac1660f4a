// The server's runtime in VS Code for the web (dist/web/server.js, a Web Worker): LSP over
// postMessage, and no file system — last year's report from disk and the workspace scan of
// unopened files are unavailable (the README says so); everything on open documents works.

import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import type { Connection } from 'vscode-languageserver';
import type { ServerHost } from './host';

// The worker's global scope (typed loosely: the project's type-check has no WebWorker lib).
type WorkerScope = ConstructorParameters<typeof BrowserMessageReader>[0] & { addEventListener(type: 'error', listener: (e: { message?: string }) => void): void };
const scope = globalThis as unknown as WorkerScope;

export const connection: Connection = createConnection(new BrowserMessageReader(scope), new BrowserMessageWriter(scope));

export const host: ServerHost = {
  fileSystem: false,
  setWorkspaceFolders: () => {},
  previousReport: () => null,
  config: () => null,
  filesChanged: () => {},
  workspaceFiles: () => [],
};

// Never let an exception in a handler take the server down.
scope.addEventListener('error', (e: { message?: string }) => connection.console.error(`Nianbao: ${String(e?.message ?? e)}`));
