// The VS Code extension in VS Code for the web (vscode.dev, github.dev): the language
// server (dist/web/server.js) in a Web Worker. Features that need the file system (checking
// unopened files, last year's report from disk) say so; the rest is the desktop extension's.

import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateOn, deactivate } from './activate';

// The web extension host (itself a worker) has `Worker`; the project's type-check has no DOM lib.
declare const Worker: new (url: string) => object;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  await activateOn(
    {
      schemes: null,
      createClient: (ctx, id, name, options) => {
        const worker = new Worker(vscode.Uri.joinPath(ctx.extensionUri, 'dist', 'web', 'server.js').toString(true));
        return new LanguageClient(id, name, worker, options);
      },
    },
    context,
  );
}

export { deactivate };
