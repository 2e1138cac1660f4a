// The table preview (issue 11): a webview beside the editor showing the report's tables
// 二, 三 and 四 as grids (from the server's model through `getView` — no second parser).
// Clicking a cell selects its text in the editor; the cell under the editor cursor is
// highlighted; edits (debounced) and the active editor are followed. Strict CSP: the
// stylesheet and script come from media/, the script carries a nonce, the HTML holds no
// script. The HTML is rendered here by engine/view/html.ts and posted to the webview.

import * as vscode from 'vscode';
import { viewHtml, type TableGridView } from '../../../server/src/engine/index';
import { isFromWebview, makeNonce, previewShell, type ToWebview } from './shell';

const OPEN_TABLE_PREVIEW_COMMAND = 'nianbao.openTablePreview';
const TABLE_PREVIEW_VIEW_TYPE = 'nianbao.tablePreview';

/**
 * The view of a document, or null when it is not a report / not known to the server.
 * (A `{ view }` wrapper, as a request returning `{ view, html, … }` would give, is accepted too.)
 */
export type GetTableView = (uri: vscode.Uri) => Promise<TableGridView | { view: TableGridView | null } | null | undefined>;

export interface TablePreviewOptions {
  /** Languages the preview follows when the active editor changes (default nianbao, plaintext, markdown). */
  languages?: string[];
  /** Debounce for edits, in ms (default 250). */
  debounceMs?: number;
}

const lang = (): 'zh' | 'en' => (/^zh/i.test(vscode.env.language) ? 'zh' : 'en');
const basename = (uri: vscode.Uri) => uri.path.split('/').pop() ?? uri.toString();

function unwrap(v: Awaited<ReturnType<GetTableView>>): TableGridView | null {
  if (!v) return null;
  if ('view' in v && !('tables' in v)) return v.view ?? null;
  return v as TableGridView;
}

function emptyHtml(text: string): string {
  const esc = text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
  return `<p class="nb-absent">${esc}</p>`;
}

