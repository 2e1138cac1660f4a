import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv';
import { check, LineIndex } from '../../../server/src/engine';
import { rules } from '../../../server/src/engine/index';
import { FIXTURES, fixture, json, run, tempDir, type Sarif } from './helpers';

const ERRORS = fixture('errors-2021.txt');

test('json: the version-1 contract, one entry per file with template, year, agency and findings', async () => {
  const dir = tempDir({ 'r/a.txt': ERRORS });
  const out = json(await run(['check', 'r', '--format', 'json', '--lang', 'en'], { cwd: dir }));
  assert.equal(out.version, 1);
  assert.equal(out.files.length, 1);
  const f = out.files[0]!;
  assert.deepEqual(Object.keys(f), ['path', 'template', 'year', 'agency', 'findings']);
  assert.equal(f.path, 'r/a.txt');
  assert.equal(f.template, 'F2021');
  assert.equal(f.year, 2021);
  assert.equal(f.agency, '某某局');
});

test('json: findings carry the engine’s codes, severities, messages and LSP ranges in order', async () => {
  const dir = tempDir({ 'a.txt': ERRORS });
  const out = json(await run(['check', 'a.txt', '--format', 'json', '--lang', 'en'], { cwd: dir }));
  const expected = check(ERRORS).findings;
  const lines = new LineIndex(ERRORS);
  assert.ok(expected.length > 0);
  assert.deepEqual(
    out.files[0]!.findings.map((f) => [f.code, f.severity, f.message, f.range]),
    expected.map((f) => [f.code, f.severity, f.message.en, { start: lines.positionAt(f.span.start), end: lines.positionAt(f.span.end) }]),
  );
});

test('json: expected/actual appear for arithmetic findings, fixable tells whether --fix applies', async () => {
  const dir = tempDir({ 'a.txt': ERRORS });
  const out = json(await run(['check', 'a.txt', '--format', 'json'], { cwd: dir }));
  const rowTotal = out.files[0]!.findings.find((f) => f.code === 'row-total');
  assert.equal(rowTotal?.expected, 1);
  assert.equal(rowTotal?.actual, 5);
  assert.equal(rowTotal?.fixable, true);
  // The column balance that the same wrong cell breaks is part of that finding, not another one.
  assert.ok(!out.files[0]!.findings.some((f) => f.code === 'column-balance'));
});

test('--lang picks the message language', async () => {
  const dir = tempDir({ 'a.txt': ERRORS });
  const zh = json(await run(['check', 'a.txt', '--format', 'json', '--lang', 'zh-CN'], { cwd: dir }));
  const en = json(await run(['check', 'a.txt', '--format', 'json', '--lang', 'en'], { cwd: dir }));
  const f = check(ERRORS).findings[0]!;
  assert.equal(zh.files[0]!.findings[0]!.message, f.message.zh);
  assert.equal(en.files[0]!.findings[0]!.message, f.message.en);
});

test('stylish: one line per finding with 1-based line:column, severity, message and code', async () => {
  const dir = tempDir({ 'a.txt': ERRORS });
  const r = await run(['check', 'a.txt', '--lang', 'en'], { cwd: dir });
  const f = check(ERRORS).findings;
  const lines = new LineIndex(ERRORS);
  assert.equal(r.stdout.split('\n')[0], 'a.txt');
  for (const x of f) {
    const p = lines.positionAt(x.span.start);
    assert.ok(r.stdout.includes(`${p.line + 1}:${p.character + 1}`), `position of ${x.code}`);
    assert.ok(r.stdout.includes(x.message.en) && r.stdout.includes(x.code));
  }
  const errors = f.filter((x) => x.severity === 'error').length;
  const warnings = f.filter((x) => x.severity === 'warning').length;
  assert.ok(r.stdout.includes(`✖ ${f.length} problems (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`), r.stdout);
});

test('stylish: no colour when stdout is not a TTY', async () => {
  const dir = tempDir({ 'a.txt': ERRORS });
  const r = await run(['check', 'a.txt'], { cwd: dir, stdoutTTY: false });
  assert.ok(!r.stdout.includes('\u001b['));
});

test('stylish: colour on a TTY, none when NO_COLOR is set', async () => {
  const dir = tempDir({ 'a.txt': ERRORS });
  assert.ok((await run(['check', 'a.txt'], { cwd: dir, stdoutTTY: true })).stdout.includes('\u001b[31m'));
  assert.ok(!(await run(['check', 'a.txt'], { cwd: dir, stdoutTTY: true, env: { NO_COLOR: '1' } })).stdout.includes('\u001b['));
});

test('stylish: a clean report prints nothing', async () => {
  const dir = tempDir({ 'a.txt': fixture('clean-2021.txt') });
  assert.equal((await run(['check', 'a.txt'], { cwd: dir })).stdout, '');
});

function sarifValidator() {
  const schema = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'sarif-schema-2.1.0.json'), 'utf-8'));
  // The official schema is draft-04 with an `id`; Ajv 8 reads it once that is renamed.
  delete schema.$schema;
  schema.$id = schema.id;
  delete schema.id;
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false, formats: { uri: true, 'uri-reference': true, 'date-time': true } });
  return ajv.compile<Sarif>(schema);
}

