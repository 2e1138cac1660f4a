#!/usr/bin/env node
// Bundles the extension client, the language server and the CLI with esbuild, and makes
// the offline page dist/nianbao.html (one self-contained file, see buildPage).
// `--production` minifies (for the .vsix); `--watch` rebuilds on change.
// package.json's "sideEffects" tells esbuild that importing a source module does nothing but
// define things, so a bundle keeps only the engine modules it calls (the client: the blank
// report and the preview's HTML, not the reader and rules). A module that must run on import
// would have to be listed there.
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: true,
  minify: production,
  legalComments: 'none',
  // Chinese strings as UTF-8, not \uXXXX escapes: half the bytes, and the .vsix has a 1 MB budget.
  charset: 'utf8',
  logLevel: 'warning',
};

/**
 * The server's Node runtime (lsp/runtime.ts: stdio/IPC, files on disk) swapped for the
 * browser one (lsp/runtime.browser.ts: postMessage, no file system) in the web bundle.
 */
const browserRuntime = {
  name: 'nianbao-browser-runtime',
  setup(build) {
    build.onResolve({ filter: /\/lsp\/runtime$/ }, (args) => ({ path: join(args.resolveDir, 'lsp', 'runtime.browser.ts') }));
  },
};

/** VS Code for the web: the extension in the web extension host, the server in a Web Worker. */
const web = { platform: 'browser', target: 'es2022', mainFields: ['browser', 'module', 'main'], conditions: ['browser'] };

/**
 * The structured-source readers (web page, Word, PDF — pdf.js is most of the size) are one
 * bundle of their own, dist/sources.js, that the CLI and the extension require only when a
 * .html/.docx/.pdf file is read: `nianbao check report.txt` and activation never load it.
 */
const sourcesExternal = {
  name: 'nianbao-sources-external',
  setup(build) {
    build.onResolve({ filter: /engine\/sources$/ }, () => ({ path: './sources.js', external: true }));
  },
};
const sources = {
  entryPoints: ['server/src/engine/sources/index.ts'],
  outfile: 'dist/sources.js',
  // pdf.js reads import.meta.url only to find optional native canvas packages; in this CommonJS
  // bundle it is undefined and pdf.js carries on without them.
  logOverride: { 'empty-import-meta': 'silent' },
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [sourcesExternal] },
  // The CLI's worker threads for many files (cli/load.ts), started from dist/cli.js.
  { entryPoints: ['server/src/cli/worker.ts'], outfile: 'dist/cli-worker.js', plugins: [sourcesExternal] },
  sources,
  { ...web, entryPoints: ['client/src/web.ts'], outfile: 'dist/web/client.js', format: 'cjs', external: ['vscode'] },
  { ...web, entryPoints: ['server/src/server.ts'], outfile: 'dist/web/server.js', format: 'iife', plugins: [browserRuntime] },
];

/**
 * media/preview.css, the table preview's stylesheet in the webview, is written from the
 * engine's PREVIEW_CSS (engine/view/html.ts): one source for the webview, the HTML
 * summary and the offline page. Not in git; every build writes it.
 */
async function writePreviewCss() {
  const r = await esbuild.build({ entryPoints: [join(ROOT, 'server/src/engine/view/html.ts')], bundle: true, write: false, format: 'esm', platform: 'neutral', logLevel: 'warning' });
  const { PREVIEW_CSS } = await import(`data:text/javascript;base64,${Buffer.from(r.outputFiles[0].text).toString('base64')}`);
  writeFileSync(join(ROOT, 'media/preview.css'), PREVIEW_CSS);
}

/**
 * dist/nianbao.html: the page script (web/page.ts) and the Web Worker (web/worker.ts, the
 * engine) inlined, the grids' stylesheet and the page's own; nothing remote. The worker's
 * code sits in a non-executed <script type="text/plain"> and is started from a blob: URL.
 * The Content-Security-Policy allows exactly the inline script and style (by hash) and
 * blob: workers: no request can leave the page.
 */
