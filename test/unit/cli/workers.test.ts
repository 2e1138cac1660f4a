// check/summary over many files read in worker threads (cli/load.ts, node/pool.ts): the same
// output, byte for byte, as reading them one after another.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BROKEN_REPORT, renderReport } from '../../support/reports.ts';
import { docxOf, reportToDocumentXml, reportToHtml } from '../../support/structured.ts';
import { run, tempDir } from './helpers';

function folder(): string {
  const files: Record<string, string | Buffer> = {
    'README.md': '# 说明\n这里是各单位的年报。\n',
    'web/a.html': reportToHtml(BROKEN_REPORT),
    'word/b.docx': Buffer.from(docxOf(reportToDocumentXml(BROKEN_REPORT))),
    'print/broken.pdf': Buffer.from('%PDF-1.4\nnot really a PDF\n'),
    // Last year's report of one body, to be paired with this year's.
    '2023/x.txt': renderReport({ year: 2023, agency: '某某县交通运输局' }),
    '2024/x.txt': renderReport({ year: 2024, agency: '某某县交通运输局' }),
  };
  for (let i = 0; i < 8; i++) files[`txt/r${i}.txt`] = i % 3 ? renderReport({ agency: `某某局${i}` }) : BROKEN_REPORT;
  return tempDir(files);
}

test('check and summary of a folder: the same exit code, stdout and stderr with worker threads as without', async () => {
  const dir = folder();
  for (const argv of [['check', '.'], ['check', '.', '--format', 'json'], ['summary', '.'], ['summary', '.', '--format', 'json', '--lang', 'en']]) {
    const sequential = await run(argv, { cwd: dir, env: { NIANBAO_WORKERS: '0' } });
    const threads = await run(argv, { cwd: dir, env: { NIANBAO_WORKERS: '2' } });
    assert.deepEqual(threads, sequential, argv.join(' '));
  }
});

test('a file that cannot be read is its own error line in both modes; the other files are checked', async () => {
  const dir = folder();
  const r = await run(['summary', '.', '--format', 'json'], { cwd: dir, env: { NIANBAO_WORKERS: '2' } });
  assert.equal(r.code, 2);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(out.errors.map((e: { path: string }) => e.path), ['print/broken.pdf']);
  assert.equal(out.reports.length, 12);
  assert.equal(out.reports.find((x: { path: string }) => x.path === '2024/x.txt').carryOver, 'checked');
});

test('the progress bar counts the files as the threads finish them, and is erased', async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 24; i++) files[`r${String(i).padStart(2, '0')}.txt`] = renderReport({ agency: `某某局${i}` });
  const r = await run(['summary'], { cwd: tempDir(files), stderrTTY: true, env: { NIANBAO_WORKERS: '2' } });
  const ticks = [...r.stderr.matchAll(/\] (\d+)\/24/g)].map((m) => Number(m[1]));
  assert.deepEqual(ticks, [...Array(24).keys()].map((i) => i + 1));
  assert.ok(r.stderr.endsWith('\r\u001b[K'));
});
