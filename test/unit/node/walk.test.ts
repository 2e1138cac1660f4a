// node/walk.ts: the one folder walker (CLI folders and globs, the editor's workspace search).

import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { expandGlob, walkReports } from '../../../server/src/node/walk';
import { tempDir } from '../cli/helpers';

const rel = (dir: string, files: string[]) => files.map((f) => path.relative(dir, f).split(path.sep).join('/'));

test('reports below a folder: .txt and .md, in name order, skipping hidden, tool and documentation entries', () => {
  const dir = tempDir({
    'b.txt': 'x', 'a.md': 'x', 'sub/c.txt': 'x', 'sub/d.pdf': 'x', '.git/e.txt': 'x', '.cache/f.txt': 'x',
    'node_modules/g.txt': 'x', 'dist/h.txt': 'x', 'out/i.txt': 'x', 'README.md': 'x', 'CHANGELOG.md': 'x', 'LICENSE.txt': 'x',
  });
  assert.deepEqual(rel(dir, walkReports(dir)), ['a.md', 'b.txt', 'sub/c.txt']);
});

test('the walk is bounded in depth and number of files when asked', () => {
  const dir = tempDir({ 'a.txt': 'x', 'b.txt': 'x', '1/c.txt': 'x', '1/2/d.txt': 'x' });
  assert.deepEqual(rel(dir, walkReports(dir, { maxDepth: 1 })), ['1/c.txt', 'a.txt', 'b.txt']);
  assert.deepEqual(rel(dir, walkReports(dir, { maxFiles: 2 })), ['1/2/d.txt', '1/c.txt']);
});

test('globs skip the same folders as the walk', () => {
  const dir = tempDir({ 'r/a.txt': 'x', 'r/node_modules/b.txt': 'x', 'r/.hidden/c.txt': 'x' });
  assert.deepEqual(rel(dir, expandGlob('r/**/*.txt', dir)), ['r/a.txt']);
});
