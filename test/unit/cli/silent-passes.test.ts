// Issue #18, "silent passes": a damaged, empty, non-report or binary input is never reported
// as a clean report — it is checked and flagged, or it is an error that every format lists.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { check } from '../../../server/src/engine';
import { fixture, json, run, tempDir, type CheckJson, type ParseJson, type Sarif, type SummaryJson } from './helpers';

const ERRORS = fixture('errors-2021.txt');
const CLEAN = fixture('clean-2021.txt');
const codes = (out: CheckJson, i = 0) => out.files[i]!.findings.map((f) => f.code);

test('a stray invalid byte appended to a UTF-8 report: still read as UTF-8, every finding kept, the bad byte flagged', async () => {
  const dir = tempDir({ 'e.txt': Buffer.concat([Buffer.from(ERRORS), Buffer.from([0x80])]) });
  const r = await run(['check', 'e.txt', '--format', 'json', '-v', '--lang', 'en'], { cwd: dir });
  assert.deepEqual(codes(json(r)), [...check(ERRORS).findings.map((f) => f.code), 'invalid-character']);
  assert.match(r.stderr, /e\.txt: encoding utf-8 \(1 invalid byte sequence/);
  assert.equal(r.code, 1);
});

test('a UTF-8 report cut in the middle of a character is read as UTF-8 and flagged', async () => {
  const bytes = Buffer.from(CLEAN);
  let cut = 3001;
  while ((bytes[cut]! & 0xc0) !== 0x80) cut++; // inside a multi-byte character
  const dir = tempDir({ 'cut.txt': bytes.subarray(0, cut) });
  const r = await run(['check', 'cut.txt', '--format', 'json'], { cwd: dir });
  assert.ok(codes(json(r)).includes('invalid-character'));
  const parsed = json<ParseJson>(await run(['parse', 'cut.txt'], { cwd: dir }));
  assert.deepEqual([parsed.encoding, parsed.invalidBytes], ['utf-8', 1]);
});

test('an empty file named on the command line: a message and exit 2', async () => {
  const dir = tempDir({ 'e.txt': '' });
  const r = await run(['check', 'e.txt', '--lang', 'en'], { cwd: dir });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^nianbao: e\.txt: empty file$/m);
});

test('a named file that is not an annual report: "not recognised" and exit 2', async () => {
  const dir = tempDir({ 'notes.txt': '会议纪要\n一、议题\n' });
  const r = await run(['check', 'notes.txt', '--lang', 'en'], { cwd: dir });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /notes\.txt: not recognised as an annual report/);
});

test('in folder mode, files that are not reports are skipped, listed with -v and counted in the summary line', async () => {
  const dir = tempDir({ 'a.txt': CLEAN, 'notes.txt': '会议纪要\n', 'empty.md': '' });
  const quiet = await run(['check', '.', '--lang', 'en'], { cwd: dir });
  assert.equal(quiet.code, 0);
  assert.match(quiet.stdout, /2 files skipped as not annual reports/);
  const verbose = await run(['check', '.', '-v', '--lang', 'en'], { cwd: dir });
  assert.match(verbose.stderr, /empty\.md: not an annual report, skipped/);
  assert.match(verbose.stderr, /notes\.txt: not an annual report, skipped/);
  const table = await run(['summary', '.', '--lang', 'en'], { cwd: dir });
  assert.match(table.stdout, /2 file\(s\) skipped as not annual reports/);
});

test('one NUL byte in a text report does not make it binary: it is checked and the NUL flagged', async () => {
  const at = CLEAN.indexOf('。') + 1; // mid-prose, where a damaged export leaves it
  const dir = tempDir({ 'n.txt': Buffer.concat([Buffer.from(CLEAN.slice(0, at)), Buffer.from([0]), Buffer.from(CLEAN.slice(at))]) });
  const r = await run(['check', 'n.txt', '--format', 'json'], { cwd: dir });
  assert.deepEqual(codes(json(r)), ['invalid-character']);
});

test('a file that cannot be read appears in every format as a file-level error; the exit code is 2', async () => {
  const dir = tempDir({ 'a.txt': ERRORS, 'scan.txt': Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3, 0, 0xff, 0, 0]) });
  const j = await run(['check', '.', '--format', 'json', '--lang', 'en'], { cwd: dir });
  assert.deepEqual(json(j).files.map((f) => [f.path, f.error ?? null]), [['a.txt', null], ['scan.txt', 'binary file, not a text report (export it as .txt first)']]);
  const sarif = json<Sarif>(await run(['check', '.', '--format', 'sarif'], { cwd: dir })).runs[0]!;
  assert.deepEqual(sarif.artifacts.map((a) => a.location.uri), ['a.txt', 'scan.txt']);
  assert.equal(sarif.invocations[0]?.toolExecutionNotifications[0]?.locations[0]?.physicalLocation.artifactLocation.index, 1);
  const gh = await run(['check', '.', '--format', 'github'], { cwd: dir });
  assert.match(gh.stdout, /^::error file=scan\.txt,title=nianbao::/m);
  const stylish = await run(['check', '.', '--lang', 'en'], { cwd: dir });
  assert.match(stylish.stdout, /1 input could not be checked/);
  assert.match(stylish.stderr, /scan\.txt: binary file/);
  const summary = json<SummaryJson>(await run(['summary', '.', '--format', 'json'], { cwd: dir }));
  assert.deepEqual(summary.errors.map((e) => e.path), ['scan.txt']);
  for (const r of [j, gh, stylish]) assert.equal(r.code, 2);
});

test('the decoding notice is in the language asked for', async () => {
  const dir = tempDir({ 'e.txt': Buffer.concat([Buffer.from(CLEAN), Buffer.from([0x80])]) });
  const r = await run(['check', 'e.txt', '-v'], { cwd: dir });
  assert.match(r.stderr, /e\.txt：编码 utf-8/);
  assert.ok(fs.existsSync(path.join(dir, 'e.txt')));
});
