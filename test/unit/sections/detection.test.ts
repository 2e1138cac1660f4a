// Section detection (spec §1, §1.2) on small synthetic reports: every heading variant the
// reader accepts, every trap it must not fall into, and the exact original spans it reports.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findSections, matchSectionTitle } from '../../../server/src/engine/reader/sections.ts';
import { normalize } from '../../../server/src/engine/text/normalize.ts';
import { check, LineIndex } from '../../../server/src/engine/index.ts';

const TITLES = ['总体情况', '主动公开政府信息情况', '收到和处理政府信息公开申请情况', '政府信息公开行政复议、行政诉讼情况', '存在的主要问题及改进情况', '其他需要报告的事项'];
const NUMERALS = ['一', '二', '三', '四', '五', '六'];

/** A report body: a title line, then each heading followed by one line of prose. */
function report(headings: string[]): string {
  return ['某某县人民政府2021年政府信息公开工作年度报告', ...headings.flatMap((h) => [h, '本年度工作情况如下。'])].join('\n');
}
function headingsOf(text: string) {
  return findSections(normalize(text), []).map((s) => s.heading);
}
function indexes(text: string): number[] {
  return headingsOf(text).map((h) => h.index);
}
const canonical = NUMERALS.map((n, i) => `${n}、${TITLES[i]}`);

test('the six canonical headings are found in order', () => {
  assert.deepEqual(indexes(report(canonical)), [1, 2, 3, 4, 5, 6]);
});

test('a heading span covers the heading line exactly, in original offsets', () => {
  const text = report(canonical);
  for (const h of headingsOf(text)) assert.equal(text.slice(h.span.start, h.span.end), canonical[h.index - 1]);
});

for (const [name, line] of [
  ['an Arabic numeral with 、', '2、主动公开政府信息情况'],
  ['a Chinese numeral with a full stop', '二.主动公开政府信息情况'],
  ['an Arabic numeral with a full stop', '2.主动公开政府信息情况'],
  ['a full-width full stop', '二．主动公开政府信息情况'],
  ['spaces around the separator', '二 、 主动公开政府信息情况'],
  ['a trailing colon', '二、主动公开政府信息情况：'],
  ['the title followed by prose on the same line', '二、主动公开政府信息情况。本年度主动公开信息1200条。'],
] as const) {
  test(`a heading with ${name} is section 二`, () => {
    const hs = headingsOf(report([canonical[0]!, line, ...canonical.slice(2)]));
    assert.equal(hs[1]!.index, 2);
    assert.equal(hs.length, 6);
  });
}

test('a Kangxi radical numeral (⼀ U+2F00) is read as 一 and keeps its original text and span', () => {
  const text = report(['⼀、总体情况', ...canonical.slice(1)]);
  const h = headingsOf(text)[0]!;
  assert.equal(h.index, 1);
  assert.equal(h.numeral.raw, '⼀');
  assert.equal(text.slice(h.numeral.span.start, h.numeral.span.end), '⼀');
});

test('an Arabic numeral is kept as written so section-numbering can replace it', () => {
  const h = headingsOf(report([canonical[0]!, '2、主动公开政府信息情况', ...canonical.slice(2)]))[1]!;
  assert.equal(h.numeral.raw, '2');
  assert.equal(h.numeral.value, 2);
});

test('spans stay in original offsets when normalisation changes the text before the heading', () => {
  // A zero-width space and a BOM before the heading are dropped by normalisation.
  const text = '\uFEFF某某县2021年政府信息公开工作年度报告\u200B\n' + canonical.join('\n');
  const h = headingsOf(text)[0]!;
  assert.equal(text.slice(h.span.start, h.span.end), '一、总体情况');
});

for (const [i, variants] of [
  [1, ['概述']],
  [4, ['因政府信息公开工作被申请行政复议、提起行政诉讼情况', '政府信息公开行政复议和行政诉讼情况']],
  [5, ['政府信息公开工作存在的主要问题及改进情况', '存在问题及改进情况', '存在的主要问题和改进情况']],
] as const) {
  for (const v of variants) {
    test(`the known wording “${v}” is section ${NUMERALS[i - 1]}`, () => {
      const m = matchSectionTitle(v)!;
      assert.equal(m.index, i);
      assert.notEqual(m.kind, 'canonical');
    });
  }
}

test('a title with one wrong character is still matched (fuzzy)', () => {
  const m = matchSectionTitle('收到和处理政府信息公开申请的情况')!;
  assert.equal(m.index, 3);
  assert.equal(m.kind, 'fuzzy');
});

test('an unrelated short title matches no section', () => {
  assert.equal(matchSectionTitle('加强组织领导'), null);
});

