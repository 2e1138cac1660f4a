// "Nianbao: Open as annual report" for a web page, Word or PDF file: the file is read by its
// structure (engine/sources, a separate bundle loaded on first use, so activation does not pay
// for it) and its text rendering opens beside as an untitled report — checked live, with the
// table preview. The source file is only read, never written.

import * as vscode from 'vscode';
import type * as Sources from '../../server/src/engine/sources/index';

export type SourcesLoader = () => Promise<typeof Sources>;

const KINDS = /\.(html?|xhtml|docx|pdf)$/i;

export function registerOpenAsReport(context: vscode.ExtensionContext, load: SourcesLoader): void {
  const reading = new Set<string>();
  context.subscriptions.push(
    vscode.commands.registerCommand('nianbao.openAsReport', async (arg?: vscode.Uri) => {
      let uri = arg instanceof vscode.Uri ? arg : activeResource();
      if (!uri || !KINDS.test(uri.path)) {
        const picked = await vscode.window.showOpenDialog({
          canSelectMany: false,
          filters: { [vscode.l10n.t('Published reports')]: ['html', 'htm', 'docx', 'pdf'] },
          title: vscode.l10n.t('Open a web page, Word or PDF file as an annual report'),
        });
        uri = picked?.[0];
        if (!uri) return;
      }
      const target = uri;
      // One reading per file at a time: a second request while the first runs (a double click
      // on the menu item) would open the rendering twice.
      if (reading.has(target.toString())) return;
      reading.add(target.toString());
      try {
        const text = await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading {0}…', baseName(target)) },
          async () => {
            const sources = await load();
            const kind = sources.sourceKindOf(target.path);
            if (!kind) throw new Error('unsupported');
            const bytes = await vscode.workspace.fs.readFile(target);
            return sources.renderDocument(await sources.readDocument(kind, bytes)).text;
          },
        );
        // A new untitled report holding the rendering: saving asks where, and writes a new
        // file, never the source. (An untitled URI named after the source made VS Code open the
        // document twice, in the active group and beside it.)
        const doc = await vscode.workspace.openTextDocument({ language: 'nianbao', content: text });
        // Beside the source when an editor is open (a PDF or web page); from the explorer with
        // no editor open, in the first column (Beside would leave that column empty).
        const besideSource = !!vscode.window.tabGroups.activeTabGroup.activeTab;
        const editor = await vscode.window.showTextDocument(doc, { viewColumn: besideSource ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active, preview: false });
        editor.selection = new vscode.Selection(0, 0, 0, 0);
        await vscode.commands.executeCommand('nianbao.openTablePreview');
      } catch (e) {
        const user = (e as { userMessage?: { zh: string; en: string } }).userMessage;
        const zh = vscode.env.language.toLowerCase().startsWith('zh');
        const why = user ? (zh ? user.zh : user.en) : String((e as Error)?.message ?? e);
        void vscode.window.showErrorMessage(vscode.l10n.t('Nianbao cannot read {0}: {1}', baseName(target), why));
      } finally {
        reading.delete(target.toString());
      }
    }),
  );
}

function activeResource(): vscode.Uri | undefined {
  const tab = vscode.window.tabGroups.activeTabGroup.activeTab?.input as { uri?: vscode.Uri } | undefined;
  return tab?.uri ?? vscode.window.activeTextEditor?.document.uri;
}

function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
