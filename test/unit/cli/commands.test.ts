import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { check, parse } from '../../../server/src/engine';
import { renderBlankReport } from '../../../server/src/engine/index';
import { fixture, json, run, tempDir, type ParseJson, type SummaryJson } from './helpers';

test('summary: one row per report with body, year, template, sections, errors, warnings, carry-over', async () => {
  const matching = fixture('pair/report-2021.txt')
    .replace('某某局2021年', '另一局2021年')
    .replace(/(二、上年结转政府信息公开申请数量)\t0\t0\t0\t0\t0\t0\t0/, '$1\t2\t0\t0\t0\t0\t0\t2')
    .replace(/(四、结转下年度继续办理)\t0\t0\t0\t0\t0\t0\t0/, '$1\t2\t0\t0\t0\t0\t0\t2');
  const dir = tempDir({
    '2020.txt': fixture('pair/report-2020.txt'),
    '2021.txt': fixture('pair/report-2021.txt'),
    'other-2020.txt': fixture('pair/report-2020.txt').replace('某某局2020年', '另一局2020年'),
    'other-2021.txt': matching,
  });
  const out = json<SummaryJson>(await run(['summary', '--format', 'json'], { cwd: dir }));
  assert.equal(out.version, 1);
  assert.deepEqual(
    out.reports.map((r) => [r.path, r.agency, r.year, r.template, r.sections.join(''), r.errors, r.warnings, r.carryOver]),
    [
      ['2020.txt', '某某局', 2020, 'F2019', '123456', 0, 0, 'no-previous'],
      ['2021.txt', '某某局', 2021, 'F2021', '123456', 0, 2, 'mismatch'],
      ['other-2020.txt', '另一局', 2020, 'F2019', '123456', 0, 0, 'no-previous'],
      ['other-2021.txt', '另一局', 2021, 'F2021', '123456', 0, 0, 'checked'],
    ],
  );
});

test('summary: table output aligns columns and ends with totals', async () => {
  const dir = tempDir({ 'a.txt': fixture('errors-2021.txt') });
  const r = await run(['summary', '--lang', 'en'], { cwd: dir });
  const lines = r.stdout.split('\n');
  assert.match(lines[0]!, /^file\s+agency\s+year\s+template\s+sections\s+errors\s+warnings\s+carry-over$/);
  assert.match(lines[2]!, /^a\.txt\s+某某局\s+2021\s+F2021\s+一二三四五六\s+1\s+1\s+no previous$/);
  assert.match(r.stdout, /1 report\(s\), 1 error\(s\), 1 warning\(s\)/);
  assert.equal(r.code, 0, 'summary reports; it does not fail on findings');
});

test('summary: csv with a header row and quoted fields', async () => {
  const dir = tempDir({ 'a,b.txt': fixture('clean-2021.txt') });
  const r = await run(['summary', '--format', 'csv'], { cwd: dir });
  assert.ok(r.stdout.startsWith('\ufeff'), 'a UTF-8 BOM, so that Excel reads the Chinese');
  assert.deepEqual(r.stdout.slice(1).trim().split('\n'), ['path,agency,year,template,sections,errors,warnings,carry_over,error', '"a,b.txt",某某局,2021,F2021,1 2 3 4 5 6,0,0,,']);
});

test('summary: a progress bar on stderr only when stderr is a TTY and there are many files', async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 25; i++) files[`r${String(i).padStart(2, '0')}.txt`] = fixture('clean-2021.txt');
  const dir = tempDir(files);
  assert.match((await run(['summary'], { cwd: dir, stderrTTY: true })).stderr, /\[#+\.*\] 25\/25/);
  assert.equal((await run(['summary'], { cwd: dir, stderrTTY: false })).stderr, '');
  const few = tempDir({ 'a.txt': fixture('clean-2021.txt') });
  assert.equal((await run(['summary'], { cwd: few, stderrTTY: true })).stderr, '');
});

test('parse: the model as JSON, spans with line/character ranges, without the full text', async () => {
  const text = fixture('errors-2021.txt');
  const dir = tempDir({ 'a.txt': text });
  const out = json<ParseJson>(await run(['parse', '--format', 'json', 'a.txt'], { cwd: dir }));
  const model = parse(text);
  assert.equal(out.path, 'a.txt');
  assert.equal(out.encoding, 'utf-8');
  assert.equal(out.model.textLength, text.length);
  assert.equal(out.model.text, undefined);
  assert.equal(out.model.title?.text, model.title!.text);
  assert.deepEqual(out.model.title?.span.range.start, { line: 0, character: 0 });
  assert.equal(out.model.title?.span.start, model.title!.span.start);
  assert.equal(out.model.sections.length, model.sections.length);
  const r1 = out.model.tables.T3?.rows.find((r) => r.id === 'R1');
  assert.ok(r1);
  assert.equal(r1.cells[6]?.value, 5);
  assert.equal(typeof r1.cells[6]?.span?.range.start.line, 'number');
});

test('parse: a missing file exits 2', async () => {
  assert.equal((await run(['parse', 'nope.txt'], { cwd: tempDir() })).code, 2);
});

