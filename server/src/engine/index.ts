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
// Error localisation (which cells are wrong): per model, and the search on an integer system.
export { localiseModel, type Component as LocalisedComponent } from './localise/model';
export { localise, type LinearSystem, type Localisation } from './localise/search';

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

// Structured sources (web page, Word, PDF): the small pieces adapters need for any file —
// which kind a name is, locations and how to show them. The readers themselves (and pdf.js)
// are behind `engine/sources`, loaded on first use (its own bundle, dist/sources.js).
export { sourceKindOf, SOURCE_EXTENSIONS } from './sources/kind';
export { describeLocation } from './sources/describe';
export { locate, pieceAt, type Piece, type RenderFormat, type Rendering } from './sources/render';
export { SOURCE_LIMITS, SourceError, type SourceDocument, type SourceKind, type SourceLocation } from './sources/document';
