// The preview webview's document and messages (client/src/preview/shell.ts, media/preview.js).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { isFromWebview, makeNonce, previewCsp, previewShell } from '../../../client/src/preview/shell.ts';

const shell = () =>
  previewShell({
    cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
    nonce: 'abc123XYZ',
    styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/preview.css',
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/preview.js',
    lang: 'zh',
    loading: '<加载中>',
  });

test('the CSP allows nothing by default, styles from the extension only, and only the nonce\'d script', () => {
  const csp = previewCsp('vscode-resource:', 'N0NCE');
  assert.match(csp, /^default-src 'none';/);
  assert.match(csp, /style-src vscode-resource:;/);
  assert.match(csp, /script-src 'nonce-N0NCE';/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
});

test('the webview document sets the CSP, links media/preview.css and loads media/preview.js with the nonce', () => {
  const html = shell();
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src https:\/\/file\+\.vscode-resource\.vscode-cdn\.net; script-src 'nonce-abc123XYZ';/);
  assert.match(html, /<link rel="stylesheet" href="[^"]+\/media\/preview\.css">/);
  assert.match(html, /<script nonce="abc123XYZ" src="[^"]+\/media\/preview\.js"><\/script>/);
  assert.equal(html.match(/<script/g)!.length, 1, 'no inline script');
  assert.match(html, /&lt;加载中&gt;/);
});

test('nonces are 32 alphanumeric characters', () => {
  const n = makeNonce((k) => Uint8Array.from({ length: k }, (_, i) => i * 7));
  assert.match(n, /^[A-Za-z0-9]{32}$/);
});

test('only well-formed ready and reveal messages from the webview are accepted', () => {
  assert.ok(isFromWebview({ type: 'ready' }));
  assert.ok(isFromWebview({ type: 'reveal', start: 3, end: 5 }));
  assert.ok(!isFromWebview({ type: 'reveal', start: 5, end: 3 }));
  assert.ok(!isFromWebview({ type: 'reveal', start: '3', end: 5 }));
  assert.ok(!isFromWebview({ type: 'run', code: 'x' }));
  assert.ok(!isFromWebview(null));
});

test('the webview script uses no eval, remote URLs or inline handlers, and says ready once loaded', () => {
  const js = readFileSync(new URL('../../../media/preview.js', import.meta.url), 'utf8');
  assert.doesNotMatch(js, /\beval\(|new Function|https?:\/\/|setAttribute\('on/);
  assert.match(js, /postMessage\(\{ type: 'ready' \}\)/);
  assert.match(js, /postMessage\(\{ type: 'reveal', start: sp\[0\], end: sp\[1\] \}\)/);
});
