// The engine's public API, and the only way into it: the LSP server, the CLI, the VS Code
// client, scripts and benches import the engine from here (a test enforces it). Pure: no
// I/O, no editor or protocol types.

// text → model → findings
export { check, checkModel, emptyModel, parse, type CheckResult } from './check';
export * from './findings';
export * from './model';
export * from './options';
export { LineIndex, type Position } from './text/lineIndex';

// fixes
export { applyEdits, applyFix, diffEdits, fixAll, type FixAllResult } from './fix';

// the rules
export { rules, ruleByCode } from './rules/index';
export { docsUrl, type Rule, type RuleDocs } from './rules/types';

// the format: templates, names, a blank report
export { CHINESE_NUMERALS, SECTIONS } from './format/sections';
export { ROW_NOTES, T3_COLUMN_COUNT, T4_COLUMN_COUNT, TEMPLATES, type ColumnDef, type TemplateName } from './format/templates';
export {
  columnName,
  rowName,
  t2Column,
  t2Rows,
  t2Template,
  t3Def,
  t3Variant,
  t4GroupName,
  TABLE_IDS,
  tableHeading,
  tableName,
  tableTitle,
  type T3Variant,
} from './format/vocabulary';
export { renderBlankReport, templateForYear, type BlankLayout, type BlankReportOptions } from './format/render';

// carry-over: which body and year a report is (pairing with last year's report)
export { agencyKey, identityOf, type Identity } from './identity';

// the table preview
export {
  buildGridView,
  cellAtOffset,
  GRID_VIEW_VERSION,
  type CellView,
  type FindingView,
  type GridViewOptions,
  type HeaderCell,
  type LabelCell,
  type RowView,
  type SummaryView,
  type TableGridView,
  type TableView,
} from './view/grid';
export { escapeHtml, PREVIEW_CSS, reportsPage, summaryHtml, tableHtml, viewHtml, type HtmlLang, type PageFinding, type PageOptions, type PageReport } from './view/html';

// editor features as data (outline, folding, hover, inlay hints, code actions)
export * from './ide/index';
