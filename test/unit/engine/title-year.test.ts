// The report title read through page chrome (spec §1.3) and year-mismatch on prose about this
// year's own figures written under another year (R-YEAR).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, parse } from '../../../server/src/engine/index.ts';
import { renderReport } from '../../support/reports.ts';

const TITLE = '某某县人民政府办公室2024年政府信息公开工作年度报告';

test('a `标题:` label before the title is no part of the title or the agency', () => {
  const text = renderReport().replace(TITLE, `标题: ${TITLE}\n发布时间: 2025-01-20 10:00\n发布机构: 某某县人民政府办公室`);
  const m = parse(text);
  assert.equal(m.title?.text, TITLE);
  assert.equal(m.title?.agency, '某某县人民政府办公室');
  assert.equal(m.year?.value, 2024);
});

test('metadata lines, breadcrumbs and 打印 关闭 before the title are skipped', () => {
  const text = renderReport().replace(TITLE, `当前位置：首页 > 政务公开 > 政府信息公开年报\n来源：某某县人民政府办公室 时间：2025-01-20\n【打印】【关闭】\n${TITLE}`);
  assert.equal(parse(text).title?.text, TITLE);
});

test('a title without the body name takes the agency from the page metadata, never from a label', () => {
  const text = renderReport().replace(TITLE, `2024年政府信息公开工作年度报告\n来源：某某县人民政府办公室 时间：2025-01-20 10:00`);
  assert.equal(parse(text).title?.agency, '某某县人民政府办公室');
});

test('a preface run on after the title on the same line is no part of the title', () => {
  const text = renderReport().replace(`${TITLE}\n`, `${TITLE} 根据《中华人民共和国政府信息公开条例》要求，和《某某省政府信息公开办法》的规定，结合本机关工作实际，特编制本报告，内容如下，请查阅。本报告的电子版可在门户网站下载。\n`);
  const m = parse(text);
  assert.equal(m.title?.text, TITLE);
  assert.equal(m.year?.value, 2024);
});

test('a report with no title line (copied from a page) gets title-position as info, not a warning', () => {
  const f = check(renderReport().replace(`${TITLE}\n`, '')).findings.filter((x) => x.code === 'title-position');
  assert.equal(f.length, 1);
  assert.equal(f[0]!.severity, 'info');
});

const yearFindings = (narrative: string) => {
  const text = renderReport({ narrative });
  return check(text).findings.filter((f) => f.code === 'year-mismatch').map((f) => text.slice(f.span.start, f.span.end));
};

test('year-mismatch: this year’s figures written under another year in 一', () => {
  assert.deepEqual(yearFindings('2023年，在主动公开的61条政府信息中，政策解读12条。'), ['2023']);
  assert.deepEqual(yearFindings('（一）主动公开情况。2023年，本机关主动公开政府信息61条。'), ['2023']);
});

test('year-mismatch near misses: comparisons, spans of years, dates, plans and the report year', () => {
  for (const s of [
    '2023年，本机关主动公开政府信息50条，较上年增加11条。',
    '2022年以来，累计公开政府信息300条。',
    '2023年12月，本机关更新了公开指南2次。',
    '2025年，本机关将公开政府信息100条。',
    '2024年，本机关主动公开政府信息61条。',
    '2023年，本机关获评先进单位。',
  ])
    assert.deepEqual(yearFindings(s), [], s);
});
