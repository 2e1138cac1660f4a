import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { unifiedDiff } from '../../../server/src/cli/diff';
import { discoverInputs } from '../../../server/src/cli/inputs';
import { globToRegExp } from '../../../server/src/node/walk';
import { fixture, json, run, tempDir } from './helpers';

const names = (dir: string, args: string[]) =>
  discoverInputs(args, dir).inputs.map((i) => (i.kind === 'file' ? path.relative(dir, i.path).split(path.sep).join('/') : '-'));

test('a folder is searched recursively for .txt, .md, .html, .docx and .pdf, skipping hidden folders, node_modules and READMEs', () => {
  const dir = tempDir({ 'a.txt': 'x', 'sub/b.md': 'x', 'sub/c.pdf': 'x', 'sub/d.docx': 'x', 'sub/e.htm': 'x', 'sub/f.png': 'x', '.hidden/d.txt': 'x', 'node_modules/e.txt': 'x', 'README.md': 'x' });
  assert.deepEqual(names(dir, ['.']), ['a.txt', 'sub/b.md', 'sub/c.pdf', 'sub/d.docx', 'sub/e.htm']);
});

test('globs expand *, ** and {a,b} relative to the working folder', () => {
  const dir = tempDir({ 'r/2020/a.txt': 'x', 'r/2021/b.txt': 'x', 'r/2021/c.md': 'x', 'r/x.txt': 'x' });
  assert.deepEqual(names(dir, ['r/**/*.txt']), ['r/2020/a.txt', 'r/2021/b.txt', 'r/x.txt']);
  assert.deepEqual(names(dir, ['r/*/*.{txt,md}']), ['r/2020/a.txt', 'r/2021/b.txt', 'r/2021/c.md']);
  assert.ok(globToRegExp('*.txt').test('a.txt') && !globToRegExp('*.txt').test('d/a.txt'));
});

test('a glob that matches nothing is an input error', () => {
  const dir = tempDir({ 'a.txt': 'x' });
  assert.equal(discoverInputs(['*.md'], dir).errors.length, 1);
});

test('a file named twice is checked once', async () => {
  const dir = tempDir({ 'a.txt': fixture('clean-2021.txt') });
  const out = json(await run(['check', 'a.txt', './a.txt', '.', '--format', 'json'], { cwd: dir }));
  assert.equal(out.files.length, 1);
});

test('a named file is checked whatever its extension', async () => {
  const dir = tempDir({ 'report.text': fixture('errors-2021.txt') });
  assert.equal((await run(['check', 'report.text'], { cwd: dir })).code, 1);
});

test('unifiedDiff: one hunk with three lines of context and correct line numbers', () => {
  const a = ['1', '2', '3', '4', '5', '6', '7', '8', '9'].join('\n') + '\n';
  const b = a.replace('5\n', 'five\n');
  assert.equal(unifiedDiff(a, b, 'a/x', 'b/x'), ['--- a/x', '+++ b/x', '@@ -2,7 +2,7 @@', ' 2', ' 3', ' 4', '-5', '+five', ' 6', ' 7', ' 8', ''].join('\n'));
});

test('unifiedDiff: far-apart changes make separate hunks; equal texts give nothing', () => {
  const lines = Array.from({ length: 30 }, (_, i) => String(i + 1));
  const a = lines.join('\n');
  const b = a.replace(/^2$/m, 'two').replace(/^28$/m, 'twenty-eight');
  assert.equal(unifiedDiff(a, b, 'a', 'b').match(/^@@/gm)?.length, 2);
  assert.match(unifiedDiff(a, b, 'a', 'b'), /^@@ -1,5 \+1,5 @@$[^]*^@@ -25,6 \+25,6 @@$/m);
  assert.equal(unifiedDiff(a, a, 'a', 'b'), '');
});