/** Registers the command and the preview's listeners. Returns a disposable (also added to the context). */
export function registerTablePreview(context: vscode.ExtensionContext, getView: GetTableView, options: TablePreviewOptions = {}): vscode.Disposable {
  const languages = options.languages ?? ['nianbao', 'plaintext', 'markdown'];
  const debounceMs = options.debounceMs ?? 250;
  const media = vscode.Uri.joinPath(context.extensionUri, 'media');

  let panel: vscode.WebviewPanel | undefined;
  let doc: vscode.TextDocument | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let seq = 0;
  let ready = false;

  const post = (m: ToWebview) => void panel?.webview.postMessage(m);

  const refresh = async () => {
    if (!panel || !doc || !ready) return;
    const target = doc;
    const mine = ++seq;
    let html: string;
    try {
      const view = unwrap(await getView(target.uri));
      html = view ? viewHtml(view, lang()) : emptyHtml(vscode.l10n.t('This document is not an annual report.'));
    } catch (e) {
      html = emptyHtml(String((e as Error)?.message ?? e));
    }
    // A newer refresh (or another document) superseded this one.
    if (mine !== seq || !panel || doc !== target) return;
    post({ type: 'update', html, uri: target.uri.toString(), version: target.version });
    postHighlight();
  };
  const schedule = (ms = debounceMs) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void refresh(), ms);
  };

  const postHighlight = () => {
    if (!panel || !doc) return;
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === doc);
    post({ type: 'highlight', offset: editor ? doc.offsetAt(editor.selection.active) : null });
  };

  const follow = (d: vscode.TextDocument) => {
    doc = d;
    if (panel) panel.title = vscode.l10n.t('Tables: {0}', basename(d.uri));
  };

  const reveal = async (start: number, end: number) => {
    if (!doc) return;
    const target = doc;
    const n = target.getText().length;
    const range = new vscode.Range(target.positionAt(Math.min(start, n)), target.positionAt(Math.min(end, n)));
    const visible = vscode.window.visibleTextEditors.find((e) => e.document === target);
    const editor = await vscode.window.showTextDocument(target, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: false, selection: range });
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  };

  const createPanel = () =>
    setupPanel(
      vscode.window.createWebviewPanel(
        TABLE_PREVIEW_VIEW_TYPE,
        vscode.l10n.t('Tables: {0}', doc ? basename(doc.uri) : ''),
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: true, localResourceRoots: [media], enableFindWidget: true },
      ),
    );

  /** Fills a new (or restored) panel: the CSP shell, message handling, disposal. */
  const setupPanel = (p: vscode.WebviewPanel) => {
    p.webview.options = { enableScripts: true, localResourceRoots: [media] };
    if (doc) p.title = vscode.l10n.t('Tables: {0}', basename(doc.uri));
    ready = false;
    p.webview.html = previewShell({
      cspSource: p.webview.cspSource,
      nonce: makeNonce((n) => crypto.getRandomValues(new Uint8Array(n))),
      styleUri: p.webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.css')).toString(),
      scriptUri: p.webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.js')).toString(),
      lang: lang(),
      loading: '…',
    });
    p.webview.onDidReceiveMessage((m: unknown) => {
      if (!isFromWebview(m)) return;
      if (m.type === 'ready') {
        ready = true;
        void refresh();
      } else void reveal(m.start, m.end);
    });
    p.onDidDispose(() => {
      if (panel === p) {
        panel = undefined;
        ready = false;
        if (timer) clearTimeout(timer);
      }
    });
    return p;
  };

  const open = async (uri?: vscode.Uri) => {
    const target = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!target) return;
    follow(target);
    if (panel) {
      panel.reveal(vscode.ViewColumn.Beside, true);
      schedule(0);
    } else panel = createPanel(); // refreshes when its script says `ready`
    return panel;
  };

  const same = (d: vscode.TextDocument) => !!doc && d.uri.toString() === doc.uri.toString();
  let highlightTimer: ReturnType<typeof setTimeout> | undefined;

  const disposable = vscode.Disposable.from(
    vscode.commands.registerCommand(OPEN_TABLE_PREVIEW_COMMAND, open),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (panel && same(e.document) && e.contentChanges.length > 0) schedule();
    }),
    vscode.window.onDidChangeActiveTextEditor((e) => {
      if (!panel || !e || !languages.includes(e.document.languageId) || same(e.document)) return;
      follow(e.document);
      schedule(0);
    }),
    vscode.window.onDidChangeTextEditorSelection((e) => {
      if (!panel || !same(e.textEditor.document)) return;
      if (highlightTimer) clearTimeout(highlightTimer);
      highlightTimer = setTimeout(postHighlight, 50);
    }),
    vscode.languages.onDidChangeDiagnostics((e) => {
      // Settings or last year's report changed the findings without an edit here.
      if (panel && doc && e.uris.some((u) => u.toString() === doc!.uri.toString())) schedule();
    }),
    { dispose: () => panel?.dispose() },
    // After a window reload VS Code restores the panel (needs the activation event
    // `onWebviewPanel:nianbao.tablePreview`); media/preview.js saved the document's URI.
    vscode.window.registerWebviewPanelSerializer(TABLE_PREVIEW_VIEW_TYPE, {
      async deserializeWebviewPanel(p: vscode.WebviewPanel, state: unknown) {
        const uri = state && typeof (state as { uri?: unknown }).uri === 'string' ? (state as { uri: string }).uri : null;
        try {
          if (!uri || panel) throw new Error('nothing to restore');
          follow(await vscode.workspace.openTextDocument(vscode.Uri.parse(uri)));
          panel = setupPanel(p);
        } catch {
          p.dispose();
        }
      },
    }),
  );
  context.subscriptions.push(disposable);
  return disposable;
}
