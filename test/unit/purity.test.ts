// The engine is pure: nothing it reaches — directly or through any file it imports —
// comes from vscode, an LSP package or the file system. The import graph is followed with
// esbuild from EVERY engine file (not only the façade), so a file the façade does not
// reach yet is held to the same rule. And everything outside the engine enters it through
// engine/index.ts, the façade.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { build } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '../..');

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) out.push(...tsFiles(p));
    else if (/\.m?ts$/.test(n)) out.push(p);
  }
  return out;
}

const engineFiles = tsFiles(join(ROOT, 'server/src/engine'));

test('the import graph of every engine file stays inside the engine and reaches no vscode, LSP or Node I/O package', async () => {
  assert.ok(engineFiles.length > 20, String(engineFiles.length));
  const r = await build({
    entryPoints: engineFiles,
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outdir: 'out',
    logLevel: 'silent',
    absWorkingDir: ROOT,
  });
  const inputs = Object.keys(r.metafile.inputs);
  for (const f of inputs) assert.match(f, /^server\/src\/engine\//, f);
  const external = Object.values(r.metafile.inputs).flatMap((i) => i.imports.filter((x) => x.external).map((x) => x.path));
  for (const p of external) assert.doesNotMatch(p, /^(vscode|vscode-languageserver|vscode-languageclient|vscode-jsonrpc|node:(fs|child_process|net|http))/, p);
});

test('outside the engine, product code imports the engine only through engine/index.ts (and the lazily loaded engine/sources)', () => {
  const dirs = ['server/src', 'client/src', 'web', 'scripts', 'bench'];
  const offenders: string[] = [];
  for (const d of dirs)
    for (const f of tsFiles(join(ROOT, d))) {
      if (f.startsWith(join(ROOT, 'server/src/engine') + '/')) continue;
      const src = readFileSync(f, 'utf8');
      for (const m of src.matchAll(/(?:from|import\()\s*['"]([^'"]*\/engine(?:\/[^'"]*)?)['"]/g)) {
        const spec = m[1]!;
        // engine/sources is the second door: the structured-source readers (pdf.js…) are a
        // bundle of their own, imported only when a web page, Word or PDF file is read.
        if (!/\/engine(\/index(\.ts)?|\/sources(\/index(\.ts)?)?)?$/.test(spec)) offenders.push(`${relative(ROOT, f)}: ${spec}`);
      }
    }
  assert.deepEqual(offenders, []);
});
