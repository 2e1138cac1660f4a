// The server's runtime in Node (dist/server.js): LSP over stdio or IPC, and the workspace's
// files read from disk. The browser bundle uses lsp/runtime.browser.ts instead.

import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import { ConfigFinder } from '../node/config';
import { readReportFile } from '../node/read';
import type { ServerHost } from './host';
import { PreviousReports, uriToPath } from './previous';

export const connection: Connection = createConnection(ProposedFeatures.all);

const previous = new PreviousReports([]);
const configs = new ConfigFinder();
/** Unreadable config files already reported (reported again after a change). */
const badConfigs = new Set<string>();

export const host: ServerHost = {
  fileSystem: true,
  setWorkspaceFolders: (uris) => previous.setRoots(uris.map(uriToPath).filter((p): p is string => !!p)),
  previousReport: (model, setting, documentUri) => previous.find(model, setting, uriToPath(documentUri)),
  config: (documentUri, problem) => {
    const path = uriToPath(documentUri);
    if (!path) return null;
    try {
      const config = configs.find(dirname(path));
      if (config?.warnings.length && !badConfigs.has(config.file)) {
        badConfigs.add(config.file);
        for (const w of config.warnings) problem(w);
      }
      return config;
    } catch (e) {
      const message = String((e as Error)?.message ?? e);
      if (!badConfigs.has(message)) {
        badConfigs.add(message);
        problem({ zh: `配置文件无法使用，已忽略：${message}`, en: `config file not used: ${message}` });
      }
      return null;
    }
  },
  filesChanged: () => {
    previous.invalidate();
    configs.clear();
    badConfigs.clear();
  },
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
