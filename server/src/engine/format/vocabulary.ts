// The format's vocabulary, said once: which tables a report has and what they are called,
// which table-3 variant a report follows, and the names of rows and columns in both
// languages. Messages, the outline, the preview and the CLI name tables, rows and columns
// only through this file; the template data it names is templates.ts.

import type { Localized } from '../findings';
import type { ReportModel, TableId } from '../model';
import { SECTIONS } from './sections';
import { T3_F2021_ONE_OTHER_ROW, T4_GROUPS, TEMPLATES, type ColumnDef, type T2RowDef, type T3Def, type TemplateName } from './templates';

export type { TableId };
export const TABLE_IDS: readonly TableId[] = ['T2', 'T3', 'T4'];

/** Each table sits in the section of the same number; its title is that section's title. */
const TABLE_INFO: Record<TableId, { section: number; digit: string; en: string }> = {
  T2: { section: 2, digit: '2', en: 'Proactive disclosure' },
  T3: { section: 3, digit: '3', en: 'Applications received and handled' },
  T4: { section: 4, digit: '4', en: 'Administrative reviews and lawsuits' },
};

function sectionOf(id: TableId) {
  return SECTIONS.find((s) => s.index === TABLE_INFO[id].section)!;
}

/** The table's short name in messages: 表二 / Table 2. */
export function tableName(id: TableId): Localized {
  return { zh: `表${sectionOf(id).numeral}`, en: `Table ${TABLE_INFO[id].digit}` };
}

/** The table's title as its section heads it: 二、主动公开政府信息情况 / 2. Proactive disclosure. */
export function tableTitle(id: TableId): Localized {
  const s = sectionOf(id);
  return { zh: `${s.numeral}、${s.title}`, en: `${TABLE_INFO[id].digit}. ${TABLE_INFO[id].en}` };
}

/** Name and title together (the outline): 表二 主动公开政府信息情况 / Table 2 Proactive disclosure. */
export function tableHeading(id: TableId): Localized {
  return { zh: `${tableName(id).zh} ${sectionOf(id).title}`, en: `${tableName(id).en} ${TABLE_INFO[id].en}` };
}

// ————— table 3 variants —————

/**
 * Table 3 comes in three shapes: F2021 with （六）其他处理 split into three items, F2021 with
 * （六） kept as one leaf row (seen in real reports), and F2019 (one row, like the latter).
 */
export type T3Variant = 'F2021' | 'F2021-other-as-one-row' | 'F2019';

export const T3_DEFS: Record<T3Variant, T3Def> = {
  F2021: TEMPLATES.F2021.T3,
  'F2021-other-as-one-row': T3_F2021_ONE_OTHER_ROW,
  F2019: TEMPLATES.F2019.T3,
};

/** The items of F2021's （六）其他处理 (their keywords mark the split variant in a text). */
const SPLIT_OTHER_ITEMS = TEMPLATES.F2021.T3.rows.filter((r) => r.parent === 'R3_6');
const SPLIT_OTHER_MARKERS = SPLIT_OTHER_ITEMS.flatMap((r) => r.keywords).filter((k) => k.length >= 4);

/**
 * The reader, before any row is read: which rows to look for in a table-3 region. The
 * split （六） is recognised by the wording of its items; otherwise （六） is one row.
 */
export function t3VariantOfRegion(regionText: string): 'F2021' | 'F2021-other-as-one-row' {
  return SPLIT_OTHER_MARKERS.some((k) => regionText.includes(k)) ? 'F2021' : 'F2021-other-as-one-row';
}

/** Which table-3 variant a read report follows: by the rows read, then by the template. */
export function t3Variant(model: Pick<ReportModel, 'template' | 'tables'>): T3Variant {
  const ids = new Set(model.tables.T3?.rows.map((r) => r.id) ?? []);
  if (SPLIT_OTHER_ITEMS.some((r) => ids.has(r.id))) return 'F2021';
  if (model.template.id === 'F2019') return 'F2019';
  if (ids.has('R3_6')) return 'F2021-other-as-one-row';
  return 'F2021';
}

/** The table-3 rows, columns and leaves a read report follows. */
export function t3Def(model: Pick<ReportModel, 'template' | 'tables'>): T3Def {
  return T3_DEFS[t3Variant(model)];
}

/** Which template's table 2 a report follows: the table's own header, else the report's template. */
export function t2Template(model: Pick<ReportModel, 'template' | 'tables'>): TemplateName {
  return model.tables.T2?.template ?? (model.template.id === 'F2019' ? 'F2019' : 'F2021');
}

// ————— rows and columns —————

/** A row label without the counting note the form prints in it (（二）部分公开（区分处理的…）). */
export function shortLabel(label: string): string {
  return label.replace(/（区分处理的，只计这一情形，不计其他情形）/, '');
}

/** A row in messages: 表三“（一）予以公开” / Table 3 “（一）予以公开”; table 4 has one row. */
export function rowName(table: TableId, templateLabel: string): Localized {
  const t = tableName(table);
  if (table === 'T4') return t;
  const l = shortLabel(templateLabel);
  return { zh: `${t.zh}“${l}”`, en: `${t.en} “${l}”` };
}

/** A table-4 group: 行政诉讼（未经复议直接起诉） / litigation (direct). */
export function t4GroupName(id: string): Localized {
  const g = T4_GROUPS.find((x) => x.id === id);
  if (!g) return { zh: id, en: id };
  return g.parent ? { zh: `${g.parent.zh}（${g.zh}）`, en: `${g.parent.en} (${g.en})` } : { zh: g.zh, en: g.en };
}

/** Table 2's rows of a template. */
export function t2Rows(template: TemplateName): T2RowDef[] {
  return TEMPLATES[template].T2.rows;
}

/** A table-2 column of a template, by id (the same id may carry a different label in F2019). */
export function t2Column(template: TemplateName, col: string): ColumnDef | undefined {
  for (const r of t2Rows(template)) for (const c of r.columns) if (c.id === col) return c;
  return undefined;
}

/**
 * A column in messages: 自然人 / natural persons (T3), 行政复议·结果维持 /
 * administrative review · upheld (T4), 本年制发件数 / made this year (T2).
 */
export function columnName(table: TableId, col: string, template: TemplateName = 'F2021'): Localized {
  if (table === 'T3') {
    const c = TEMPLATES.F2021.T3.columns.find((x) => x.id === col);
    return c ? { zh: c.label, en: c.en } : { zh: col, en: col };
  }
  if (table === 'T4') {
    const c = TEMPLATES.F2021.T4.columns.find((x) => x.id === col);
    const g = T4_GROUPS.find((x) => col.startsWith(x.id));
    if (!c || !g) return { zh: col, en: col };
    const gn = t4GroupName(g.id);
    return { zh: `${g.zh}·${c.label}`, en: `${gn.en} · ${c.en}` };
  }
  const c = t2Column(template, col) ?? t2Column(template === 'F2019' ? 'F2021' : 'F2019', col);
  return c ? { zh: c.label, en: c.en } : { zh: col, en: col };
}
