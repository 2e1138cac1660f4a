import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixture, json, run, tempDir, type CheckJson } from './helpers';
import { CLEAN_REPORT } from '../../support/reports';

const ERRORS = fixture('errors-2021.txt');
const codes = (out: CheckJson, i = 0) => out.files[i]!.findings.map((f) => `${f.severity}:${f.code}`);

test('.nianbaorc.json is found by walking up from the report’s folder', async () => {
  const dir = tempDir({ '.nianbaorc.json': JSON.stringify({ rules: { 'section-numbering': 'off' } }), 'deep/er/a.txt': ERRORS });
  const out = json(await run(['check', 'deep', '--format', 'json'], { cwd: dir }));
  assert.ok(!codes(out).some((c: string) => c.endsWith(':section-numbering')));
  assert.ok(codes(out).includes('error:row-total'));
});

test('the nearest .nianbaorc.json wins over one further up', async () => {
  const dir = tempDir({
    '.nianbaorc.json': JSON.stringify({ rules: { 'row-total': 'off' } }),
    'sub/.nianbaorc.json': JSON.stringify({ rules: { 'row-total': 'hint' } }),
    'sub/a.txt': ERRORS,
  });
  const out = json(await run(['check', 'sub/a.txt', '--format', 'json'], { cwd: dir }));
  assert.ok(codes(out).includes('hint:row-total'));
});

test('a config applies only to the reports below it', async () => {
  const dir = tempDir({ 'x/.nianbaorc.json': JSON.stringify({ rules: { 'row-total': 'off' } }), 'x/a.txt': ERRORS, 'y/b.txt': ERRORS });
  const out = json(await run(['check', 'x', 'y', '--format', 'json'], { cwd: dir }));
  assert.ok(!codes(out, 0).includes('error:row-total'));
  assert.ok(codes(out, 1).includes('error:row-total'));
});

test('--config uses the given file for every report and skips discovery', async () => {
  const dir = tempDir({
    'sub/.nianbaorc.json': JSON.stringify({ rules: { 'row-total': 'off' } }),
    'other.json': JSON.stringify({ rules: { 'row-total': 'info' } }),
    'sub/a.txt': ERRORS,
  });
  const out = json(await run(['check', 'sub/a.txt', '--config', 'other.json', '--format', 'json'], { cwd: dir }));
  assert.ok(codes(out).includes('info:row-total'));
});

test('--rule overrides the config file', async () => {
  const dir = tempDir({ '.nianbaorc.json': JSON.stringify({ rules: { 'row-total': 'off' } }), 'a.txt': ERRORS });
  const out = json(await run(['check', 'a.txt', '--rule', 'row-total=warning', '--format', 'json'], { cwd: dir }));
  assert.ok(codes(out).includes('warning:row-total'));
});

test('--rule code=off removes the finding, and can change the exit code', async () => {
  const dir = tempDir({ 'a.txt': ERRORS });
  // The one wrong cell breaks a row total and a column balance: one finding, under row-total.
  const r = await run(['check', 'a.txt', '--rule', 'row-total=off', '--format', 'json'], { cwd: dir });
  assert.deepEqual(codes(json(r)), ['warning:section-numbering']);
  assert.equal(r.code, 0);
});

test('an invalid config is a one-line error with exit 2', async () => {
  const dir = tempDir({ '.nianbaorc.json': '{ "rules": { "row-total": "loud" } }', 'a.txt': ERRORS });
  const r = await run(['check', 'a.txt', '--lang', 'en'], { cwd: dir });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /config error: .*row-total.*severity must be one of/);
});

const LOCAL = CLEAN_REPORT.replace('五、存在的主要问题及改进情况', '五、信息处理费收取情况\n本年度未收取信息处理费。\n六、存在的主要问题及改进情况').replace(/六、其他需要报告的事项\n[^\n]*\n/, '');

test('localStructures in the config accepts a local section structure (no section-title warning)', async () => {
  const plain = json(await run(['check', 'a.txt', '--format', 'json'], { cwd: tempDir({ 'a.txt': LOCAL }) }));
  assert.deepEqual(codes(plain), ['warning:section-title']);
  const dir = tempDir({ '.nianbaorc.json': JSON.stringify({ localStructures: ['fee-section'] }), 'a.txt': LOCAL });
  assert.deepEqual(codes(json(await run(['check', 'a.txt', '--format', 'json'], { cwd: dir }))).filter((c: string) => !c.startsWith('info') && !c.startsWith('hint')), []);
});

test('an unknown local structure in the config is a config error', async () => {
  const dir = tempDir({ '.nianbaorc.json': JSON.stringify({ localStructures: ['my-own'] }), 'a.txt': LOCAL });
  const r = await run(['check', 'a.txt', '--lang', 'en'], { cwd: dir });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /config error: .*"localStructures" must be a list of "fee-section"/);
});

test('previousReport in the config supplies last year’s report for carry-over', async () => {
  const dir = tempDir({
    '.nianbaorc.json': JSON.stringify({ previousReport: 'last/2020.txt' }),
    'last/2020.txt': fixture('pair/report-2020.txt'),
    'now/2021.txt': fixture('pair/report-2021.txt'),
  });
  const out = json(await run(['check', 'now', '--format', 'json'], { cwd: dir }));
  assert.ok(codes(out).includes('warning:carry-over'));
});

test('previousReport "auto" finds last year’s report of the same body in the report’s folder', async () => {
  const dir = tempDir({
    '.nianbaorc.json': JSON.stringify({ previousReport: 'auto' }),
    'r/2020.txt': fixture('pair/report-2020.txt'),
    'r/2021.txt': fixture('pair/report-2021.txt'),
  });
  const r = await run(['check', 'r/2021.txt', '--format', 'json', '--verbose', '--lang', 'en'], { cwd: dir });
  assert.ok(codes(json(r)).includes('warning:carry-over'));
  assert.match(r.stderr, /r\/2021\.txt: carry-over from r\/2020\.txt/);
});

test('without previousReport "auto", a report named alone is not paired with its neighbours', async () => {
  const dir = tempDir({ 'r/2020.txt': fixture('pair/report-2020.txt'), 'r/2021.txt': fixture('pair/report-2021.txt') });
  const out = json(await run(['check', 'r/2021.txt', '--format', 'json'], { cwd: dir }));
  assert.ok(!codes(out).includes('warning:carry-over'));
});

test('an unknown key or rule code in .nianbaorc.json is a warning on stderr, not silently accepted', async () => {
  const dir = tempDir({ '.nianbaorc.json': JSON.stringify({ rule: { 'cell-blank': 'off' }, rules: { 'row-totl': 'off' } }), 'a.txt': fixture('clean-2021.txt') });
  const r = await run(['check', 'a.txt', '--lang', 'en'], { cwd: dir });
  assert.equal(r.code, 0);
  assert.match(r.stderr, /\.nianbaorc\.json: unknown key "rule" ignored/);
  assert.match(r.stderr, /\.nianbaorc\.json: unknown rule "row-totl" ignored/);
});