test('sarif: valid against the SARIF 2.1.0 schema', async () => {
  const dir = tempDir({ 'a.txt': ERRORS, 'b.txt': fixture('clean-2021.txt') });
  const out = json<Sarif>(await run(['check', '.', '--format', 'sarif'], { cwd: dir }));
  const validate = sarifValidator();
  const valid = validate(out);
  assert.ok(valid, JSON.stringify(validate.errors?.slice(0, 3)));
  assert.equal(out.version, '2.1.0');
});

test('sarif: the schema check rejects a broken log (the validator is live)', () => {
  const validate = sarifValidator();
  assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }), false);
});

test('sarif: rule metadata for every registered rule, results point at their rule', async () => {
  const dir = tempDir({ 'a.txt': ERRORS });
  const out = json<Sarif>(await run(['check', 'a.txt', '--format', 'sarif', '--lang', 'en'], { cwd: dir }));
  const driver = out.runs[0]!.tool.driver;
  assert.equal(driver.name, 'nianbao');
  assert.deepEqual(driver.rules.map((r) => r.id), rules.map((r) => r.code));
  for (const r of driver.rules) assert.match(r.helpUri, new RegExp(`docs/rules/${r.id}\\.md$`));
  const results = out.runs[0]!.results;
  assert.equal(results.length, check(ERRORS).findings.length);
  for (const res of results) assert.equal(driver.rules[res.ruleIndex]?.id, res.ruleId);
  const rowTotal = results.find((x) => x.ruleId === 'row-total');
  assert.ok(rowTotal);
  assert.equal(rowTotal.level, 'error');
  assert.equal(rowTotal.locations[0]?.physicalLocation.artifactLocation.uri, 'a.txt');
  assert.ok((rowTotal.fixes?.length ?? 0) > 0, 'safe fixes are exported');
});

test('sarif: 1-based regions that match the engine span', async () => {
  const dir = tempDir({ 'a.txt': ERRORS });
  const out = json<Sarif>(await run(['check', 'a.txt', '--format', 'sarif'], { cwd: dir }));
  const f = check(ERRORS).findings[0]!;
  const p = new LineIndex(ERRORS).positionAt(f.span.start);
  const region = out.runs[0]!.results[0]!.locations[0]!.physicalLocation.region;
  assert.equal(region?.startLine, p.line + 1);
  assert.equal(region?.startColumn, p.character + 1);
});

test('github: one workflow annotation per finding, escaped, warnings as ::warning', async () => {
  const dir = tempDir({ 'a.txt': ERRORS });
  const r = await run(['check', 'a.txt', '--format', 'github', '--lang', 'en'], { cwd: dir });
  const lines = r.stdout.trim().split('\n');
  const f = check(ERRORS).findings;
  assert.equal(lines.length, f.length);
  const idx = new LineIndex(ERRORS);
  lines.forEach((l, i) => {
    const p = idx.positionAt(f[i]!.span.start);
    const kind = f[i]!.severity === 'error' ? 'error' : f[i]!.severity === 'warning' ? 'warning' : 'notice';
    assert.ok(l.startsWith(`::${kind} file=a.txt,line=${p.line + 1},col=${p.character + 1},`), l);
    assert.ok(l.includes(`title=nianbao ${f[i]!.code}::`));
  });
});

test('an unknown --format is a usage error', async () => {
  assert.equal((await run(['check', '--format', 'xml'])).code, 2);
});

test('github: an input that cannot be read is an ::error annotation as well', async () => {
  const dir = tempDir({ 'a.txt': ERRORS });
  const r = await run(['check', 'a.txt', 'gone.txt', '--format', 'github', '--lang', 'en'], { cwd: dir });
  assert.match(r.stdout, /^::error file=gone\.txt,title=nianbao::no such file or folder$/m);
  assert.equal(r.code, 2);
});

test('sarif: unreadable inputs are tool notifications and the invocation is marked unsuccessful', async () => {
  const dir = tempDir({ 'a.txt': ERRORS });
  const r = await run(['check', 'a.txt', 'gone.txt', '--format', 'sarif', '--lang', 'en'], { cwd: dir });
  const out = json<Sarif>(r);
  const validate = sarifValidator();
  const valid = validate(out);
  assert.ok(valid, JSON.stringify(validate.errors?.slice(0, 3)));
  const inv = out.runs[0]!.invocations[0]!;
  assert.equal(inv.executionSuccessful, false);
  const [notice] = inv.toolExecutionNotifications;
  assert.equal(notice?.message.text, 'no such file or folder');
  assert.equal(notice?.locations[0]?.physicalLocation.artifactLocation.uri, 'gone.txt');
  assert.equal(r.code, 2);
});

test('SARIF: files below the working folder are relative to SRCROOT; files outside it are file:// URIs', async () => {
  const { pathToFileURL } = await import('node:url');
  const inside = tempDir({ 'a.txt': fixture('errors-2021.txt') });
  const outside = tempDir({ 'b.txt': fixture('errors-2021.txt') });
  const run0 = json<Sarif>(await run(['check', 'a.txt', `${outside}/b.txt`, '--format', 'sarif'], { cwd: inside })).runs[0]!;
  assert.deepEqual(run0.artifacts.map((a) => a.location), [{ uri: 'a.txt', uriBaseId: 'SRCROOT' }, { uri: pathToFileURL(`${outside}/b.txt`).href }]);
  assert.equal(run0.originalUriBaseIds.SRCROOT.uri, pathToFileURL(inside).href + '/');
});
