import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixture, json, run, tempDir, type CheckJsonFile } from './helpers';

const Y2020 = fixture('pair/report-2020.txt');
const Y2021 = fixture('pair/report-2021.txt');
const carry = (file: CheckJsonFile | undefined) => file!.findings.filter((f) => f.code === 'carry-over');

test('reports of the same body and consecutive years are paired for carry-over', async () => {
  const dir = tempDir({ '2020.txt': Y2020, '2021.txt': Y2021 });
  const out = json(await run(['check', '.', '--format', 'json', '--lang', 'en'], { cwd: dir }));
  const [y20, y21] = out.files;
  assert.equal(carry(y20).length, 0, 'nothing before 2020 was given');
  // 2020 carried 2 (自然人, 总计) over; 2021 says 0 came over.
  assert.deepEqual(carry(y21).map((f) => [f.expected, f.actual]), [[2, 0], [2, 0]]);
});

test('without last year’s report there is no carry-over check', async () => {
  const dir = tempDir({ '2021.txt': Y2021 });
  const out = json(await run(['check', '.', '--format', 'json'], { cwd: dir }));
  assert.equal(carry(out.files[0]).length, 0);
});

test('reports of different bodies are not paired', async () => {
  const dir = tempDir({ '2020.txt': Y2020.replace('某某局2020年', '另一局2020年'), '2021.txt': Y2021 });
  const out = json(await run(['check', '.', '--format', 'json'], { cwd: dir }));
  assert.equal(carry(out.files[1]).length, 0);
});

test('--previous names last year’s report explicitly', async () => {
  const dir = tempDir({ 'old/last.txt': Y2020, '2021.txt': Y2021 });
  const r = await run(['check', '2021.txt', '--previous', 'old/last.txt', '--format', 'json', '--verbose', '--lang', 'en'], { cwd: dir });
  assert.equal(carry(json(r).files[0]).length, 2);
  assert.match(r.stderr, /2021\.txt: carry-over from old\/last\.txt/);
});

test('--previous that cannot be read is an I/O error (exit 2)', async () => {
  const dir = tempDir({ '2021.txt': Y2021 });
  const r = await run(['check', '2021.txt', '--previous', 'nope.txt', '--lang', 'en'], { cwd: dir });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /nope\.txt: previous report: no such file/);
});
