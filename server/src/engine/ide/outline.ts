// The outline of a report as plain data: the title, the six sections with their
// sub-headings and tables, and table 3 nested as the form nests it. Every node has the span
// it covers and the span to select; an adapter maps kinds to its own symbol kinds (LSP
// DocumentSymbol, a web page's table of contents …).

import type { Locale } from '../findings';
import { localize } from '../findings';
import { t3Def, tableHeading, TABLE_IDS } from '../format/vocabulary';
import type { ReportModel, Span, Table } from '../model';

export type OutlineKind = 'title' | 'section' | 'subheading' | 'table' | 'group' | 'row';

export interface OutlineNode {
  name: string;
  kind: OutlineKind;
  /** What the node covers. */
  span: Span;
  /** What to select when the node is chosen (the heading, the label …). */
  selection: Span;
  children: OutlineNode[];
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

function node(name: string, kind: OutlineKind, span: Span, selection: Span, children: OutlineNode[] = []): OutlineNode {
  return { name: name || '—', kind, span, selection, children };
}

/** The report's outline, names in the given language (only table names are translated). */
export function outline(model: ReportModel, locale: Locale): OutlineNode[] {
  const sections = model.sections.map((s) => {
    const children = s.subHeadings.map((h) => node(h.label, 'subheading', h.span, h.span));
    for (const id of TABLE_IDS) {
      const t = model.tables[id];
      if (!t || t.span.start < s.span.start || t.span.start >= s.span.end) continue;
      const rows = id === 'T3' ? t3Rows(model, t) : [];
      const span = { start: t.span.start, end: Math.max(t.span.end, t.span.start + 1) };
      children.push(node(localize(tableHeading(id), locale), 'table', span, { start: t.span.start, end: t.span.start }, rows));
    }
    children.sort((x, y) => x.span.start - y.span.start);
    const end = Math.max(s.span.end, s.heading.span.end);
    return node(model.text.slice(s.heading.span.start, s.heading.span.end).trim(), 'section', { start: s.heading.span.start, end }, s.heading.span, children);
  });
  const title = model.title;
  if (!title) return sections;
  // The title leads the outline; sections are its children when it comes first.
  const first = model.sections[0];
  if (!first || title.span.start < first.heading.span.start)
    return [node(oneLine(title.text), 'title', { start: title.span.start, end: model.text.length }, title.span, sections)];
  return [node(oneLine(title.text), 'title', title.span, title.span), ...sections];
}

/**
 * Table 3 as the form nests it: 一、二、三（with （一）…（七）, the groups （三）…（六） holding their
 * items）、四. Group rows hold no numbers, so a group covers its items.
 */
function t3Rows(model: ReportModel, t: Table): OutlineNode[] {
  const def = t3Def(model);
  const byId = new Map(t.rows.filter((r) => r.labelSpan).map((r) => [r.id, r]));
  const build = (parent: string | undefined): OutlineNode[] => {
    const out: OutlineNode[] = [];
    for (const d of def.rows.filter((x) => x.parent === parent)) {
      if (d.kind === 'group') {
        const kids = build(d.id);
        const firstKid = kids[0];
        const lastKid = kids[kids.length - 1];
        if (!firstKid || !lastKid) continue;
        const span = { start: firstKid.span.start, end: lastKid.span.end };
        out.push(node(d.label, 'group', span, { start: span.start, end: span.start }, kids));
      } else {
        const r = byId.get(d.id);
        if (r?.labelSpan) out.push(node(oneLine(r.label), 'row', r.labelSpan, r.labelSpan));
      }
    }
    return out;
  };
  return build(undefined);
}
