// Structure rules (spec §1.2, SEC-1…SEC-5): the six sections, their order, numbering,
// titles, the report title, and the tables each section must hold.

import { placeholder } from '../format/placeholders';
import { CHINESE_NUMERALS, LOCAL_STRUCTURES, NATIONAL_ORDER, SECTIONS } from '../format/sections';
import type { Fix } from '../findings';
import type { ReportModel, Section, Span } from '../model';
import type { Rule } from './types';

const real = (m: ReportModel): Section[] => m.sections.filter((s) => s.heading.titleMatch !== 'none');
const heading = (i: number) => `${CHINESE_NUMERALS[i - 1]}、${SECTIONS[i - 1]!.title}`;
/** Where a section is numbered (1…6): the national order, or the report's local structure. */
const positionOf = (m: ReportModel, index: number): number =>
  (LOCAL_STRUCTURES.find((ls) => ls.id === m.structure)?.order ?? NATIONAL_ORDER).indexOf(index) + 1;

/** Where a missing section belongs: before the next present section, or at the end of the
 *  text (before a trailing signature block of issuing body + date). */
function insertionPoint(model: ReportModel, index: number): { offset: number; anchor: Span; atEnd: boolean } {
  const present = real(model);
  const next = present.find((s) => s.heading.index > index);
  if (next) return { offset: lineStartOf(model.text, next.heading.span.start), anchor: next.heading.span, atEnd: false };
  const text = model.text;
  // Trailing signature: last non-empty lines `机关名称` + `YYYY年M月D日`.
  const lines = text.split(/\r\n|\n|\r/);
  const starts: number[] = [];
  let p = 0;
  for (const l of lines) {
    starts.push(p);
    p += l.length;
    p += text.startsWith('\r\n', p) ? 2 : p < text.length ? 1 : 0;
  }
  let last = lines.length - 1;
  while (last >= 0 && lines[last]!.trim() === '') last--;
  let insertLine = last + 1;
  if (last >= 0 && /^\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$/.test(lines[last]!)) {
    insertLine = last;
    let k = last - 1;
    while (k >= 0 && lines[k]!.trim() === '') k--;
    if (k >= 0 && lines[k]!.trim().length <= 30 && !/[。；，]/.test(lines[k]!)) insertLine = k;
  }
  let anchorLine = insertLine - 1;
  while (anchorLine > 0 && lines[anchorLine]!.trim() === '') anchorLine--;
  const anchorStart = starts[Math.max(0, anchorLine)] ?? 0;
  const anchorText = lines[Math.max(0, anchorLine)] ?? '';
  const lead = anchorText.length - anchorText.trimStart().length;
  const anchor = { start: anchorStart + lead, end: anchorStart + anchorText.trimEnd().length };
  const offset = insertLine < lines.length ? starts[insertLine]! : text.length;
  return { offset, anchor, atEnd: insertLine >= lines.length };
}

function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

