// Rules about the text itself rather than the report's form: characters that are not text
// (a damaged or wrongly decoded file), and placeholders a blank report still carries.

import { PLACEHOLDER_RE } from '../format/placeholders';
import type { Rule } from './types';

/** U+FFFD (bytes that could not be decoded) and C0 controls other than tab, LF, VT, FF, CR. */
const NOT_TEXT = /[\ufffd\u0000-\u0008\u000e-\u001f]+/g;
/** At most this many runs are reported one by one; the last one counts the rest. */
const MAX_REPORTED = 10;

export const invalidCharacter: Rule = {
  code: 'invalid-character',
  defaultSeverity: 'warning',
  spec: ['§7'],
  description: { zh: '文本中有无法解码的字节或控制字符', en: 'The text contains undecodable bytes or control characters' },
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
