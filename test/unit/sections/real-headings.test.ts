// Headings as published reports write them (spec §1.3, §7.4), on synthetic fixtures: text run
// on after the title, suffixes, missing separators, odd spaces, Markdown wrappers, page breaks,
// more wording variants (info at most), and a local structure reported once.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findSections } from '../../../server/src/engine/reader/sections.ts';
import { normalize } from '../../../server/src/engine/text/normalize.ts';
import { check, parse } from '../../../server/src/engine/index.ts';
import { renderReport } from '../../support/reports.ts';

const TITLES = ['总体情况', '主动公开政府信息情况', '收到和处理政府信息公开申请情况', '政府信息公开行政复议、行政诉讼情况', '存在的主要问题及改进情况', '其他需要报告的事项'];
const NUMERALS = ['一', '二', '三', '四', '五', '六'];
const canonical = NUMERALS.map((n, i) => `${n}、${TITLES[i]}`);

function report(headings: string[]): string {
  return ['某某县人民政府2024年政府信息公开工作年度报告', ...headings.flatMap((h) => [h, '本年度工作情况如下。'])].join('\n');
}
const headingsOf = (text: string) => findSections(normalize(text), []).map((s) => s.heading);
const withLine = (i: number, line: string) => canonical.map((h, k) => (k === i ? line : h));
const loud = (text: string, options = {}) => check(text, options).findings.filter((f) => f.severity === 'error' || f.severity === 'warning');

for (const [name, i, line, title] of [
  ['text run on after the title', 4, '五、存在的主要问题及改进情况2024年，我局政务公开工作仍有不足。', '存在的主要问题及改进情况'],
  ['a one-word body on the heading line', 5, '六、其他需要报告的事项无。', '其他需要报告的事项'],
  ['a suffix in brackets', 1, '二、主动公开政府信息情况（有关情况附表）', '主动公开政府信息情况'],
  ['a space and text after the title', 0, '一、总体情况 2024年，我局认真贯彻条例。', '总体情况'],
] as const) {
  test(`a heading with ${name} is read as its section, the title span covering the title only`, () => {
    const text = report(withLine(i, line));
    const h = headingsOf(text)[i]!;
    assert.equal(h.index, i + 1);
    assert.equal(h.titleMatch, 'canonical');
    assert.equal(text.slice(h.title.span.start, h.title.span.end), title);
    assert.equal(text.slice(h.span.start, h.span.end), line);
  });
}

test('a title with a typo followed by run-on text is a heading with a fuzzy title', () => {
  const h = headingsOf(report(withLine(4, '五、存在的主要问题及改近情况2024年，我局…')))[4]!;
  assert.equal(h.index, 5);
  assert.equal(h.titleMatch, 'fuzzy');
});

test('a numbered list item inside 五 that starts like an earlier title is not a heading', () => {
  const text = report([...canonical.slice(0, 5), '一、总体情况良好，但公开内容仍需丰富。', canonical[5]!]);
  assert.deepEqual(headingsOf(text).map((h) => h.index), [1, 2, 3, 4, 5, 6]);
});

test('a heading without 、 (`一总体情况`) is section 一, and the missing 、 is info only', () => {
  const text = renderReport().replace('一、总体情况', '一总体情况');
  const h = parse(text).sections[0]!.heading;
  assert.equal(h.index, 1);
  assert.equal(h.separator, '');
  const f = check(text).findings.filter((x) => x.code === 'section-numbering');
  assert.equal(f.length, 1);
  assert.equal(f[0]!.severity, 'info');
  assert.equal(text.slice(f[0]!.span.start, f[0]!.span.end), '一');
});

test('a line starting with a numeral but no separator and no title is not a heading (`一是…`)', () => {
  assert.deepEqual(headingsOf(report([...canonical.slice(0, 5), '一是加强培训。', canonical[5]!])).map((h) => h.index), [1, 2, 3, 4, 5, 6]);
});

test('ideographic spaces before and a no-break space after a heading are tolerated, with exact spans', () => {
  const text = report(withLine(3, '\u3000\u3000四、政府信息公开行政复议、行政诉讼情况\u00a0'));
  const h = headingsOf(text)[3]!;
  assert.equal(h.index, 4);
  assert.equal(text.slice(h.span.start, h.span.end), '四、政府信息公开行政复议、行政诉讼情况');
});