function eol(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

export const sectionMissing: Rule = {
  code: 'section-missing',
  defaultSeverity: 'error',
  spec: ['SEC-1'],
  description: { zh: '六个部分必须齐全', en: 'All six sections must be present' },
  docs: {
    why: '《条例》第五十条 lists the contents every report must have and the national format fixes six parts; 30号 says they may not be omitted (spec SEC-1).',
    bad: '一、总体情况 … 五、存在的主要问题及改进情况 …（no 六）',
    fix: 'Quick fix inserts `六、其他需要报告的事项` with a placeholder line where the section belongs (before a trailing signature).',
  },
  check({ model, report }) {
    if (!model.isReport) return;
    const present = new Set(real(model).map((s) => s.heading.index));
    for (const def of SECTIONS) {
      if (present.has(def.index)) continue;
      const at = insertionPoint(model, def.index);
      const nl = eol(model.text);
      const body = def.index === 6 ? '本年度未收取信息处理费。' : placeholder();
      const block = `${heading(def.index)}${nl}${body}${nl}`;
      const newText = at.atEnd && at.offset > 0 && !/[\r\n]$/.test(model.text) ? nl + block : block;
      const fix: Fix = {
        title: { zh: `插入“${heading(def.index)}”`, en: `Insert “${heading(def.index)}”` },
        edits: [{ span: { start: at.offset, end: at.offset }, newText }],
        isPreferred: true,
        safe: false,
      };
      report({
        code: 'section-missing',
        span: at.anchor,
        message: {
          zh: `缺少第${def.numeral}部分“${heading(def.index)}”`,
          en: `Section ${def.index} “${heading(def.index)}” (${['General', 'Proactive disclosure', 'Applications', 'Review and litigation', 'Problems and improvements', 'Other matters'][def.index - 1]}) is missing`,
        },
        fixes: [fix],
        location: { kind: 'section', section: def.index },
      });
    }
  },
};

export const sectionOrder: Rule = {
  code: 'section-order',
  defaultSeverity: 'error',
  spec: ['SEC-2'],
  description: { zh: '六个部分应按一至六的顺序排列', en: 'Sections must appear in the order 一 to 六' },
  docs: {
    why: 'The template orders the parts 一→六 (spec SEC-2).',
    bad: '一、… 三、… 二、…',
    fix: 'Move the section; no automatic fix (moving prose is the author’s call).',
  },
  check({ model, report }) {
    // The sections in place are the longest run in increasing order; the others moved.
    const firsts: Section[] = [];
    const seen = new Set<number>();
    for (const s of real(model)) {
      if (seen.has(s.heading.index)) continue; // duplicates are section-duplicate's
      seen.add(s.heading.index);
      firsts.push(s);
    }
    const n = firsts.length;
    const len = new Array<number>(n).fill(1);
    const prev = new Array<number>(n).fill(-1);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < i; j++)
        if (positionOf(model, firsts[j]!.heading.index) < positionOf(model, firsts[i]!.heading.index) && len[j]! + 1 > len[i]!) {
          len[i] = len[j]! + 1;
          prev[i] = j;
        }
    let best = -1;
    for (let i = 0; i < n; i++) if (best < 0 || len[i]! > len[best]!) best = i;
    const inPlace = new Set<number>();
    for (let i = best; i >= 0; i = prev[i]!) inPlace.add(i);
    firsts.forEach((s, i) => {
      if (inPlace.has(i)) return;
      const k = positionOf(model, s.heading.index);
      report({
        code: 'section-order',
        span: s.heading.span,
        message: {
          zh: `第${CHINESE_NUMERALS[k - 1]}部分的位置不对，顺序应为一至六`,
          en: `Section ${k} (${CHINESE_NUMERALS[k - 1]}) is out of place; the order is 1 to 6 (一 to 六)`,
        },
      });
    });
  },
};

export const sectionDuplicate: Rule = {
  code: 'section-duplicate',
  defaultSeverity: 'warning',
  spec: ['SEC-2'],
  description: { zh: '同一部分编号只应出现一次', en: 'Each section number appears once at top level' },
  docs: {
    why: 'Each part appears once (SEC-2). A sub-heading numbered like a part (`一、工作情况` inside 一) confuses readers and checkers.',
    bad: '一、总体情况\n一、工作情况',
    fix: 'Number sub-headings （一）（二）…',
  },
  check({ model, report }) {
    const first = new Map<number, Section>();
    for (const s of model.sections) {
      const i = s.heading.index;
      const prev = first.get(i);
      if (!prev) {
        if (s.heading.titleMatch !== 'none') first.set(i, s);
        continue;
      }
      report({
        code: 'section-duplicate',
        span: s.heading.span,
        message: {
          zh: `重复的第${CHINESE_NUMERALS[i - 1]}部分标题（第 ${prev.heading.line + 1} 行已有“${CHINESE_NUMERALS[i - 1]}、”）；部分内的小标题请用（一）（二）编号`,
          en: `Duplicate heading for section ${i} (already at line ${prev.heading.line + 1}); number sub-headings inside a section as （一）（二）`,
        },
        related: [{ span: prev.heading.span, message: { zh: '第一次出现', en: 'first occurrence' } }],
      });
    }
  },
};

