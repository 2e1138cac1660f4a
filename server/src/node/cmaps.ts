// Adobe's predefined CMaps for the PDF reader (engine/sources/pdf.ts), read from disk: a PDF
// whose Chinese font is not embedded encodes its text through them (UniGB-UCS2-H → Adobe-GB1 →
// Unicode). The build copies pdf.js's Chinese (GB) set next to the bundles (dist/cmaps); from
// the sources (tests, tsx) they come from the pdfjs-dist package itself.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CMapSource } from '../engine/sources';

/** Folders that may hold `<name>.bcmap`, in order: beside the running bundle, then the package. */
function cmapFolders(): string[] {
  const out = [path.join(__dirname, 'cmaps')];
  try {
    out.push(path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'cmaps'));
  } catch {
    /* not installed (the packaged extension): the folder beside the bundle is all there is */
  }
  return out;
}

/** CMaps from the first folder that has them; null for a name none has (or a name that is not one). */
export function nodeCMaps(folders: string[] = cmapFolders()): CMapSource {
  return async (name) => {
    // A CMap name is a plain identifier (`UniGB-UCS2-H`); anything else never reaches the disk.
    if (!/^[A-Za-z0-9-]+$/.test(name)) return null;
    for (const dir of folders) {
      try {
        return new Uint8Array(await fs.promises.readFile(path.join(dir, `${name}.bcmap`)));
      } catch {
        /* try the next folder */
      }
    }
    return null;
  };
}