async function buildPage() {
  const opts = { bundle: true, platform: 'browser', format: 'iife', target: ['chrome100', 'edge100', 'firefox100', 'safari15'], minify: true, charset: 'utf8', legalComments: 'none', logLevel: 'warning', write: false };
  const [worker, page] = await Promise.all([
    esbuild.build({ ...opts, entryPoints: [join(ROOT, 'web/worker.ts')], plugins: [pageCMaps] }),
    esbuild.build({ ...opts, entryPoints: [join(ROOT, 'web/page.ts')] }),
  ]);
  // Inside <script>, `</script` would end the element; `<\/script` means the same to JavaScript.
  const inline = (js, what) => {
    const out = js.replace(/<\/(script)/gi, '<\\/$1');
    if (/<!--/.test(out)) throw new Error(`build: ${what} contains "<!--", which HTML treats specially inside <script>`);
    return out.trimEnd();
  };
  const workerJs = inline(worker.outputFiles[0].text, 'the worker');
  const pageJs = inline(page.outputFiles[0].text, 'the page script');
  const style = PREVIEW_CSS_TEXT() + readFileSync(join(ROOT, 'web/page.css'), 'utf8');
  const hash = (s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
  const csp = [`default-src 'none'`, `script-src ${hash(pageJs)}`, `style-src ${hash(style)}`, `worker-src blob:`, `img-src data: blob:`, `connect-src 'none'`, `base-uri 'none'`, `form-action 'none'`].join('; ');
  const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
  const fill = { CSP: csp, VERSION: version, STYLE: style, WORKER: workerJs, SCRIPT: pageJs };
  const html = readFileSync(join(ROOT, 'web/page.html'), 'utf8').replace(/\{\{(\w+)\}\}/g, (_, k) => fill[k]);
  const out = join(ROOT, 'dist/nianbao.html');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, html);
}

/**
 * dist/cmaps: Adobe's predefined CMaps for Chinese (the GB set, ≈0.4 MB) from pdfjs-dist, for
 * PDFs whose Chinese font is not embedded (server/src/node/cmaps.ts reads them). Used by the
 * CLI; not in the .vsix (its 1 MB budget), where such a PDF gets a message naming the CLI.
 */
const CMAPS = join(ROOT, 'node_modules/pdfjs-dist/cmaps');
/** The Chinese (GB) CMaps: the encodings of simplified-Chinese fonts and Adobe-GB1 → Unicode. */
const GB_CMAP = /GB.*\.bcmap$/;
/** The horizontal ones only (reports are not set vertically): what the offline page embeds. */
const GB_CMAP_HORIZONTAL = /(GB.*-H|Adobe-GB1-UCS2)\.bcmap$/;

function copyCMaps() {
  const to = join(ROOT, 'dist/cmaps');
  mkdirSync(to, { recursive: true });
  for (const f of readdirSync(CMAPS)) if (GB_CMAP.test(f)) copyFileSync(join(CMAPS, f), join(to, f));
}

/** `import packed from 'nianbao-cmaps'` in web/cmaps.ts: `{ name: base64 }` of the horizontal GB set. */
const pageCMaps = {
  name: 'nianbao-cmaps',
  setup(build) {
    build.onResolve({ filter: /^nianbao-cmaps$/ }, () => ({ path: 'nianbao-cmaps', namespace: 'nianbao-cmaps' }));
    build.onLoad({ filter: /.*/, namespace: 'nianbao-cmaps' }, () => {
      const packed = {};
      for (const f of readdirSync(CMAPS)) if (GB_CMAP_HORIZONTAL.test(f)) packed[f.replace(/\.bcmap$/, '')] = readFileSync(join(CMAPS, f)).toString('base64');
      return { contents: `export default ${JSON.stringify(packed)};`, loader: 'js' };
    });
  },
};

await writePreviewCss();
copyCMaps();
const PREVIEW_CSS_TEXT = () => readFileSync(join(ROOT, 'media/preview.css'), 'utf8');

if (watch) {
  for (const e of entries) {
    const ctx = await esbuild.context({ ...common, ...e });
    await ctx.watch();
  }
  console.log('esbuild: watching…');
} else {
  await Promise.all([...entries.map((e) => esbuild.build({ ...common, ...e })), buildPage()]);
}
