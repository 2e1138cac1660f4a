import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { check } from '../../../server/src/engine';
import { fixture, json, run, tempDir } from './helpers';

const ERRORS = fixture('errors-2021.txt');

test('--fix writes the safe fixes and reports only what is left', async () => {
  const dir = tempDir({ 'a.txt': ERRORS });
  const r = await run(['check', 'a.txt', '--fix', '--format', 'json'], { cwd: dir });
  const after = fs.readFileSync(path.join(dir, 'a.txt'), 'utf-8');
  assert.notEqual(after, ERRORS);
  assert.ok(after.includes('二、主动公开政府信息情况'), 'numbering fixed');
  assert.deepEqual(json(r).files[0]!.findings, [], 'row total fixed, so the balance holds too');
  assert.deepEqual(check(after).findings, []);
  assert.equal(r.code, 0);
});

test('--fix is idempotent: a second run changes nothing', async () => {
  const dir = tempDir({ 'a.txt': ERRORS });
  await run(['check', 'a.txt', '--fix'], { cwd: dir });
  const once = fs.readFileSync(path.join(dir, 'a.txt'));
  await run(['check', 'a.txt', '--fix'], { cwd: dir });
  assert.deepEqual(fs.readFileSync(path.join(dir, 'a.txt')), once);
});

test('--fix keeps CRLF line endings', async () => {
  const crlf = ERRORS.replace(/\n/g, '\r\n');
  const dir = tempDir({ 'a.txt': crlf });
  await run(['check', 'a.txt', '--fix'], { cwd: dir });
  const after = fs.readFileSync(path.join(dir, 'a.txt'), 'utf-8');
  assert.ok(after.includes('二、主动公开政府信息情况'));
  assert.equal(after.replace(/\r\n/g, '').includes('\n'), false, 'no bare LF introduced');
  assert.equal(after.split('\r\n').length, crlf.split('\r\n').length);
});

test('--fix leaves no temporary file behind', async () => {
  const dir = tempDir({ 'a.txt': ERRORS });
  await run(['check', 'a.txt', '--fix'], { cwd: dir });
  assert.deepEqual(fs.readdirSync(dir), ['a.txt']);
});

test('--fix-dry-run prints a unified diff and does not write', async () => {
  const dir = tempDir({ 'a.txt': ERRORS });
  const r = await run(['check', 'a.txt', '--fix-dry-run'], { cwd: dir });
  assert.equal(fs.readFileSync(path.join(dir, 'a.txt'), 'utf-8'), ERRORS);
  assert.match(r.stdout, /^--- a\/a\.txt\n\+\+\+ b\/a\.txt\n@@ -\d+,\d+ \+\d+,\d+ @@/);
  assert.match(r.stdout, /^-2、主动公开政府信息情况$/m);
  assert.match(r.stdout, /^\+二、主动公开政府信息情况$/m);
});

test('--fix-dry-run on a clean report prints nothing', async () => {
  const dir = tempDir({ 'a.txt': fixture('clean-2021.txt') });
  assert.equal((await run(['check', 'a.txt', '--fix-dry-run'], { cwd: dir })).stdout, '');
});

test('--fix with stdin is a usage error', async () => {
  assert.equal((await run(['check', '-', '--fix'])).code, 2);
});

test('--fix through a symlink rewrites the target and keeps the link', async () => {
  const dir = tempDir({ 'real/a.txt': ERRORS });
  fs.symlinkSync(path.join(dir, 'real/a.txt'), path.join(dir, 'link.txt'));
  await run(['check', 'link.txt', '--fix'], { cwd: dir });
  assert.ok(fs.lstatSync(path.join(dir, 'link.txt')).isSymbolicLink());
  assert.ok(fs.readFileSync(path.join(dir, 'real/a.txt'), 'utf-8').includes('二、主动公开政府信息情况'));
});

test('--fix does not write a file whose bytes would not survive the round trip (exit 2)', async () => {
  // GB18030 text with one invalid byte sequence: decoding replaces it, so writing back would alter it.
  const iconv = await import('iconv-lite');
  const bytes = Buffer.concat([iconv.encode(ERRORS, 'gb18030'), Buffer.from([0x81, 0x20])]);
  const dir = tempDir({ 'a.txt': bytes });
  const r = await run(['check', 'a.txt', '--fix', '--lang', 'en'], { cwd: dir });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /a\.txt: fixes not written: .*1 invalid gb18030 byte sequence/);
  assert.deepEqual(fs.readFileSync(path.join(dir, 'a.txt')), bytes);
});

test('--fix says per file what it fixed and what is left', async () => {
  const dir = tempDir({ 'a.txt': ERRORS });
  const r = await run(['check', 'a.txt', '--fix', '--lang', 'en', '--format', 'json'], { cwd: dir });
  assert.match(r.stderr, /^nianbao: a\.txt: fixed \d+ \(.*section-numbering ×1.*row-total ×1.*\); nothing left$/m);
  const zh = await run(['check', 'a.txt', '--fix'], { cwd: tempDir({ 'a.txt': ERRORS }) });
  assert.match(zh.stderr, /a\.txt：已修复 \d+ 处（.*section-numbering 1 处/);
});

test('--fix refuses a read-only file with a message and leaves it unchanged (exit 2)', async () => {
  const dir = tempDir({ 'a.txt': ERRORS });
  fs.chmodSync(path.join(dir, 'a.txt'), 0o444);
  const r = await run(['check', 'a.txt', '--fix', '--lang', 'en'], { cwd: dir });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /a\.txt: fixes not written: the file is read-only/);
  assert.equal(fs.readFileSync(path.join(dir, 'a.txt'), 'utf-8'), ERRORS);
  assert.equal(fs.statSync(path.join(dir, 'a.txt')).mode & 0o777, 0o444);
});
