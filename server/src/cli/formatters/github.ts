// GitHub Actions workflow commands: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
// Lines and columns are 1-based. info and hint become ::notice.

import { localize, type Locale } from '../../engine';
import type { InputError } from '../inputs';
import type { FileResult } from '../results';

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProp = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub(results: FileResult[], lang: Locale): string {
  const out: string[] = [];
  for (const r of results) {
    for (const f of r.findings) {
      const cmd = f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'notice';
      const s = r.lines.positionAt(f.span.start);
      const e = r.lines.positionAt(f.span.end);
      const props = [
        `file=${escapeProp(r.display)}`,
        `line=${s.line + 1}`,
        `col=${s.character + 1}`,
        `endLine=${e.line + 1}`,
        `endColumn=${e.character + 1}`,
        `title=${escapeProp(`nianbao ${f.code}`)}`,
      ];
      out.push(`::${cmd} ${props.join(',')}::${escapeData(localize(f.message, lang))}`);
    }
  }
  return out.length ? out.join('\n') + '\n' : '';
}

/** Inputs that could not be checked, as annotations too (they also go to stderr). */
export function formatGithubErrors(errors: InputError[], lang: Locale): string {
  return errors.map((e) => `::error file=${escapeProp(e.path)},title=nianbao::${escapeData(localize(e.message, lang))}\n`).join('');
}
