import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { main } from '../../../server/src/cli/main';
import type { CliIo } from '../../../server/src/cli/io';
import { fixture, run, tempDir } from './helpers';

test('a report without errors exits 0', async () => {
  const dir = tempDir({ 'a.txt': fixture('clean-2021.txt') });
  const r = await run(['check', 'a.txt'], { cwd: dir });
  assert.equal(r.code, 0);
  assert.equal(r.stderr, '');
});

test('a report with an error exits 1', async () => {
  const dir = tempDir({ 'a.txt': fixture('errors-2021.txt') });
  const r = await run(['check', 'a.txt'], { cwd: dir });
  assert.equal(r.code, 1);
});

test('warnings alone exit 0 unless there are more than --max-warnings', async () => {
  const dir = tempDir({ 'a.txt': fixture('errors-2021.txt') });
  // Turn the errors off: only the section-numbering warning remains.
  const base = ['check', 'a.txt', '--rule', 'row-total=off', '--rule', 'column-balance=off'];
  assert.equal((await run(base, { cwd: dir })).code, 0);
  assert.equal((await run([...base, '--max-warnings', '1'], { cwd: dir })).code, 0);
  const over = await run([...base, '--max-warnings', '0'], { cwd: dir });
  assert.equal(over.code, 1);
  assert.match(over.stderr, /max-warnings/);
});

test('a path that does not exist exits 2 with a one-line message, and other files are still checked', async () => {
  const dir = tempDir({ 'a.txt': fixture('errors-2021.txt') });
  const r = await run(['check', 'missing.txt', 'a.txt', '--format', 'json', '--lang', 'en'], { cwd: dir });
  assert.equal(r.code, 2, 'I/O error wins over findings');
  assert.equal(r.stderr.trim().split('\n').length, 1);
  assert.match(r.stderr, /missing\.txt: no such file or folder/);
  assert.deepEqual(JSON.parse(r.stdout).files.map((f: any) => [f.path, f.error ?? null]), [['a.txt', null], ['missing.txt', 'no such file or folder']], 'every input is listed');
});

test('a binary file gets a one-line message and exit 2', async () => {
  const dir = tempDir({ 'scan.txt': Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3, 0, 0xff]), 'a.txt': fixture('clean-2021.txt') });
  const r = await run(['check', '.', '--lang', 'en'], { cwd: dir });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^nianbao: scan\.txt: binary file/);
});

test('a folder without reports gets a one-line message and exit 2', async () => {
  const dir = tempDir({ 'empty/notes.png': 'x' });
  const r = await run(['check', 'empty', '--lang', 'en'], { cwd: dir });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /empty: folder contains no reports \(\.txt \.md \.html \.docx \.pdf\)/);
});

test('a 50 MB file is refused without being read, and exits 2', async () => {
  const dir = tempDir({ 'a.txt': fixture('clean-2021.txt') });
  const big = path.join(dir, 'big.txt');
  fs.writeFileSync(big, '');
  fs.truncateSync(big, 50 * 1024 * 1024);
  const r = await run(['check', '.', '--lang', 'en'], { cwd: dir });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /big\.txt: file too large \(50\.0 MB/);
});

test('an unknown option is a usage error: exit 2', async () => {
  const r = await run(['check', '--frobnicate']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /frobnicate/);
});

test('an invalid --rule value is a usage error: exit 2', async () => {
  const r = await run(['check', '--rule', 'row-total=fatal', '--lang', 'en']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--rule expects code=off\|hint\|info\|warning\|error/);
});

test('an unknown command is a usage error: exit 2', async () => {
  assert.equal((await run(['lint'])).code, 2);
});

test('--rule with an unknown code is a usage error naming it', async () => {
  const r = await run(['check', '--rule', 'row-totl=off', '--lang', 'en']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /unknown rule "row-totl"/);
});

/** A run whose stdout throws on first use: an injected dependency failing the way a bug would. */
async function runWithBrokenStdout(argv: string[], env: Record<string, string> = {}) {
  let stderr = '';
  const io: CliIo = {
    stdout: {
      write: () => {
        throw new TypeError('cannot write to a test stream');
      },
    },
    stderr: { write: (s) => void (stderr += s) },
    readStdin: async () => Buffer.alloc(0),
    cwd: tempDir({ 'a.txt': fixture('clean-2021.txt') }),
    env,
  };
  return { code: await main(argv, io), stderr };
}

test('an internal error is one line in the user’s language and exits 2, without a stack', async () => {
  const zh = await runWithBrokenStdout(['check', 'a.txt']);
  assert.equal(zh.code, 2);
  assert.equal(zh.stderr, 'nianbao: 内部错误：cannot write to a test stream。这是年报助手的缺陷，请报告（加 -v 或设置 NIANBAO_DEBUG=1 显示详情）\n');
  const en = await runWithBrokenStdout(['check', 'a.txt', '--lang', 'en']);
  assert.equal(en.code, 2);
  assert.equal(en.stderr, 'nianbao: internal error: cannot write to a test stream. This is a bug in Nianbao; please report it (-v or NIANBAO_DEBUG=1 shows the details)\n');
});

test('an internal error shows its stack with --verbose or NIANBAO_DEBUG', async () => {
  for (const r of [await runWithBrokenStdout(['check', 'a.txt', '-v', '--lang', 'en']), await runWithBrokenStdout(['check', 'a.txt', '--lang', 'en'], { NIANBAO_DEBUG: '1' })]) {
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^nianbao: internal error: cannot write to a test stream\.[^\n]*\nTypeError: cannot write to a test stream\n\s+at /m);
  }
});