test('new: prints the blank report of the year’s template', async () => {
  const r = await run(['new', '--year', '2025', '--agency', '某某局']);
  assert.equal(r.code, 0);
  assert.equal(r.stdout, renderBlankReport({ year: 2025, agency: '某某局', layout: 'tsv' }));
});

test('new -o writes the file, and refuses to overwrite without --force', async () => {
  const dir = tempDir();
  assert.equal((await run(['new', '--year', '2020', '--agency', '某某局', '--layout', 'markdown', '-o', 'r.md'], { cwd: dir })).code, 0);
  const text = fs.readFileSync(path.join(dir, 'r.md'), 'utf-8');
  assert.equal(parse(text).template.id, 'F2019');
  assert.equal(parse(text).tables.T3!.layout, 'markdown');
  assert.equal((await run(['new', '--year', '2021', '--agency', '某某局', '-o', 'r.md'], { cwd: dir })).code, 2);
  assert.equal((await run(['new', '--year', '2021', '--agency', '某某局', '-o', 'r.md', '--force'], { cwd: dir })).code, 0);
});

test('new: the written report checks with exit 0 (its placeholders are warnings)', async () => {
  const dir = tempDir();
  await run(['new', '--year', '2024', '--agency', '某某县人民政府办公室', '-o', 'r.txt'], { cwd: dir });
  const r = await run(['check', 'r.txt', '--format', 'json'], { cwd: dir });
  assert.equal(r.code, 0);
  assert.ok(json(r).files[0]!.findings.every((f) => f.severity === 'info' || f.severity === 'hint' || f.code === 'placeholder'));
  assert.deepEqual(check(fs.readFileSync(path.join(dir, 'r.txt'), 'utf-8')).model.title!.agency, '某某县人民政府办公室');
});

test('new without --year or --agency is a usage error', async () => {
  assert.equal((await run(['new', '--agency', '某某局'])).code, 2);
  assert.equal((await run(['new', '--year', '2025'])).code, 2);
});

test('--version prints the package version', async () => {
  const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf-8'));
  assert.equal((await run(['--version'])).stdout, `${pkg.version}\n`);
});

test('--help is bilingual and lists every command', async () => {
  const r = await run(['--help']);
  assert.equal(r.code, 0);
  for (const s of ['check', 'summary', 'parse', 'new', '用法', 'Usage', '退出码', 'Exit codes']) assert.ok(r.stdout.includes(s), s);
  assert.match((await run(['check', '--help'])).stdout, /--max-warnings/);
});

test('new for a year before any template (2018) is a one-line usage error', async () => {
  const r = await run(['new', '--year', '2018', '--agency', '某某局', '--lang', 'en']);
  assert.equal(r.code, 2);
  assert.equal(r.stderr, 'nianbao: no report template before 2019 (got 2018)\n');
});

test('summary -o FILE writes every format to the file, not to stdout', async () => {
  for (const format of ['table', 'csv', 'json', 'html']) {
    const dir = tempDir({ 'a.txt': fixture('clean-2021.txt') });
    const r = await run(['summary', '.', '--format', format, '-o', 'out'], { cwd: dir });
    assert.equal(r.code, 0, format);
    assert.equal(r.stdout, '', format);
    assert.match(fs.readFileSync(path.join(dir, 'out'), 'utf-8'), /某某局/, format);
  }
});

test('summary --help lists every format and -o', async () => {
  const help = (await run(['summary', '--help'])).stdout;
  assert.match(help, /table\|csv\|json\|html/);
  assert.match(help, /-o, --output FILE/);
});

test('a path that cannot be written is a clean, localised message with exit 2, never a Node error', async () => {
  const dir = tempDir({ 'a.txt': fixture('clean-2021.txt') });
  const html = await run(['summary', '.', '--format', 'html', '-o', '/nonexistent/d/x.html'], { cwd: dir });
  assert.deepEqual([html.code, html.stderr], [2, 'nianbao: /nonexistent/d/x.html：所在文件夹不存在\n']);
  const folder = await run(['new', '--year', '2024', '--agency', '某某局', '-o', '.', '--force', '--lang', 'en'], { cwd: dir });
  assert.deepEqual([folder.code, folder.stderr], [2, 'nianbao: .: is a folder, not a file\n']);
});

test('an unknown option is reported in the chosen language, without Node’s own text', async () => {
  const zh = await run(['check', '--frobnicate']);
  assert.deepEqual([zh.code, zh.stderr], [2, 'nianbao: 没有选项 --frobnicate\nnianbao --help 查看用法\n']);
  const en = await run(['check', '--format', '--lang', 'en']);
  assert.match(en.stderr, /^nianbao: (option --format needs a value|--format must be one of)/);
});

test('check: the same progress bar on a TTY while many files are read, nothing on stdout', async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 25; i++) files[`r${String(i).padStart(2, '0')}.txt`] = fixture('clean-2021.txt');
  const dir = tempDir(files);
  const r = await run(['check'], { cwd: dir, stderrTTY: true });
  assert.match(r.stderr, /\[#+\.*\] 25\/25/);
  assert.doesNotMatch(r.stdout, /\[#/);
});
