// The table preview: `registerTablePreview(context, getView)` (see docs/preview-integration.md).
export { registerTablePreview } from './tablePreview';
