// Report-level facts: the title line, the issuing body, the report year and the template
// (spec §2.5). Works on the normalised text; spans are mapped back to the original.

import type { Section, TemplateId, TemplateInfo, TitleInfo, YearInfo } from '../model';
import { spanToOriginal, type NormalizedText } from '../text/normalize';

const TITLE_RE = /政府信息公开(?:工作)?(?:年度)?(?:工作)?报告|政务公开(?:工作)?年度报告|信息公开工作年度报告|政府信息公开(?:工作)?年报/;
const YEAR_IN_TITLE = /(20[0-9]{2}|19[0-9]{2})[ \t]*年/;
const PERIOD_RE = /(?:统计期限|统计期|统计时间|统计周期)[^0-9\n]{0,12}(20[0-9]{2})[ \t]*年[ \t]*1[ \t]*月[ \t]*1[ \t]*日/;
const YEAR_TOKEN = /(20[0-9]{2})[ \t]*年/g;

const TEMPLATE_MARKERS: { text: string; template: 'F2021' | 'F2019' }[] = [
  { text: '本年制发件数', template: 'F2021' },
  { text: '本年废止件数', template: 'F2021' },
  { text: '现行有效件数', template: 'F2021' },
  { text: '本年收费金额', template: 'F2021' },
  { text: '申请人无正当理由逾期不补正', template: 'F2021' },
  { text: '本年新制作数量', template: 'F2019' },
  { text: '本年新公开数量', template: 'F2019' },
  { text: '对外公开总数量', template: 'F2019' },
  { text: '上一年项目数量', template: 'F2019' },
  { text: '第二十条第(九)项', template: 'F2019' },
  { text: '政府集中采购', template: 'F2019' },
];

function templateForYear(year: number): TemplateId {
  if (year >= 2021) return 'F2021';
  if (year >= 2019) return 'F2019';
  return 'legacy';
}