test('table-3 row labels written as numbered lines are not headings', () => {
  const text = report([
    ...canonical.slice(0, 3),
    '一、本年新收政府信息公开申请数量',
    '二、上年结转政府信息公开申请数量',
    '四、结转下年度继续办理',
    ...canonical.slice(3),
  ]);
  assert.deepEqual(indexes(text), [1, 2, 3, 4, 5, 6]);
});

test('numbered list items inside 五 (long sentences ending in 。) are not headings', () => {
  const text = report([
    ...canonical.slice(0, 5),
    '一、公开内容不够全面，部分领域信息更新不及时，下一步将加强督促检查。',
    '  二、政策解读形式较为单一，今后将丰富解读形式，提升解读质量。',
    canonical[5]!,
  ]);
  assert.deepEqual(indexes(text), [1, 2, 3, 4, 5, 6]);
});

test('a repeated numeral with a short non-matching title right after a heading is a duplicate heading', () => {
  const text = report([canonical[0]!, '一、工作情况', ...canonical.slice(1)]);
  const hs = headingsOf(text);
  assert.equal(hs[1]!.titleMatch, 'none');
  assert.equal(hs[1]!.index, 1);
});

test('a short non-matching title with another numeral is not a heading', () => {
  assert.deepEqual(indexes(report([canonical[0]!, '三、加强组织领导', ...canonical.slice(1)])), [1, 2, 3, 4, 5, 6]);
});

test('sub-headings （一）(二) are collected in the section they belong to', () => {
  const text = report([canonical[0]!, '（一）主动公开', '(二) 依申请公开', ...canonical.slice(1)]);
  const s = findSections(normalize(text), [])[0]!;
  assert.deepEqual(s.subHeadings.map((x) => x.label), ['（一）主动公开', '(二) 依申请公开']);
});

test('a section span runs from its heading to the next heading', () => {
  const text = report(canonical);
  const ss = findSections(normalize(text), []);
  assert.equal(ss[0]!.span.end, ss[1]!.span.start);
  assert.equal(ss[5]!.span.end, text.length);
});

test('inside a table region only a line that is exactly a section title is a heading', () => {
  // A table reader may run its region over the heading after the table (a page break in PDF
  // text); no row label equals a section title, but a title with text after it is no heading there.
  const text = report([...canonical.slice(0, 3), '四、结转下年度继续办理', canonical[3]!, '五、存在的主要问题及改进情况2024年，我局…', canonical[5]!]);
  const nt = normalize(text);
  const from = nt.text.indexOf('四、结转');
  const to = nt.text.indexOf('六、');
  assert.deepEqual(findSections(nt, [{ start: from, end: to }]).map((s) => s.heading.index), [1, 2, 3, 4, 6]);
});

test('CRLF and lone CR line breaks end heading lines', () => {
  for (const eol of ['\r\n', '\r']) {
    const text = canonical.join(eol);
    assert.deepEqual(indexes(text), [1, 2, 3, 4, 5, 6], JSON.stringify(eol));
  }
});

// The rules over the detected sections, with exact positions.
function found(text: string, code: string) {
  const li = new LineIndex(text);
  return check(text).findings.filter((f) => f.code === code).map((f) => ({ f, line: li.positionAt(f.span.start).line }));
}

test('section-duplicate is reported on the repeated heading line, not as a misorder', () => {
  const text = report([canonical[0]!, '一、工作情况', ...canonical.slice(1)]);
  const d = found(text, 'section-duplicate');
  assert.equal(d.length, 1);
  assert.equal(text.slice(d[0]!.f.span.start, d[0]!.f.span.end), '一、工作情况');
  assert.deepEqual(found(text, 'section-order'), []);
});

test('section-order is reported when 三 comes before 二', () => {
  const text = report([canonical[0]!, canonical[2]!, canonical[1]!, ...canonical.slice(3)]);
  assert.equal(found(text, 'section-order').length, 1);
});

test('section-numbering offers a fix replacing `2` with `二`', () => {
  const text = report([canonical[0]!, '2、主动公开政府信息情况', ...canonical.slice(2)]);
  const [d] = found(text, 'section-numbering');
  const edits = d!.f.fixes?.[0]?.edits ?? [];
  let fixed = text;
  for (const e of [...edits].sort((a, b) => b.span.start - a.span.start)) fixed = fixed.slice(0, e.span.start) + e.newText + fixed.slice(e.span.end);
  assert.match(fixed, /\n二、主动公开政府信息情况\n/);
});

test('a missing 六 is reported after the end of 五, not at the top of the file', () => {
  const text = report(canonical.slice(0, 5));
  const [d] = found(text, 'section-missing');
  assert.ok(d);
  assert.ok(d.line >= 10, `reported on line ${d.line}`);
});
