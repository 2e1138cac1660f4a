// The server's runtime in Node (dist/server.js): LSP over stdio or IPC, and the workspace's
// files read from disk. The browser bundle uses lsp/runtime.browser.ts instead.

import { pathToFileURL } from 'node:url';
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import { readReportFile } from '../node/read';
import type { ServerHost } from './host';
import { PreviousReports, uriToPath } from './previous';

export const connection: Connection = createConnection(ProposedFeatures.all);

const previous = new PreviousReports([]);

export const host: ServerHost = {
  fileSystem: true,
  setWorkspaceFolders: (uris) => previous.setRoots(uris.map(uriToPath).filter((p): p is string => !!p)),
  previousReport: (model, setting, documentUri) => previous.find(model, setting, uriToPath(documentUri)),
  filesChanged: () => previous.invalidate(),
  workspaceFiles: () =>
    previous.files().map((path) => ({
      uri: pathToFileURL(path).toString(),
      read: () => {
        const r = readReportFile(path);
        return r.ok ? r.text : null;
      },
    })),
};

// Never let an exception in a handler take the server down.
process.on('uncaughtException', (e) => connection.console.error(`Nianbao: ${String(e?.stack ?? e)}`));
