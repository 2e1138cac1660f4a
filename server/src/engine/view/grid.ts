// The table preview's view-model (issue 11): a pure mapping from the report model and its
// findings to grids laid out like the official form — header rows with merged cells
// (spec §2.1–2.4), row labels with their hierarchy as merged label cells, every cell with
// its display text, state, source span and findings. The LSP server answers the
// `nianbao/tableView` request with `buildGridView(model, findings)`; the webview (client)
// and the CLI's HTML summary render it with view/html.ts. No editor or protocol types.

import { computedValue, type Finding, type Localized, type Severity } from '../findings';
import type { Cell, CellState, ReportModel, Row, Span, Table, TableLayout } from '../model';
import { T3_COLUMN_COUNT, T3_HEADER, T4_GROUP_SIZE, T4_GROUPS, TEMPLATES, type ColumnDef, type RowDef, type T2RowDef } from '../format/templates';
import { t2Template, t3Def, tableTitle, type TableId } from '../format/vocabulary';

export const GRID_VIEW_VERSION = 1;

/**
 * A cell's state in the preview: the model's state, or `missing` when the whole row is
 * absent from the report (row-missing). Zero is `number` with `zero: true`.
 */
type CellViewState = CellState | 'missing';

export interface FindingView {
  code: string;
  severity: Severity;
  message: Localized;
  span: Span;
  expected?: number | string;
  actual?: number | string;
}

export interface CellView {
  /** Column id (`C1`…`C7`, `RV1`…`LR5`, `MADE`, `AMT` …). */
  col: string;
  /** Text to show (as written for numbers and invalid values; empty for blank, absent and missing; `?` for unreadable). Long texts are cut. */
  text: string;
  state: CellViewState;
  /** A number cell holding 0 (so blank, unreadable and zero can look different). */
  zero: boolean;
  value: number | null;
  /** The cell's span in the original text (UTF-16 offsets; zero-length for a blank cell). */
  span: Span | null;
  /** How many grid columns the cell spans (T2: one value under three merged columns). */
  colspan: number;
  kind: ColumnDef['kind'];
  /** Indexes into `TableGridView.findings` of the findings on this cell. */
  findings: number[];
  /** Highest severity of those findings, null when none. */
  severity: Severity | null;
  /** For a wrong (or blank) total: the value computed from its parts, as text. */
  computed?: string;
}

/** A row label cell: starts on its row and may span rows (group labels) and columns. */
export interface LabelCell {
  rowId: string;
  text: string;
  /** The label as written in the report, when it differs from the template label. */
  written?: string;
  span: Span | null;
  rowspan: number;
  colspan: number;
  level: number;
  kind: 'data' | 'group' | 'total' | 'caption';
}

export interface HeaderCell {
  text: string;
  rowspan: number;
  colspan: number;
  /** Column id for a leaf column header (the column it names). */
  col?: string;
  kind: 'note' | 'group' | 'column' | 'label';
  /** The header as written in the report, when it differs from the template (e.g. 社会组织). */
  written?: string;
  /** Where that written header is, when known. */
  span?: Span;
  /** Findings on the header (label-variant …). */
  findings?: number[];
  severity?: Severity | null;
}

export interface RowView {
  /** Template row id (`R3_3_2`, `T4`, `REG` …), or `caption:…`/`header:…` for T2 block rows. */
  id: string;
  kind: 'data' | 'total' | 'caption' | 'header';
  level: number;
  /** Ancestor group ids, outermost first (hierarchy for outlines and tooltips). */
  parents: string[];
  /** Template label and the label as written. */
  label: string;
  written: string | null;
  labelSpan: Span | null;
  /** Label cells that START on this row (official-form layout with merged group labels). */
  labels: LabelCell[];
  /** T2 caption and header rows: their cells. */
  headerCells?: HeaderCell[];
  cells: CellView[];
  /** The row is in the template but not in the report. */
  missing: boolean;
  alignment: Row['alignment'] | null;
  alignmentNote?: Localized;
  /** Findings about the row as a whole (unreadable row, cell-blank summary …). */
  findings: number[];
  severity: Severity | null;
}

export type { TableId };

