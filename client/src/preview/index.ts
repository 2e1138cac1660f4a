// The table preview: `registerTablePreview(context, getView)` (see docs/preview-integration.md).
export { registerTablePreview, OPEN_TABLE_PREVIEW_COMMAND, TABLE_PREVIEW_VIEW_TYPE, type GetTableView, type TablePreviewOptions } from './tablePreview';
export { previewShell, previewCsp, type FromWebview, type ToWebview } from './shell';
