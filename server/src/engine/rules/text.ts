// Rules about the text itself rather than the report's form: characters that are not text
// (a damaged or wrongly decoded file), and placeholders a blank report still carries.

import { PLACEHOLDER_RE } from '../format/placeholders';
import type { Rule } from './types';

/** U+FFFD (bytes that could not be decoded) and C0 controls other than tab, LF, VT, FF, CR. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this rule finds
const NOT_TEXT = /[\ufffd\u0000-\u0008\u000e-\u001f]+/g;
/** At most this many runs are reported one by one; the last one counts the rest. */
const MAX_REPORTED = 10;

export const invalidCharacter: Rule = {
  code: 'invalid-character',
  defaultSeverity: 'warning',
  spec: ['§7'],
  description: { zh: '文本中有无法解码的字节或控制字符', en: 'The text contains undecodable bytes or control characters' },
  docs: {
    why: 'A report is text. U+FFFD marks bytes that could not be decoded — a file cut short, a stray byte, or a file saved in another encoding than the one detected — and control characters (NUL…) come from damaged files or binary exports. Either way the text around them may be missing or wrong, and a check of it would pass silently; the CLI also refuses to --fix such a file (rewriting would alter the bad bytes).',
    bad: '……已全部办结。�',
    fix: 'Re-export or re-save the report (UTF-8 or GB18030) and check again; `nianbao parse -v FILE` shows the encoding detected and the number of bad byte sequences.',
  },
  check({ model, report }) {
    const runs = [...model.text.matchAll(NOT_TEXT)];
    runs.slice(0, MAX_REPORTED).forEach((m, i) => {
      const n = m[0].length;
      const replacement = m[0].includes('\ufffd');
      const more = i === MAX_REPORTED - 1 && runs.length > MAX_REPORTED ? runs.length - MAX_REPORTED : 0;
      const what = replacement
        ? { zh: `${n} 个无法解码的字符（�）：文件在此处损坏，或不是以检测到的编码保存的`, en: `${n} undecodable character${n === 1 ? '' : 's'} (�): the file is damaged here, or not saved in the encoding detected` }
        : { zh: `${n} 个控制字符（如 U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}），不应出现在报告正文中`, en: `${n} control character${n === 1 ? '' : 's'} (e.g. U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}) that do not belong in a report` };
      report({
        code: 'invalid-character',
        span: { start: m.index!, end: m.index! + n },
        message: more ? { zh: `${what.zh}；另有 ${more} 处类似问题`, en: `${what.en}; ${more} more like it` } : what,
      });
    });
  },
};

export const placeholderLeft: Rule = {
  code: 'placeholder',
  defaultSeverity: 'warning',
  spec: ['SEC-1'],
  description: { zh: '报告中还有未填写的占位文字', en: 'The report still has unfilled placeholders' },
  docs: {
    why: 'A blank report (`nianbao new`, the editor’s “New annual report”, the section-missing quick fix) carries bracketed notes such as `（待填写：…）` where the author writes the text. Left in, the report looks complete to every other rule — a placeholder that mentions 信息处理费 would even satisfy fee-statement — so each one is reported until replaced.',
    bad: '五、存在的主要问题及改进情况\n（待填写：存在的主要问题及改进情况。）',
    fix: 'Replace the note with the report’s own text. No automatic fix: the text is the author’s.',
  },
  check({ model, report }) {
    if (!model.isReport) return;
    for (const m of model.text.matchAll(PLACEHOLDER_RE)) {
      report({
        code: 'placeholder',
        span: { start: m.index!, end: m.index! + m[0].length },
        message: { zh: `占位文字尚未替换：${m[0]}`, en: `Placeholder not yet replaced by the report’s text: ${m[0]}` },
      });
    }
  },
};