export interface TableView {
  id: TableId;
  title: Localized;
  present: boolean;
  layout: TableLayout | null;
  span: Span | null;
  /** Number of grid columns holding row labels (T3: 3, T2: 1, T4: 0). */
  labelColumns: number;
  /** Number of grid columns holding values. */
  valueColumns: number;
  /** Header rows above the body, with rowspan/colspan as in the official form. */
  headerRows: HeaderCell[][];
  rows: RowView[];
  /** Findings inside the table that sit on no cell or row. */
  findings: number[];
  severity: Severity | null;
}

export interface SummaryView {
  template: string;
  templateByYear: string | null;
  templateByContent: string | null;
  year: number | null;
  title: string | null;
  agency: string | null;
  isReport: boolean;
  /** Section indexes 1..6 present in the report, and those absent. */
  sectionsPresent: number[];
  sectionsMissing: number[];
  counts: { error: number; warning: number; info: number; hint: number };
  /** Carry-over: 'checked' (last year's report paired, no carry-over finding), 'mismatch', 'no-previous', or 'unknown' (caller did not say). */
  carryOver: 'checked' | 'mismatch' | 'no-previous' | 'unknown';
  previous: string | null;
}

export interface TableGridView {
  version: typeof GRID_VIEW_VERSION;
  summary: SummaryView;
  tables: TableView[];
  /** Every finding (capped at `maxFindings`), in the order given; cells refer to them by index. */
  findings: FindingView[];
  /** Findings left out by the cap. */
  findingsOmitted: number;
  /** Indexes of the findings that sit on no table (sections, title, prose …), for a list under the grids. */
  otherFindings: number[];
}

export interface GridViewOptions {
  /** Last year's report used for carry-over (display path), null when none was found; omit when unknown. */
  previous?: string | null;
  /** At most this many findings are kept (default 1000): a huge report never makes a huge view. */
  maxFindings?: number;
  /** Cell texts are cut to this many characters (default 24). */
  maxCellText?: number;
}

/** Codes reported once per row whose cells already show the problem by their state: marked on the row label. */
const ROW_LEVEL_CODES = new Set(['cell-blank']);

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

function worst(a: Severity | null, b: Severity): Severity {
  return a === null || SEVERITY_RANK[b] < SEVERITY_RANK[a] ? b : a;
}

const T3_NOTE = T3_HEADER.note;

/** T3 header (spec §2.3): note 3×3 | 申请人情况 ×7; 自然人 ↕2 | 法人或其他组织 ×5 | 总计 ↕2; five columns. */
function t3HeaderRows(columns: ColumnDef[]): HeaderCell[][] {
  const person = columns[0]!;
  const total = columns[columns.length - 1]!;
  const organisations = columns.slice(1, -1);
  return [
    [
      { text: T3_NOTE, rowspan: 3, colspan: 3, kind: 'note' },
      { text: T3_HEADER.applicants, rowspan: 1, colspan: T3_COLUMN_COUNT, kind: 'group' },
    ],
    [
      { text: person.label, rowspan: 2, colspan: 1, col: person.id, kind: 'column' },
      { text: T3_HEADER.organisations, rowspan: 1, colspan: organisations.length, kind: 'group' },
      { text: total.label, rowspan: 2, colspan: 1, col: total.id, kind: 'column' },
    ],
    organisations.map((x) => ({ text: x.label, rowspan: 1, colspan: 1, col: x.id, kind: 'column' as const })),
  ];
}

/** T4 header (spec §2.4): 行政复议 ×5 | 行政诉讼 ×10; five RV columns ↕2 | two groups ×5; ten columns. */
function t4HeaderRows(columns: ColumnDef[]): HeaderCell[][] {
  const col = (x: ColumnDef, rowspan: number): HeaderCell => ({ text: x.label, rowspan, colspan: 1, col: x.id, kind: 'column' });
  // Groups without a parent (行政复议) have their columns directly under them; the lawsuit
  // groups sit under their shared parent (行政诉讼).
  const top: HeaderCell[] = [];
  const middle: HeaderCell[] = [];
  const bottom: HeaderCell[] = [];
  for (const g of T4_GROUPS) {
    const own = columns.filter((x) => x.id.startsWith(g.id));
    if (!g.parent) {
      top.push({ text: g.zh, rowspan: 1, colspan: T4_GROUP_SIZE, kind: 'group' });
      middle.push(...own.map((x) => col(x, 2)));
      continue;
    }
    const last = top[top.length - 1];
    if (last && last.text === g.parent.zh) last.colspan += T4_GROUP_SIZE;
    else top.push({ text: g.parent.zh, rowspan: 1, colspan: T4_GROUP_SIZE, kind: 'group' });
    middle.push({ text: g.zh, rowspan: 1, colspan: T4_GROUP_SIZE, kind: 'group' });
    bottom.push(...own.map((x) => col(x, 1)));
  }
  return [top, middle, bottom];
}

