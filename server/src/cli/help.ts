// Bilingual help texts.

import type { Command } from './args';

const GENERAL = `nianbao — 政府信息公开工作年度报告检查工具 / checker for government information-disclosure annual reports

用法 Usage:
  nianbao check [文件|文件夹|通配符|-]...   检查报告 / check reports (.txt .md .html .docx .pdf; folders recursively; - = stdin)
  nianbao summary [路径]...                 每份报告一行的汇总 / one row per report
  nianbao parse [--format json] FILE        输出报告模型 / print the report model
  nianbao convert FILE [-o report.md]       网页/Word/PDF 转为可编辑文本 / web page, Word or PDF → editable text
  nianbao new --year 2025 --agency 某某局   生成空白报告 / write a blank report
  nianbao --version | --help
  nianbao <command> --help                  命令帮助 / help for a command

退出码 Exit codes: 0 无错误 no errors · 1 有错误（或警告超过 --max-warnings）errors (or warnings over --max-warnings) · 2 用法或读写错误 usage or I/O error
文档 Docs: docs/cli.md
`;

const TOPIC: Record<Command, string> = {
  check: `nianbao check [文件|文件夹|通配符|-]... — 检查报告 / check reports

  -f, --format stylish|json|sarif|github   输出格式（默认 stylish）/ output format (default stylish)
      --lang zh-CN|en                      消息语言（默认 zh-CN）/ message language
      --rule code=off|hint|info|warning|error   调整规则级别，可重复 / set a rule's severity (repeatable)
  -c, --config FILE                        使用此配置文件（默认自动查找 .nianbaorc.json）/ use this config (default: nearest .nianbaorc.json)
      --max-warnings N                     警告超过 N 个时退出码为 1 / exit 1 when there are more than N warnings
      --previous FILE                      上年报告，用于结转核对 / last year's report for carry-over
      --fix                                写入所有安全修复（保持编码与换行）/ write every safe fix (encoding and line endings kept)
      --fix-dry-run                        只显示修复的 diff / print the fixes as a unified diff
  -v, --verbose                            显示编码、配置与结转配对 / show encoding, config and carry-over pairing
`,
  summary: `nianbao summary [路径]... — 每份报告一行 / one row per report

  -f, --format table|csv|json|html   输出格式（默认 table；csv 带 BOM，Excel 可直接打开）/ output format (default table; csv with a BOM for Excel)
  -o, --output FILE             写入文件而非标准输出 / write to FILE instead of stdout
      --lang zh-CN|en
      --rule code=severity      (repeatable)
  -c, --config FILE
      --previous FILE
  -v, --verbose
`,
  parse: `nianbao parse [--format json] FILE — 输出报告模型（JSON）/ print the report model as JSON
  FILE 可为 - （标准输入）/ FILE may be - (stdin)
`,
  convert: `nianbao convert FILE [-o report.md|report.txt] [--to markdown|tsv] [--force]
  把网页（.html）、Word（.docx）或 PDF 按其表格结构转为文本；检查器读回的表格与原文件完全一致，
  可在 VS Code 中继续编辑并实时检查。原文件不会被修改。
  Reads a web page, Word or PDF file by its table structure and writes a text rendering that the
  checker reads back to the same tables, to continue editing with live checking. The file itself
  is never modified.
  -o, --output FILE   写入文件（默认标准输出）/ write to FILE (default stdout); .txt → TSV, otherwise Markdown
  -t, --to markdown|tsv   Markdown 管道表（默认）或制表符分隔 / Markdown pipe tables (default) or tab-separated
      --force         覆盖已存在的文件 / overwrite an existing FILE
`,
  new: `nianbao new --year YYYY --agency 机关名称 [--layout tsv|markdown] [-o FILE] [--force]
  生成对应年度模板的空白报告 / write a blank report of the template for that year
  --layout tsv       表格为制表符分隔（默认）/ tab-separated tables (default)
  --layout markdown  表格为 Markdown 管道表 / Markdown pipe tables
  -o, --output FILE  写入文件（默认标准输出；已存在时需 --force）/ write to FILE (default stdout; --force to overwrite)
`,
};

export function helpText(topic: Command | null): string {
  return topic ? TOPIC[topic] : GENERAL;
}