export const sectionNumbering: Rule = {
  code: 'section-numbering',
  defaultSeverity: 'warning',
  spec: ['SEC-3', 'N10'],
  description: { zh: '部分编号应为“一、”至“六、”', en: 'Section numbers are written 一、 to 六、' },
  docs: {
    why: 'The template numbers parts with Chinese numerals and `、` (SEC-3). Kangxi-radical numerals from PDF exports (`⼀`) are accepted.',
    bad: '2、 主动公开政府信息情况',
    fix: 'Quick fix (safe): `二、主动公开政府信息情况`.',
  },
  check({ model, report }) {
    for (const s of real(model)) {
      const h = s.heading;
      const position = positionOf(model, h.index);
      const want = `${CHINESE_NUMERALS[position - 1]}、`;
      const written = model.text.slice(h.numberingSpan.start, h.numberingSpan.end);
      // Kangxi radicals (`⼀` U+2F00) render as the numeral; they are an export artefact, not
      // a numbering defect (spec N1), so compare after NFKC. Spaces around `、` are tolerated.
      const canonicalNumeral = /^[一二三四五六]$/.test(h.numeral.raw.normalize('NFKC'));
      if (canonicalNumeral && h.numeral.value === position && h.separator === '、') continue;
      // Only the 、 missing (`一总体情况`): a style slip, not worth a warning.
      const onlySeparator = canonicalNumeral && h.numeral.value === position;
      report({
        code: 'section-numbering',
        ...(onlySeparator ? { severity: 'info' as const } : {}),
        span: h.numberingSpan,
        message: {
          zh: `编号“${written.trim()}”应写作“${want}”`,
          en: `Numbering “${written.trim()}” should be “${want}”`,
        },
        fixes: [
          {
            title: { zh: `改为“${want}”`, en: `Change to “${want}”` },
            edits: [{ span: h.numberingSpan, newText: want }],
            isPreferred: true,
            safe: true,
            phase: 0,
          },
        ],
      });
    }
  },
};

export const sectionTitle: Rule = {
  code: 'section-title',
  defaultSeverity: 'info',
  spec: ['§1.1'],
  description: { zh: '部分标题应与模板一致', en: 'Section titles follow the template' },
  docs: {
    why: 'Titles follow the template (§1.1). Known variants (the 条例 wording and wordings common in published reports, such as `存在的主要问题及改进措施`, `政府信息公开行政复议与行政诉讼情况`, `需要说明的其他事项与附表`) are info; unknown wording or typos are warnings (a short line numbered as the next section that keeps a word of its title, such as `五、存在问题及下一步打算`, is read as that section with this warning, not as a missing section). Text running on after a title on the same line, a suffix such as `（有关情况附表）`, Markdown bold and odd spaces are read as the heading they are (spec §1.3). A local structure — `五、信息处理费收取情况` and `六、存在的主要问题及改进情况`, with no `其他需要报告的事项` — is one deviation from the national format: one warning on 五, no missing sections; a region that requires it declares it accepted with `"localStructures": ["fee-section"]` in `.nianbaorc.json` (editor: `nianbao.localStructures`), and the warning goes.',
    bad: '四、政府信息公开行政法复议、行政诉讼情况',
    fix: 'Quick fix: the template title. For a local structure: declare it in `localStructures`, or use the national 五 and 六.',
  },
  check({ model, options, report }) {
    const local = LOCAL_STRUCTURES.find((ls) => ls.id === model.structure);
    if (local && !(options.localStructures ?? []).includes(local.id)) {
      // One structural deviation, reported once (not as two missing sections).
      const at = real(model).find((s) => s.heading.titleMatch === 'local')!;
      report({
        code: 'section-title',
        severity: 'warning',
        span: at.heading.span,
        message: {
          zh: `本报告第五、六部分采用地方结构（${local.description.zh}），与全国格式（五、存在的主要问题及改进情况；六、其他需要报告的事项）不同；如为本地区统一要求，可在 .nianbaorc.json 的 "localStructures" 中声明 "${local.id}"`,
          en: `Sections 五 and 六 follow a local structure (${local.description.en}) instead of the national format (五 problems and improvements; 六 other matters); if your region requires it, declare "${local.id}" in "localStructures" of .nianbaorc.json`,
        },
        location: { kind: 'section', section: at.heading.index },
      });
    }
    for (const s of real(model)) {
      const h = s.heading;
      if (h.titleMatch === 'canonical' || h.titleMatch === 'local') continue;
      const fix: Fix = {
        title: { zh: `改为模板标题“${h.canonicalTitle}”`, en: `Use the template title “${h.canonicalTitle}”` },
        edits: [{ span: h.title.span, newText: h.canonicalTitle }],
        isPreferred: h.titleMatch === 'fuzzy',
        safe: false,
      };
      if (h.titleMatch === 'fuzzy') {
        report({
          code: 'section-title',
          severity: 'warning',
          span: h.title.span,
          message: { zh: `标题“${h.title.raw}”与模板“${h.canonicalTitle}”不一致（疑似错字）`, en: `Title “${h.title.raw}” differs from the template “${h.canonicalTitle}” (typo?)` },
          fixes: [fix],
        });
      } else {
        report({
          code: 'section-title',
          span: h.title.span,
          message:
            h.titleMatch === 'outdated'
              ? { zh: `“${h.title.raw}”是旧格式的标题，现行模板为“${h.canonicalTitle}”`, en: `“${h.title.raw}” is an outdated title; the template says “${h.canonicalTitle}”` }
              : { zh: `标题“${h.title.raw}”是常见变体，模板为“${h.canonicalTitle}”`, en: `Title “${h.title.raw}” is a known variant; the template says “${h.canonicalTitle}”` },
          fixes: [fix],
        });
      }
    }
  },
};

