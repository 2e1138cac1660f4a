// node/lastYear.ts: which file is "the same body's report of the year before".

import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { agencyKey, identify, pickLastYear, ReportFolder } from '../../../server/src/node/lastYear';
import { LIMITS, parse } from '../../../server/src/engine';
import { renderReport } from '../../support/reports';
import { tempDir } from '../cli/helpers';

test('agencyKey ignores width, spaces and punctuation', () => {
  assert.equal(agencyKey('某某市 某某局'), agencyKey('某某市某某局'));
  assert.equal(agencyKey('某某市（某某）局'), agencyKey('某某市某某局'));
  assert.equal(agencyKey(''), null);
});

test('identify reads body and year from the head of the text', () => {
  assert.deepEqual(identify(renderReport({ year: 2023, agency: '某某局' })), { key: '某某局', year: 2023 });
  assert.deepEqual(identify('会议纪要\n一、议题\n'), { key: null, year: null });
});

test('pickLastYear: same body, year − 1, not itself; the nearest folder wins, then path order', () => {
  const c = (p: string, key = '某某局', year = 2023) => ({ path: path.join('/w', p), key, year });
  const self = { key: '某某局', year: 2024, path: path.join('/w', '2024', 'r.txt') };
  const candidates = [c('2023/a/r.txt'), c('2024/old/r.txt'), c('2024/r.txt', '某某局', 2024), c('2024/x.txt', '另一局'), c('2024/y.txt', '某某局', 2022)];
  assert.equal(pickLastYear(self, candidates)?.path, path.join('/w', '2024', 'old', 'r.txt'));
  assert.equal(pickLastYear(self, [c('b/r.txt'), c('a/r.txt')])?.path, path.join('/w', 'a', 'r.txt'));
  assert.equal(pickLastYear({ ...self, key: null }, candidates), null);
});

test('ReportFolder finds last year’s report below its roots, whatever the spacing of the body’s name', () => {
  const dir = tempDir({
    '2023/某某市某某局2023年报.txt': renderReport({ year: 2023, agency: '某某市某某局' }),
    'notes.txt': '会议纪要\n',
  });
  const folder = new ReportFolder([dir]);
  const model = parse(renderReport({ year: 2024, agency: '某某市 某某局' }));
  assert.equal(folder.lastYearOf(model, path.join(dir, '2024.txt'))?.path, path.join(dir, '2023', '某某市某某局2023年报.txt'));
});

test('ReportFolder keeps at most LIMITS.parsedReports parsed reports, the most recently used', () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < LIMITS.parsedReports + 4; i++) files[`r${i}.txt`] = renderReport({ year: 2000 + i, agency: '某某局' });
  const dir = tempDir(files);
  const folder = new ReportFolder([dir]);
  const names = Object.keys(files);
  for (const name of names) assert.ok(folder.load(path.join(dir, name)));
  assert.deepEqual(folder.parsed(), names.slice(-LIMITS.parsedReports).map((n) => path.join(dir, n)));
});

test('ReportFolder keeps parsed reports within a text budget, always the one used last', () => {
  const dir = tempDir({ 'a.txt': renderReport({ year: 2022 }), 'b.txt': renderReport({ year: 2023 }) });
  const size = renderReport({ year: 2022 }).length;
  const folder = new ReportFolder([dir], { reports: 8, chars: size + size / 2 });
  folder.load(path.join(dir, 'a.txt'));
  folder.load(path.join(dir, 'b.txt'));
  assert.deepEqual(folder.parsed(), [path.join(dir, 'b.txt')]);
  const tiny = new ReportFolder([dir], { reports: 8, chars: 1 });
  tiny.load(path.join(dir, 'a.txt'));
  assert.deepEqual(tiny.parsed(), [path.join(dir, 'a.txt')]);
});