for (const [name, line] of [
  ['in Markdown bold', '**五、存在的主要问题及改进情况**'],
  ['in two bold runs', '**五、**存在的主要问题及改进情况'],
  ['as a Markdown heading', '## 五、存在的主要问题及改进情况'],
  ['after a form feed (a PDF page break)', '\f五、存在的主要问题及改进情况'],
] as const) {
  test(`a heading ${name} is read as the section`, () => {
    const text = report(withLine(4, line));
    const h = headingsOf(text)[4]!;
    assert.equal(h.index, 5);
    assert.equal(h.titleMatch, 'canonical');
    assert.equal(text.slice(h.numeral.span.start, h.numeral.span.end), '五');
  });
}

test('a heading in bold gets no section-numbering or section-title finding', () => {
  const text = renderReport().replace('五、存在的主要问题及改进情况', '**五、存在的主要问题及改进情况**');
  assert.deepEqual(check(text).findings.filter((f) => f.code.startsWith('section-')), []);
});

for (const [i, v] of [
  [4, '政府信息公开行政复议与行政诉讼情况'],
  [5, '存在的主要问题及改进措施'],
  [5, '存在的主要问题及整改措施'],
  [5, '存在主要问题及改进情况'],
  [6, '其他需要报告事项'],
  [6, '需要说明的其他事项与附表'],
] as const) {
  test(`the wording “${v}” for ${NUMERALS[i - 1]} is a known variant: info only`, () => {
    const text = renderReport().replace(`${NUMERALS[i - 1]}、${TITLES[i - 1]}`, `${NUMERALS[i - 1]}、${v}`);
    const f = check(text).findings.filter((x) => x.code === 'section-title');
    assert.equal(f.length, 1);
    assert.equal(f[0]!.severity, 'info');
  });
}

test('a stray 三、本年度 (a split table-3 label outside a read table) is not a duplicate heading', () => {
  const text = report([...canonical.slice(0, 3), '三、本年度', '办理结果', ...canonical.slice(3)]);
  assert.deepEqual(headingsOf(text).map((h) => h.index), [1, 2, 3, 4, 5, 6]);
});

// The local structure: 五 信息处理费收取情况 (with a fee table), 六 存在的主要问题及改进情况.
function localReport(): string {
  return renderReport()
    .replace('五、存在的主要问题及改进情况', '五、信息处理费收取情况\n本年度未收取信息处理费。\n六、存在的主要问题及改进情况')
    .replace(/六、其他需要报告的事项\n[^\n]*\n/, '');
}

test('a report in the local structure is read as six sections, 信息处理费收取情况 standing for 六', () => {
  const m = parse(localReport());
  assert.equal(m.structure, 'fee-section');
  assert.deepEqual(m.sections.map((s) => [s.heading.numeral.value, s.heading.index]), [[1, 1], [2, 2], [3, 3], [4, 4], [5, 6], [6, 5]]);
});

test('the local structure is reported once, as a section-title warning on 五, not as missing sections', () => {
  const text = localReport();
  const f = loud(text);
  assert.deepEqual(f.map((x) => x.code), ['section-title']);
  assert.equal(text.slice(f[0]!.span.start, f[0]!.span.end), '五、信息处理费收取情况');
});

test('a local structure declared accepted (localStructures) gets no finding', () => {
  assert.deepEqual(loud(localReport(), { localStructures: ['fee-section'] }), []);
});

test('a local title in the national position (六、信息处理费收取情况 after 五) is a variant of 六, not a local structure', () => {
  const text = renderReport().replace('六、其他需要报告的事项', '六、信息处理费收取情况');
  const m = parse(text);
  assert.equal(m.structure, undefined);
  assert.equal(m.sections[5]!.heading.titleMatch, 'variant');
  assert.deepEqual(loud(text), []);
});

test('an unknown wording of the next section keeping a word of its title is that section, with a section-title warning', () => {
  const text = renderReport().replace('五、存在的主要问题及改进情况', '五、存在问题及下一步打算');
  const m = parse(text);
  assert.equal(m.sections[4]!.heading.index, 5);
  const f = check(text).findings.filter((x) => x.severity === 'warning' || x.severity === 'error');
  assert.deepEqual(f.map((x) => x.code), ['section-title']);
});

test('a short numbered line out of sequence, or without a word of the section title, is not read as a heading', () => {
  assert.deepEqual(headingsOf(report([...canonical.slice(0, 4), '六、其他工作', canonical[4]!, canonical[5]!])).map((h) => h.index), [1, 2, 3, 4, 5, 6]);
  assert.deepEqual(headingsOf(report([...canonical.slice(0, 4), '五、加强组织领导', canonical[5]!])).map((h) => h.index), [1, 2, 3, 4, 6]);
});
