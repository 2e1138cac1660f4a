// GitHub Actions workflow commands: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
// Lines and columns are 1-based. info and hint become ::notice.

import { localize, type Locale } from '../../engine';
import type { InputError } from '../inputs';
import { positionLabel, sourceLocationOf, type FileResult } from '../results';

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProp = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub(results: FileResult[], lang: Locale): string {
  const out: string[] = [];
  for (const r of results) {
    for (const f of r.findings) {
      const cmd = f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'notice';
      const loc = sourceLocationOf(r, f.span.start);
      const props = [`file=${escapeProp(r.display)}`];
      if (!loc) {
        const s = r.lines.positionAt(f.span.start);
        const e = r.lines.positionAt(f.span.end);
        props.push(`line=${s.line + 1}`, `col=${s.character + 1}`, `endLine=${e.line + 1}`, `endColumn=${e.character + 1}`);
      } else if (loc.kind === 'html') props.push(`line=${loc.line}`, `col=${loc.column}`);
      props.push(`title=${escapeProp(`nianbao ${f.code}`)}`);
      // Word and PDF have no lines: the table/row/column goes into the message.
      const where = loc && loc.kind !== 'html' ? ` (${positionLabel(r, f.span.start, lang)})` : '';
      out.push(`::${cmd} ${props.join(',')}::${escapeData(localize(f.message, lang) + where)}`);
    }
  }
  return out.length ? out.join('\n') + '\n' : '';
}

/** Inputs that could not be checked, as annotations too (they also go to stderr). */
export function formatGithubErrors(errors: InputError[], lang: Locale): string {
  return errors.map((e) => `::error file=${escapeProp(e.path)},title=nianbao::${escapeData(localize(e.message, lang))}\n`).join('');
}