// ————— building —————

interface Ctx {
  findings: FindingView[];
  maxCellText: number;
}

function cut(s: string, n: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? t.slice(0, Math.max(1, n - 1)) + '…' : t;
}

function cellText(c: Cell, n: number): string {
  switch (c.state) {
    case 'number':
      return cut(c.raw.trim() || String(c.value), n);
    case 'invalid':
      return cut(c.raw, n) || '?';
    case 'unreadable':
      return '?';
    default:
      return '';
  }
}

function cellView(c: Cell | undefined, def: ColumnDef, colspan: number, ctx: Ctx): CellView {
  if (!c) return { col: def.id, text: '', state: 'missing', zero: false, value: null, span: null, colspan, kind: def.kind, findings: [], severity: null };
  return {
    col: c.col,
    text: cellText(c, ctx.maxCellText),
    state: c.state,
    zero: c.state === 'number' && c.value === 0,
    value: c.state === 'number' ? c.value : null,
    span: c.span ? { start: c.span.start, end: c.span.end } : null,
    colspan,
    kind: def.kind,
    findings: [],
    severity: null,
  };
}

function dataRow(def: { id: string; label: string; level: number; kind: 'data' | 'total' }, parents: string[], row: Row | undefined, columns: ColumnDef[], ctx: Ctx, colspans?: number[]): RowView {
  const byCol = new Map((row?.cells ?? []).map((c) => [c.col, c]));
  return {
    id: def.id,
    kind: def.kind,
    level: def.level,
    parents,
    label: def.label,
    // The written label is shown only when it is not the template's (variant, fuzzy match).
    written: row && row.labelMatch !== 'exact' && row.label !== def.label ? row.label : null,
    labelSpan: row?.labelSpan ?? null,
    labels: [],
    cells: columns.map((col, i) => {
      const v = cellView(row ? byCol.get(col.id) : undefined, col, colspans?.[i] ?? 1, ctx);
      if (!row) v.state = 'missing';
      return v;
    }),
    missing: !row,
    alignment: row?.alignment ?? null,
    ...(row?.alignmentNote ? { alignmentNote: row.alignmentNote } : {}),
    findings: [],
    severity: null,
  };
}

function baseTable(id: TableId, t: Table | undefined): TableView {
  return {
    id,
    title: tableTitle(id),
    present: !!t,
    layout: t?.layout ?? null,
    span: t ? { ...t.span } : null,
    labelColumns: 0,
    valueColumns: 0,
    headerRows: [],
    rows: [],
    findings: [],
    severity: null,
  };
}