export const titlePosition: Rule = {
  code: 'title-position',
  defaultSeverity: 'warning',
  spec: ['SEC-4'],
  description: { zh: '报告标题应在“一、”之前', en: 'The report title comes before section 一' },
  docs: {
    why: 'The report title (`<机关><年份>年政府信息公开工作年度报告`) comes before `一、` (SEC-4): a warning when it comes after. A text with no title line at all is info only: text copied from a web page leaves the title behind (it was the page’s heading). Page chrome around the title (`标题:`, `发布时间:`, `来源：… 时间：…`, breadcrumbs, `打印 关闭`) is read through; the issuing body comes from the title, else the page’s `发布机构`/`来源`.',
    bad: '一、总体情况\n政府办公室2021年政府信息公开工作年度报告',
    fix: 'Move the title to the top.',
  },
  check({ model, report }) {
    if (!model.isReport) return;
    const first = real(model)[0];
    if (!model.title) {
      if (!first) return;
      // Text copied from a web page leaves the title behind (it was the page's heading): info.
      report({
        code: 'title-position',
        severity: 'info',
        span: first.heading.span,
        message: { zh: '未找到报告标题（如“××2021年政府信息公开工作年度报告”；从网页复制时标题常在正文之外）', en: 'No report title found (e.g. “…2021年政府信息公开工作年度报告”; text copied from a web page often leaves it out)' },
      });
      return;
    }
    if (first && model.title.span.start > first.heading.span.start) {
      report({
        code: 'title-position',
        span: model.title.span,
        message: { zh: '报告标题出现在“一、”之后，应放在正文最前面', en: 'The report title comes after section 一; it belongs at the top' },
        related: [{ span: first.heading.span, message: { zh: '第一部分', en: 'section 一' } }],
      });
    }
  },
};

export const tableMissing: Rule = {
  code: 'table-missing',
  defaultSeverity: 'error',
  spec: ['SEC-5'],
  description: { zh: '二、三、四部分必须包含对应的统计表', en: 'Sections 二, 三 and 四 contain their tables' },
  docs: {
    why: 'Sections 二, 三, 四 hold the template tables (SEC-5).',
    bad: '三、收到和处理政府信息公开申请情况 followed by prose only',
    fix: 'Insert the table from the template (`nianbao new` prints one).',
  },
  check({ model, report }) {
    if (model.template.id === 'legacy') return;
    for (const s of real(model)) {
      const def = SECTIONS[s.heading.index - 1]!;
      if (!def.table || model.tables[def.table]) continue;
      const name = { T2: ['主动公开情况表', 'proactive disclosure table'], T3: ['依申请公开情况表', 'applications table'], T4: ['行政复议、行政诉讼情况表', 'review and litigation table'] }[def.table];
      report({
        code: 'table-missing',
        span: s.heading.span,
        message: { zh: `第${def.numeral}部分缺少${name[0]}`, en: `Section ${def.index} lacks the ${name[1]}` },
      });
    }
  },
};