// Page chrome around the title of a page copied from a site (spec §1.3): a label before the
// title (`标题:`), metadata lines (`发布时间:`, `来源： 时间：…`), breadcrumbs, `打印 关闭`.
const TITLE_LABEL = /^(?:标题|文章标题|题目|名称)[ \t]*[:：][ \t]*/;
const META_LINE = /^(?:发布时间|发布日期|成文日期|发布机构|发文机关|来源|信息来源|时间|文号|发文字号|索引号|栏目|主题分类|原文链接|本地目录|分享到|当前位置|您的位置|您现在的位置|浏览次数|点击数)[ \t]*[:：]|^字号[:： \t]*大[ \t]*中[ \t]*小|^[【[]?[ \t]*打印[ \t]*[】\]]?[ \t]*[【[]?[ \t]*关闭|^首页[ \t]*[>＞›»]/;
/** The issuing body in page metadata: `发布机构: X`, `来源：X 时间：…`. */
const META_AGENCY = /(?:^|\n)[ \t]*(?:发布机构|发文机关|来源|信息来源)[ \t]*[:：][ \t]*([^\s:：][^\n]*?)[ \t]*(?=(?:时间|发布时间)[ \t]*[:：]|\n|$)/;

/**
 * The title: a short line naming the report (`…2021年政府信息公开工作年度报告`), read through
 * page chrome; a preface run on after it on the same line is no part of it. The issuing body
 * comes from the title, else the line before it, else the page's metadata.
 */
export function findTitle(nt: NormalizedText, sections: Section[]): TitleInfo | null {
  const text = nt.text;
  // Look in the first part of the document: before the second heading or the first 3000 units.
  const limitOrig = sections.length > 1 ? sections[1]!.heading.span.start : Infinity;
  let pos = 0;
  let prevLine: { start: number; end: number } | null = null;
  let count = 0;
  while (pos < text.length && pos < 3000 && count < 40) {
    let nl = text.indexOf('\n', pos);
    if (nl === -1) nl = text.length;
    const raw = text.slice(pos, nl);
    let lead = raw.length - raw.trimStart().length;
    let body = raw.trim();
    if (nt.map[pos]! >= limitOrig) break;
    const label = TITLE_LABEL.exec(body);
    if (label) {
      lead += label[0].length;
      body = body.slice(label[0].length);
    }
    if (body.length > 0 && !label && META_LINE.test(body)) {
      pos = nl + 1;
      continue;
    }
    if (body.length > 0) {
      count++;
      const m = TITLE_RE.exec(body);
      // The title, or the title with the preface run on after it (`…年度报告 根据《条例》…`).
      const runOn = m ? body.slice(m.index + m[0].length) : '';
      const whole = m && body.length <= 80;
      const withPreface = m && !whole && m.index + m[0].length <= 80 && /^[ \t]*[\u4e00-\u9fff《（(]/.test(runOn) && /[。，,]/.test(runOn);
      if (m && (whole || withPreface) && !/[。；]/.test(body.slice(0, m.index))) {
        if (withPreface) body = body.slice(0, m.index + m[0].length);
        let start = pos + lead;
        const end = pos + lead + body.length;
        let agency: string | null = null;
        const ym = YEAR_IN_TITLE.exec(body);
        if (ym && ym.index > 0) agency = body.slice(0, ym.index).trim() || null;
        else if (!ym && m.index > 0) agency = body.slice(0, m.index).trim() || null;
        // Agency on the line before (`汉阴县人民政府办公室` / `2021年度…报告`).
        if (!agency && prevLine) {
          const p = text.slice(prevLine.start, prevLine.end).trim();
          if (p.length > 0 && p.length <= 30 && !/[。，,；:：]/.test(p) && !/^[一二三四五六1-6][、.]/.test(p)) {
            agency = p;
            start = prevLine.start + (text.slice(prevLine.start, prevLine.end).length - text.slice(prevLine.start, prevLine.end).trimStart().length);
          }
        }
        if (!agency) agency = META_AGENCY.exec(text.slice(0, 3000))?.[1]?.trim() || null;
        const span = spanToOriginal(nt, start, end);
        return { text: nt.original.slice(span.start, span.end), span, agency };
      }
      prevLine = { start: pos, end: nl };
    }
    pos = nl + 1;
  }
  return null;
}

export function findYear(nt: NormalizedText, title: TitleInfo | null): YearInfo | null {
  const text = nt.text;
  if (title) {
    // Search the title in the normalised text around its span.
    const m = YEAR_IN_TITLE.exec(title.text.normalize('NFKC'));
    if (m) {
      // Locate the digits in the original title span.
      const idx = nt.original.indexOf(m[1]!, title.span.start);
      if (idx !== -1 && idx < title.span.end) return { value: Number(m[1]), span: { start: idx, end: idx + 4 }, source: 'title' };
    }
  }
  const pm = PERIOD_RE.exec(text.length > 20000 ? text.slice(0, 20000) : text);
  if (pm) {
    const at = pm.index + pm[0].indexOf(pm[1]!);
    return { value: Number(pm[1]), span: spanToOriginal(nt, at, at + 4), source: 'period' };
  }
  const counts = new Map<number, { n: number; at: number }>();
  YEAR_TOKEN.lastIndex = 0;
  const sample = text.length > 20000 ? text.slice(0, 20000) : text;
  for (let m = YEAR_TOKEN.exec(sample); m; m = YEAR_TOKEN.exec(sample)) {
    const y = Number(m[1]);
    const c = counts.get(y);
    if (c) c.n++;
    else counts.set(y, { n: 1, at: m.index });
  }
  let best: [number, { n: number; at: number }] | null = null;
  for (const e of counts) if (!best || e[1].n > best[1].n) best = e;
  if (!best) return null;
  return { value: best[0], span: spanToOriginal(nt, best[1].at, best[1].at + 4), source: 'majority' };
}

/**
 * The template by the tables' own words (column headers, rows) and by the year. Markers are
 * looked for inside the table regions when there are any: prose that names a 2019 item
 * (`政府集中采购项目的目录…2条`) says nothing about the template of the tables.
 */
export function detectTemplate(nt: NormalizedText, year: YearInfo | null, regions: { start: number; end: number }[] = []): TemplateInfo {
  const markers: TemplateInfo['markers'] = [];
  const text = nt.text;
  const within = (regions.length > 0 ? regions : [{ start: 0, end: text.length }]).map((r) => ({ at: r.start, text: text.slice(r.start, r.end) }));
  for (const mk of TEMPLATE_MARKERS) {
    for (const r of within) {
      const i = r.text.indexOf(mk.text);
      if (i === -1) continue;
      markers.push({ text: mk.text, template: mk.template, span: spanToOriginal(nt, r.at + i, r.at + i + mk.text.length) });
      break;
    }
  }
  const n2021 = markers.filter((m) => m.template === 'F2021').length;
  const n2019 = markers.filter((m) => m.template === 'F2019').length;
  const byContent: TemplateId | null = n2021 === 0 && n2019 === 0 ? null : n2021 >= n2019 ? 'F2021' : 'F2019';
  const byYear = year ? templateForYear(year.value) : null;
  const id: TemplateId = byContent ?? byYear ?? 'unknown';
  return { id, byYear, byContent, markers };
}