/** T3: three label columns; group rows (三、（三）…) become vertical merged label cells. */
function buildT3(model: ReportModel, ctx: Ctx): TableView {
  const t = model.tables.T3;
  const view = baseTable('T3', t);
  const def = t3Def(model);
  view.labelColumns = 3;
  view.valueColumns = def.columns.length;
  view.headerRows = t3HeaderRows(def.columns);
  if (!t) return view;
  markHeaderVariants(view.headerRows.flat(), t);
  const byId = new Map(t.rows.map((r) => [r.id, r]));
  const defs = new Map(def.rows.map((r) => [r.id, r]));
  const parentsOf = (r: RowDef): string[] => {
    const out: string[] = [];
    for (let p = r.parent; p; p = defs.get(p)?.parent) out.unshift(p);
    return out;
  };
  // Rows in template order; group rows are not grid rows of their own.
  const dataDefs = def.rows.filter((r) => r.kind !== 'group');
  const leafCount = (groupId: string) => dataDefs.filter((r) => parentsOf(r).includes(groupId)).length;
  const opened = new Set<string>();
  for (const r of dataDefs) {
    const parents = parentsOf(r);
    const row = dataRow({ id: r.id, label: r.label, level: r.level, kind: r.kind === 'total' ? 'total' : 'data' }, parents, byId.get(r.id), def.columns, ctx);
    // Open the label cells of groups this row is the first of.
    for (const p of parents) {
      if (opened.has(p)) continue;
      opened.add(p);
      const g = defs.get(p)!;
      // A group label is a vertical cell over its rows, one label column wide.
      row.labels.push({ rowId: g.id, text: g.label, span: byId.get(g.id)?.labelSpan ?? null, rowspan: leafCount(g.id), colspan: 1, level: g.level, kind: 'group' });
    }
    row.labels.push({
      rowId: r.id,
      text: r.label,
      ...(row.written ? { written: row.written } : {}),
      span: row.labelSpan,
      rowspan: 1,
      colspan: 3 - parents.length,
      level: r.level,
      kind: r.kind === 'total' ? 'total' : 'data',
    });
    view.rows.push(row);
  }
  appendUnknownRows(view, t, def.columns, new Set(def.rows.map((r) => r.id)), ctx);
  return view;
}

/** Column headers written differently from the template keep the written text and its span. */
function markHeaderVariants(cells: HeaderCell[], t: Table): void {
  for (const v of t.headerVariants) {
    const h = cells.find((x) => x.kind === 'column' && x.text === v.expected && !x.span);
    if (h) Object.assign(h, { written: v.text, span: { ...v.span } });
  }
}

/** Rows the reader produced that the template does not list (should not happen): kept, at the end. */
function appendUnknownRows(view: TableView, t: Table, columns: ColumnDef[], known: Set<string>, ctx: Ctx): void {
  for (const r of t.rows) {
    if (known.has(r.id)) continue;
    const row = dataRow({ id: r.id, label: r.templateLabel || r.label, level: 1, kind: 'data' }, [], r, columns, ctx);
    row.labels.push({ rowId: r.id, text: r.label, span: r.labelSpan, rowspan: 1, colspan: Math.max(1, view.labelColumns), level: 1, kind: 'data' });
    view.rows.push(row);
  }
}

/** T4: one data row (fifteen cells) under a three-row header; no label column. */
function buildT4(model: ReportModel, ctx: Ctx): TableView {
  const t = model.tables.T4;
  const view = baseTable('T4', t);
  const columns = TEMPLATES.F2021.T4.columns;
  view.valueColumns = columns.length;
  view.headerRows = t4HeaderRows(columns);
  if (!t) return view;
  const r = t.rows[0];
  view.rows.push(dataRow({ id: r?.id ?? 'T4', label: tableTitle('T4').zh, level: 1, kind: 'data' }, [], r, columns, ctx));
  return view;
}

/**
 * T2: the official 4-column grid. Each block (第二十条第（一）项 …) is a caption row over the
 * full width, a header row `信息内容 | column labels`, then its data rows. A block with fewer
 * than three columns merges them (its last column spans the rest), as in the form.
 */
