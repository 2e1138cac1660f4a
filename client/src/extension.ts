// The VS Code extension on the desktop: the bundled language server (dist/server.js) as a
// Node process over IPC. Everything else is shared with VS Code for the web (activate.ts).

import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { SERVER_NODE_FLAGS } from '../../server/src/lsp/launch';
import { activateOn, deactivate } from './activate';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  await activateOn(
    {
      schemes: ['file', 'untitled'],
      // dist/sources.js (html/docx/pdf readers) is its own bundle: required only when used.
      loadSources: async () => require(vscode.Uri.joinPath(context.extensionUri, 'dist', 'sources.js').fsPath),
      createClient: (ctx, id, name, options) => {
        const serverModule = vscode.Uri.joinPath(ctx.extensionUri, 'dist', 'server.js').fsPath;
        const serverOptions: ServerOptions = {
          run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS] } },
          debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6011'] } },
        };
        return new LanguageClient(id, name, serverOptions, options);
      },
    },
    context,
  );
}

export { deactivate };
