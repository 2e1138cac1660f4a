import { sourceError, type SourceDocument } from './document';
export async function readPdf(_bytes: Uint8Array): Promise<SourceDocument> {
  throw sourceError('暂不支持 PDF', 'PDF not supported yet');
}