function buildT2(model: ReportModel, ctx: Ctx): TableView {
  const t = model.tables.T2;
  const view = baseTable('T2', t);
  const def = TEMPLATES[t2Template(model)].T2;
  const width = Math.max(...def.rows.map((r) => r.columns.length));
  view.labelColumns = 1;
  view.valueColumns = width;
  if (!t) return view;
  const byId = new Map(t.rows.map((r) => [r.id, r]));
  const blocks: string[] = [];
  for (const r of def.rows) if (!blocks.includes(r.block)) blocks.push(r.block);
  for (const block of blocks) {
    const rows: T2RowDef[] = def.rows.filter((r) => r.block === block);
    const cols = rows[0]!.columns;
    const spans = cols.map((_, i) => (i === cols.length - 1 ? width - cols.length + 1 : 1));
    view.rows.push({
      id: `caption:${block}`,
      kind: 'caption',
      level: 0,
      parents: [],
      label: block,
      written: null,
      labelSpan: null,
      labels: [],
      headerCells: [{ text: block, rowspan: 1, colspan: width + 1, kind: 'group' }],
      cells: [],
      missing: false,
      alignment: null,
      findings: [],
      severity: null,
    });
    view.rows.push({
      id: `header:${block}`,
      kind: 'header',
      level: 0,
      parents: [],
      label: '信息内容',
      written: null,
      labelSpan: null,
      labels: [],
      headerCells: [
        { text: '信息内容', rowspan: 1, colspan: 1, kind: 'label' },
        ...cols.map((c, i) => ({ text: c.label, rowspan: 1, colspan: spans[i]!, col: c.id, kind: 'column' as const })),
      ],
      cells: [],
      missing: false,
      alignment: null,
      findings: [],
      severity: null,
    });
    const header = view.rows[view.rows.length - 1]!.headerCells!;
    const fee = t.feeHeader;
    const amt = header.find((h) => h.col === 'AMT');
    if (fee && amt) {
      amt.span = { ...fee.span };
      if (fee.text.replace(/\s+/g, '') !== amt.text.replace(/\s+/g, '')) amt.written = fee.text;
    }
    markHeaderVariants(header, t);
    for (const r of rows) {
      const row = dataRow({ id: r.id, label: r.label, level: 1, kind: 'data' }, [`caption:${block}`], byId.get(r.id), r.columns, ctx, spans);
      row.labels.push({
        rowId: r.id,
        text: r.label,
        ...(row.written ? { written: row.written } : {}),
        span: row.labelSpan,
        rowspan: 1,
        colspan: 1,
        level: 1,
        kind: 'data',
      });
      view.rows.push(row);
    }
  }
  appendUnknownRows(view, t, def.rows[0]!.columns, new Set(def.rows.map((r) => r.id)), ctx);
  return view;
}

// ————— findings → cells —————

const within = (inner: Span, outer: Span) => inner.start >= outer.start && inner.end <= outer.end;

function attach(target: { findings: number[]; severity: Severity | null }, index: number, f: FindingView): void {
  if (target.findings.includes(index)) return;
  target.findings.push(index);
  target.severity = worst(target.severity, f.severity);
}

function placeFinding(tables: TableView[], finding: Finding, index: number, f: FindingView): void {
  const loc = finding.location;
  const markCell = (cell: CellView) => {
    attach(cell, index, f);
    const computed = computedValue(f);
    if (computed !== undefined && cell.computed === undefined) cell.computed = String(computed);
  };

  // 1. Structured location (the rules say which cells or rows).
  if (loc && loc.kind !== 'section') {
    const t = tables.find((x) => x.id === loc.table);
    if (t) {
      const rowsOf = (id: string) => t.rows.filter((r) => r.id === id || (t.id === 'T4' && r.kind === 'data'));
      // cell-blank is one finding per row; the blank cells already look blank, so it marks the row.
      if (loc.kind === 'cells' && !ROW_LEVEL_CODES.has(f.code)) {
        let placed = false;
        for (const r of rowsOf(loc.row))
          for (const c of r.cells)
            if (loc.cols.includes(c.col)) {
              markCell(c);
              placed = true;
            }
        if (placed) return;
      }
      const rowIds = loc.kind === 'table' ? (loc.rows ?? []) : [loc.row];
      let placed = false;
      for (const id of rowIds)
        for (const r of rowsOf(id)) {
          attach(r, index, f);
          placed = true;
        }
      if (placed) return;
    }
  }
  // 2. By position: the cell (or label) the finding's span is on.
  for (const t of tables) {
    if (!t.span) continue;
    const inside = within(finding.span, t.span) || (finding.span.start >= t.span.start && finding.span.start < t.span.end);
    if (spanMatch(t, finding.span, index, f, markCell, true)) return;
    if (inside) {
      attach(t, index, f);
      return;
    }
  }
}

