// template-version (spec §2.5, R-TEMPLATE): what decides the template, and the mixed template
// real reports use (2021 table 2 with a 2019-style table 3) reported once.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, parse } from '../../../server/src/engine/index.ts';
import { renderReport } from '../../support/reports.ts';

const versionFindings = (text: string) => check(text).findings.filter((f) => f.code === 'template-version');

test('a 2019 table-2 word in a sentence of the prose is no template marker', () => {
  const text = renderReport({ narrative: '2024年，本机关主动公开政府信息90条，其中财政预算、决算信息2条，政府集中采购项目的目录、标准及实施情况2条。' });
  assert.deepEqual(parse(text).template.markers.filter((m) => m.template === 'F2019'), []);
  assert.deepEqual(versionFindings(text), []);
});

test('a 2021 table 2 with （六）其他处理 as one row in table 3 is one mixed-template warning on that row', () => {
  const text = renderReport()
    .replace(/\t（六）其他处理\t1\.[^\n]*\n[^\n]*\n[^\n]*\n/, '\t（六）其他处理\t0\t0\t0\t0\t0\t0\t0\n');
  const f = versionFindings(text);
  assert.equal(f.length, 1);
  assert.equal(f[0]!.severity, 'warning');
  assert.equal(text.slice(f[0]!.span.start, f[0]!.span.end), '（六）其他处理');
});

test('a clean 2021 report has no template-version finding', () => {
  assert.deepEqual(versionFindings(renderReport()), []);
});
