// The engine is pure: nothing it reaches — directly or through any file it imports —
// comes from vscode, an LSP package or the file system. The registry test checks each
// engine file's own imports; this one follows the whole import graph with esbuild, so an
// engine file importing a helper outside server/src/engine that pulls in LSP is caught too.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { build } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '../..');

test('the engine import graph reaches no vscode or LSP package and no file outside the engine', async () => {
  const r = await build({
    entryPoints: [resolve(ROOT, 'server/src/engine/index.ts')],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'silent',
    absWorkingDir: ROOT,
  });
  const inputs = Object.keys(r.metafile.inputs);
  assert.ok(inputs.length > 10, String(inputs.length));
  for (const f of inputs) assert.match(f, /^server\/src\/engine\//, f);
  const external = Object.values(r.metafile.inputs).flatMap((i) => i.imports.filter((x) => x.external).map((x) => x.path));
  for (const p of external) assert.doesNotMatch(p, /^(vscode|vscode-languageserver|vscode-languageclient|vscode-jsonrpc)/, p);
});
