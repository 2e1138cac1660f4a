import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import * as iconv from 'iconv-lite';

import { check } from '../../../server/src/engine';
import { fixture, json, run, tempDir } from './helpers';

const ERRORS = fixture('errors-2021.txt');

test('GB18030 is detected and decoded: same findings as the UTF-8 text', async () => {
  const dir = tempDir({ 'gbk.txt': iconv.encode(ERRORS, 'gb18030') });
  const r = await run(['check', 'gbk.txt', '--format', 'json', '--verbose', '--lang', 'en'], { cwd: dir });
  assert.deepEqual(json(r).files[0]!.findings.map((f) => f.code), check(ERRORS).findings.map((f) => f.code));
  assert.match(r.stderr, /gbk\.txt: encoding gb18030/);
});

test('GB18030 round trip: --fix writes back in GB18030', async () => {
  const dir = tempDir({ 'gbk.txt': iconv.encode(ERRORS, 'gb18030') });
  await run(['check', 'gbk.txt', '--fix'], { cwd: dir });
  const buf = fs.readFileSync(path.join(dir, 'gbk.txt'));
  assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(buf), 'not rewritten as UTF-8');
  const text = iconv.decode(buf, 'gb18030');
  assert.ok(text.includes('二、主动公开政府信息情况'));
  assert.deepEqual(check(text).findings, []);
});

test('UTF-16 LE and BE with BOM are decoded and kept by --fix', async () => {
  for (const enc of ['utf-16le', 'utf-16be'] as const) {
    const bom = enc === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff];
    const dir = tempDir({ 'u.txt': Buffer.concat([Buffer.from(bom), iconv.encode(ERRORS, enc)]) });
    const r = await run(['check', 'u.txt', '--fix', '--verbose', '--lang', 'en'], { cwd: dir });
    assert.match(r.stderr, new RegExp(`encoding ${enc}`));
    const buf = fs.readFileSync(path.join(dir, 'u.txt'));
    assert.deepEqual([...buf.subarray(0, 2)], bom);
    assert.ok(iconv.decode(buf.subarray(2), enc).includes('二、主动公开政府信息情况'));
  }
});

test('a UTF-8 BOM is detected, not part of the text, and kept by --fix', async () => {
  const dir = tempDir({ 'b.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ERRORS)]) });
  const r = await run(['check', 'b.txt', '--format', 'json', '--verbose', '--lang', 'en'], { cwd: dir });
  assert.match(r.stderr, /encoding utf-8-bom/);
  assert.equal(json(r).files[0]!.findings[0]!.range.start.character, 0);
  await run(['check', 'b.txt', '--fix'], { cwd: dir });
  const buf = fs.readFileSync(path.join(dir, 'b.txt'));
  assert.deepEqual([...buf.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
});
