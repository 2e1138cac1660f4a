// The table preview's webview document: a strict Content-Security-Policy, the stylesheet
// and the script from media/ (webview resource URIs), and an empty root the script fills
// with the HTML the extension posts. Pure (no vscode import) so it is unit-tested.

export interface ShellOptions {
  /** `webview.cspSource`. */
  cspSource: string;
  /** A fresh random nonce for the script. */
  nonce: string;
  /** `webview.asWebviewUri(media/preview.css)` and `…/preview.js`, as strings. */
  styleUri: string;
  scriptUri: string;
  lang: 'zh' | 'en';
  /** Text shown until the first view arrives. */
  loading: string;
}

/** Escapes for text and double-quoted attributes (a `'` is safe there and keeps the CSP readable). */
const attr = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The CSP of the preview: nothing by default; styles from the extension's media folder; only the nonce'd script. */
export function previewCsp(cspSource: string, nonce: string): string {
  return `default-src 'none'; style-src ${cspSource}; script-src 'nonce-${nonce}'; img-src ${cspSource}; font-src ${cspSource}`;
}

export function previewShell(o: ShellOptions): string {
  return `<!DOCTYPE html>
<html lang="${o.lang === 'en' ? 'en' : 'zh-CN'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${attr(previewCsp(o.cspSource, o.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${attr(o.styleUri)}">
</head>
<body>
<main id="root" aria-live="polite"><p class="nb-absent">${attr(o.loading)}</p></main>
<script nonce="${attr(o.nonce)}" src="${attr(o.scriptUri)}"></script>
</body>
</html>`;
}

/** A nonce: 32 characters from [A-Za-z0-9], from the given random source (crypto in the extension). */
export function makeNonce(random: (n: number) => Uint8Array): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(random(32), (b) => chars[b % chars.length]).join('');
}

/** Messages between the webview script (media/preview.js) and the extension. */
export type FromWebview = { type: 'ready' } | { type: 'reveal'; start: number; end: number };
export type ToWebview = { type: 'update'; html: string; uri: string; version: number } | { type: 'highlight'; offset: number | null };

export function isFromWebview(m: unknown): m is FromWebview {
  if (!m || typeof m !== 'object') return false;
  const x = m as Record<string, unknown>;
  if (x.type === 'ready') return true;
  return x.type === 'reveal' && Number.isInteger(x.start) && Number.isInteger(x.end) && (x.start as number) >= 0 && (x.end as number) >= (x.start as number);
}
