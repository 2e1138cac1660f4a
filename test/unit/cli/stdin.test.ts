import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as iconv from 'iconv-lite';
import { check } from '../../../server/src/engine';
import { fixture, json, run, type ParseJson } from './helpers';

const ERRORS = fixture('errors-2021.txt');

test('- reads the report from standard input, shown as <stdin>', async () => {
  const r = await run(['check', '-', '--format', 'json'], { stdin: ERRORS });
  const out = json(r);
  assert.equal(out.files[0]!.path, '<stdin>');
  assert.deepEqual(out.files[0]!.findings.map((f) => f.code), check(ERRORS).findings.map((f) => f.code));
  assert.equal(r.code, 1);
});

test('standard input in GB18030 is decoded too', async () => {
  const out = json(await run(['check', '-', '--format', 'json'], { stdin: iconv.encode(ERRORS, 'gb18030') }));
  assert.equal(out.files[0]!.agency, '某某局');
});

test('--fix-dry-run on standard input prints the diff against <stdin>', async () => {
  const r = await run(['check', '-', '--fix-dry-run'], { stdin: ERRORS });
  assert.match(r.stdout, /^--- a\/<stdin>/);
});

test('parse reads standard input with -', async () => {
  const out = json<ParseJson>(await run(['parse', '-'], { stdin: ERRORS }));
  assert.equal(out.model.year?.value, 2021);
});

test('empty standard input is an input error (exit 2), not a clean report', async () => {
  const r = await run(['check', '-', '--lang', 'en'], { stdin: '' });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /<stdin>: standard input is empty/);
});