/** Marks the cells whose span is the finding's (or contains it), else the row whose label does. */
function spanMatch(t: TableView, span: Span, index: number, f: FindingView, markCell: (c: CellView) => void, rows: boolean): boolean {
  let placed = false;
  for (const r of t.rows)
    for (const c of r.cells)
      if (c.span && (c.span.start === span.start && c.span.end === span.end ? true : c.span.end > c.span.start && within(span, c.span) && span.end > span.start)) {
        markCell(c);
        placed = true;
      }
  if (placed || !rows) return placed;
  for (const r of t.rows)
    if (r.labelSpan && within(span, r.labelSpan)) {
      attach(r, index, f);
      return true;
    }
  for (const h of [...t.headerRows.flat(), ...t.rows.flatMap((r) => r.headerCells ?? [])])
    if (h.span && within(span, h.span)) {
      h.findings ??= [];
      h.severity ??= null;
      attach(h as { findings: number[]; severity: Severity | null }, index, f);
      return true;
    }
  return false;
}

function summaryOf(model: ReportModel, findings: Finding[], options: GridViewOptions): SummaryView {
  const present = [...new Set(model.sections.filter((s) => s.heading.titleMatch !== 'none').map((s) => s.heading.index))].sort((a, b) => a - b);
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of findings) counts[f.severity]++;
  const carry = findings.some((f) => f.code === 'carry-over');
  const previous = options.previous === undefined ? null : options.previous;
  return {
    template: model.template.id,
    templateByYear: model.template.byYear,
    templateByContent: model.template.byContent,
    year: model.year?.value ?? null,
    title: model.title?.text.replace(/\s+/g, ' ').trim() ?? null,
    agency: model.title?.agency ?? null,
    isReport: model.isReport,
    sectionsPresent: present,
    sectionsMissing: [1, 2, 3, 4, 5, 6].filter((i) => !present.includes(i)),
    counts,
    carryOver: carry ? 'mismatch' : options.previous === undefined ? 'unknown' : options.previous === null ? 'no-previous' : 'checked',
    previous,
  };
}

/**
 * The preview of a report: tables 二, 三 and 四 as grids with the official headers, every
 * cell with its state, span and findings, and a summary. Pure and cheap (the grids are
 * bounded by the template), so it is safe to call on every document version.
 */
export function buildGridView(model: ReportModel, findings: Finding[], options: GridViewOptions = {}): TableGridView {
  const maxFindings = options.maxFindings ?? 1000;
  const ctx: Ctx = { findings: [], maxCellText: options.maxCellText ?? 24 };
  const tables = [buildT2(model, ctx), buildT3(model, ctx), buildT4(model, ctx)];
  const kept = findings.slice(0, maxFindings);
  const views: FindingView[] = kept.map((f) => ({
    code: f.code,
    severity: f.severity,
    message: f.message,
    span: { start: f.span.start, end: f.span.end },
    ...(f.expected !== undefined ? { expected: f.expected } : {}),
    ...(f.actual !== undefined ? { actual: f.actual } : {}),
  }));
  kept.forEach((f, i) => placeFinding(tables, f, i, views[i]!));
  for (const t of tables) for (const r of t.rows) for (const c of r.cells) if (c.severity) t.severity = worst(t.severity, c.severity);
  for (const t of tables) for (const r of t.rows) if (r.severity) t.severity = worst(t.severity, r.severity);
  const placed = new Set<number>();
  for (const t of tables) {
    for (const i of t.findings) placed.add(i);
    for (const h of [...t.headerRows.flat(), ...t.rows.flatMap((r) => r.headerCells ?? [])]) for (const i of h.findings ?? []) placed.add(i);
    for (const r of t.rows) {
      for (const i of r.findings) placed.add(i);
      for (const c of r.cells) for (const i of c.findings) placed.add(i);
    }
  }
  return {
    version: GRID_VIEW_VERSION,
    summary: summaryOf(model, findings, options),
    tables,
    findings: views,
    findingsOmitted: findings.length - kept.length,
    otherFindings: views.map((_, i) => i).filter((i) => !placed.has(i)),
  };
}

/** Every cell of the view with a span, for "which cell is at this offset" (cursor highlight). */
export function cellAtOffset(view: TableGridView, offset: number): { table: TableId; row: string; col: string } | null {
  for (const t of view.tables)
    for (const r of t.rows)
      for (const c of r.cells) if (c.span && offset >= c.span.start && (offset < c.span.end || offset === c.span.start)) return { table: t.id, row: r.id, col: c.col };
  return null;
}
