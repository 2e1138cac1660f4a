// The offline page's own words (the engine's messages carry their own { zh, en }).
// Chinese first; English when the user switches (remembered in this browser).

export type Lang = 'zh' | 'en';

export const STRINGS = {
  appTitle: { zh: '年报助手 · 离线检查', en: 'Nianbao · offline checker' },
  appSubtitle: { zh: '政府信息公开工作年度报告检查', en: 'Checks government information-disclosure annual reports' },
  pick: { zh: '选择文件…', en: 'Choose files…' },
  newText: { zh: '粘贴文本', en: 'Paste text' },
  downloadSummary: { zh: '下载汇总（HTML）', en: 'Download summary (HTML)' },
  otherLang: { zh: 'English', en: '中文' },
  dropHint: { zh: '把报告文件拖到这里（可一次多个）', en: 'Drop report files here (several at once)' },
  dropFormats: { zh: '支持 .docx、.html、.pdf、.txt、.md；也可以直接粘贴（Ctrl+V）报告全文。', en: 'Reads .docx, .html, .pdf, .txt and .md; or paste (Ctrl+V) a report’s text.' },
  privacy: { zh: '全部在本机检查：本页面不联网，文件不会离开这台电脑。', en: 'Everything is checked on this computer: the page makes no network request and your files never leave it.' },
  reports: { zh: '报告', en: 'Reports' },
  reading: { zh: '正在检查', en: 'Checking' },
  pastedName: { zh: '粘贴的文本', en: 'Pasted text' },
  pasteHere: { zh: '在此粘贴或输入报告全文，边改边检查。', en: 'Paste or type the report here; it is checked as you type.' },
  fixAll: { zh: '全部修复', en: 'Fix all' },
  downloadText: { zh: '下载修改后的文本', en: 'Download corrected text' },
  close: { zh: '关闭', en: 'Close' },
  findings: { zh: '问题列表', en: 'Findings' },
  noFindings: { zh: '未发现问题。', en: 'No findings.' },
  editor: { zh: '报告文本（可编辑）', en: 'Report text (editable)' },
  readOnly: { zh: '由文件读出的文本（只读）', en: 'Text read from the file (read-only)' },
  location: { zh: '第 {0} 行第 {1} 列', en: 'line {0}, col {1}' },
  fixPrefix: { zh: '修复：', en: 'Fix: ' },
  failed: { zh: '无法读取', en: 'Could not read' },
  notReport: { zh: '不是年报', en: 'not a report' },
  unsupported: { zh: '不支持的文件', en: 'unsupported file' },
  errorsWarnings: { zh: '{0} 错误 · {1} 警告', en: '{0} errors · {1} warnings' },
  sevError: { zh: '错误', en: 'error' },
  sevWarning: { zh: '警告', en: 'warning' },
  sevInfo: { zh: '提示', en: 'info' },
  sevHint: { zh: '建议', en: 'hint' },
  summaryTitle: { zh: '政府信息公开工作年度报告检查结果', en: 'Annual report check results' },
  workerFailed: { zh: '检查程序无法启动：{0}', en: 'The checker could not start: {0}' },
} as const;

export type StringKey = keyof typeof STRINGS;

export function t(lang: Lang, key: StringKey, ...args: (string | number)[]): string {
  return STRINGS[key][lang].replace(/\{(\d)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));
}
