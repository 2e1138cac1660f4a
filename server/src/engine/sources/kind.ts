// Which structured reader a file name needs (a tiny module: adapters ask this before loading
// any reader).

import type { SourceKind } from './document';

export const SOURCE_EXTENSIONS = ['.html', '.htm', '.xhtml', '.docx', '.pdf'];

/** The structured kind of a file name, or null for text (and anything else). */
export function sourceKindOf(name: string): SourceKind | null {
  const m = /\.([a-z0-9]+)$/i.exec(name);
  const ext = m ? m[1]!.toLowerCase() : '';
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
  if (ext === 'docx') return 'docx';
  if (ext === 'pdf') return 'pdf';
  return null;
}
