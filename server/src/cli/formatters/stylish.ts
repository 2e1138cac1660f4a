// ESLint-like output: one block per file, `line:col  severity  message  code`, a total.
// Colour only when stdout is a TTY and NO_COLOR is not set.

import { localize, type Locale } from '../../engine';
import { isFixable } from '../fixer';
import { countFindings, positionLabel, type FileResult } from '../results';

const C = { red: 31, yellow: 33, cyan: 36, gray: 90, bold: 1, underline: 4 } as const;

/** Inputs not in `results`: could not be checked (also on stderr), or skipped as not reports. */
export interface Unchecked {
  unreadable: number;
  skipped: number;
}

export function formatStylish(results: FileResult[], lang: Locale, color: boolean, unchecked: Unchecked = { unreadable: 0, skipped: 0 }): string {
  const paint = (code: number, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const zh = lang !== 'en';
  const sevName = (s: string) => (zh ? { error: '错误', warning: '警告', info: '提示', hint: '建议' }[s]! : s);
  const sevColor = (s: string) => (s === 'error' ? C.red : s === 'warning' ? C.yellow : s === 'info' ? C.cyan : C.gray);
  const out: string[] = [];
  let total = { errors: 0, warnings: 0, infos: 0, hints: 0 };
  let fixable = 0;
  for (const r of results) {
    if (r.findings.length === 0) continue;
    out.push(paint(C.underline, r.display));
    const rows = r.findings.map((f) => {
      return [positionLabel(r, f.span.start, lang), f.severity, localize(f.message, lang).replace(/\s*\n\s*/g, ' '), f.code] as const;
    });
    const w0 = Math.max(...rows.map((x) => width(x[0])));
    const w1 = Math.max(...rows.map((x) => width(sevName(x[1]))));
    for (const [pos, sev, msg, code] of rows) {
      const name = sevName(sev);
      out.push(`  ${paint(C.gray, pos + ' '.repeat(w0 - width(pos)))}  ${paint(sevColor(sev), name + ' '.repeat(w1 - width(name)))}  ${msg}  ${paint(C.gray, code)}`);
    }
    out.push('');
    const c = countFindings(r.findings);
    total = { errors: total.errors + c.errors, warnings: total.warnings + c.warnings, infos: total.infos + c.infos, hints: total.hints + c.hints };
    if (!r.source) fixable += r.findings.filter(isFixable).length;
  }
  const n = total.errors + total.warnings + total.infos + total.hints;
  const notChecked = uncheckedLine(unchecked, zh);
  if (n === 0) return notChecked ? notChecked + '\n' : '';
  const line = zh
    ? `✖ ${n} 个问题（${total.errors} 个错误，${total.warnings} 个警告，${total.infos} 个提示，${total.hints} 个建议）`
    : `✖ ${n} problem${n === 1 ? '' : 's'} (${total.errors} error${total.errors === 1 ? '' : 's'}, ${total.warnings} warning${total.warnings === 1 ? '' : 's'}, ${total.infos} info, ${total.hints} hint${total.hints === 1 ? '' : 's'})`;
  out.push(paint(C.bold, paint(total.errors ? C.red : total.warnings ? C.yellow : C.cyan, line)));
  if (fixable) out.push(zh ? `  其中 ${fixable} 个可用 --fix 自动修复。` : `  ${fixable} of them can be fixed with --fix.`);
  if (notChecked) out.push(notChecked);
  return out.join('\n') + '\n';
}

/** The footer's account of inputs that were not checked (a clean run still says so). */
function uncheckedLine(u: Unchecked, zh: boolean): string {
  const parts: string[] = [];
  if (u.unreadable) parts.push(zh ? `${u.unreadable} 个输入无法检查（原因见标准错误输出）` : `${u.unreadable} input${u.unreadable === 1 ? '' : 's'} could not be checked (see stderr)`);
  if (u.skipped) parts.push(zh ? `跳过 ${u.skipped} 个不是年度报告的文件（-v 列出）` : `${u.skipped} file${u.skipped === 1 ? '' : 's'} skipped as not annual reports (-v lists them)`);
  return parts.length ? `  ${parts.join(zh ? '；' : '; ')}` : '';
}

/** Display width: East Asian wide and fullwidth characters take two columns. */
export function width(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x20000 && c <= 0x3fffd)
        ? 2
        : 1;
  }
  return w;
}
