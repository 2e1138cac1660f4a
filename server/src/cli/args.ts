// Command-line parsing (node:util parseArgs). One options table per command.

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { rules as registry, type Locale, type SeveritySetting } from '../engine';
import { SEVERITY_SETTINGS } from '../node/config';
import { UsageError } from './io';

export type Command = 'check' | 'summary' | 'parse' | 'new' | 'convert';
export type CheckFormat = 'stylish' | 'json' | 'sarif' | 'github';
export type SummaryFormat = 'table' | 'csv' | 'json' | 'html';

export interface CommonOptions {
  lang: Locale;
  verbose: boolean;
}

export interface CheckArgs extends CommonOptions {
  command: 'check' | 'summary';
  paths: string[];
  format: string;
  rules: Record<string, SeveritySetting>;
  config: string | null;
  maxWarnings: number | null;
  previous: string | null;
  fix: boolean;
  fixDryRun: boolean;
  /** summary --format html: write the page here instead of stdout. */
  output?: string | null;
}

export interface ParseArgs extends CommonOptions {
  command: 'parse';
  file: string;
  format: 'json';
}

export interface ConvertArgs extends CommonOptions {
  command: 'convert';
  file: string;
  /** Markdown pipe tables (.md, the default) or TSV (.txt); from -o's extension unless --to. */
  to: 'markdown' | 'tsv';
  output: string | null;
  force: boolean;
}

export interface NewArgs extends CommonOptions {
  command: 'new';
  year: number;
  agency: string;
  layout: 'tsv' | 'markdown';
  output: string | null;
  force: boolean;
}

export type Parsed =
  | ConvertArgs
  | CheckArgs
  | ParseArgs
  | NewArgs
  | { command: 'help'; topic: Command | null; lang: Locale }
  | { command: 'version' };

const COMMON = {
  lang: { type: 'string' },
  verbose: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} as const;

const CHECK = {
  ...COMMON,
  format: { type: 'string', short: 'f' },
  rule: { type: 'string', multiple: true },
  config: { type: 'string', short: 'c' },
  'max-warnings': { type: 'string' },
  previous: { type: 'string' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
} as const;

const SUMMARY = {
  ...COMMON,
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  rule: { type: 'string', multiple: true },
  config: { type: 'string', short: 'c' },
  previous: { type: 'string' },
} as const;

const PARSE = { ...COMMON, format: { type: 'string', short: 'f' } } as const;

const CONVERT = {
  ...COMMON,
  to: { type: 'string', short: 't' },
  output: { type: 'string', short: 'o' },
  force: { type: 'boolean' },
} as const;

const NEW = {
  ...COMMON,
  year: { type: 'string' },
  agency: { type: 'string' },
  layout: { type: 'string' },
  output: { type: 'string', short: 'o' },
  force: { type: 'boolean' },
} as const;

function lang(v: string | undefined): Locale {
  if (v === undefined) return 'zh-CN';
  if (v === 'zh-CN' || v === 'zh' || v === 'zh-cn') return 'zh-CN';
  if (v === 'en' || v.startsWith('en-')) return 'en';
  throw new UsageError({ zh: `--lang 只能是 zh-CN 或 en（收到“${v}”）`, en: `--lang must be zh-CN or en (got "${v}")` });
}

/** `code=severity` pairs from --rule, validated. */
export function parseRuleOptions(values: string[] | undefined): Record<string, SeveritySetting> {
  const out: Record<string, SeveritySetting> = {};
  for (const v of values ?? []) {
    const m = /^\s*([a-z0-9-]+)\s*[=:]\s*([a-z]+)\s*$/.exec(v);
    if (!m || !SEVERITY_SETTINGS.includes(m[2] as SeveritySetting))
      throw new UsageError({ zh: `--rule 的格式为 规则=${SEVERITY_SETTINGS.join('|')}（收到“${v}”）`, en: `--rule expects code=${SEVERITY_SETTINGS.join('|')} (got "${v}")` });
    const known = registry.map((r) => r.code);
    if (!known.includes(m[1]!) && m[1] !== 'internal-error')
      throw new UsageError({ zh: `--rule：没有规则“${m[1]}”（已有：${known.join(', ')}）`, en: `--rule: unknown rule "${m[1]}" (known: ${known.join(', ')})` });
    out[m[1]!] = m[2] as SeveritySetting;
  }
  return out;
}

function oneOf<T extends string>(name: string, v: string | undefined, allowed: readonly T[], dflt: T): T {
  if (v === undefined) return dflt;
  if (!(allowed as readonly string[]).includes(v)) throw new UsageError({ zh: `--${name} 只能是 ${allowed.join('、')} 之一（收到“${v}”）`, en: `--${name} must be one of ${allowed.join(', ')} (got "${v}")` });
  return v as T;
}

function run<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(parseArgsMessage(e as NodeJS.ErrnoException));
  }
}

export function parseCommandLine(argv: string[]): Parsed {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help')
    return { command: 'help', topic: rest[0] !== undefined && isCommand(rest[0]) ? rest[0] : null, lang: langFromArgv(argv) };
  if (first === '--version' || first === '-V' || first === 'version') return { command: 'version' };
  if (!isCommand(first)) throw new UsageError({ zh: `没有命令“${first}”（可用：check、summary、parse、convert、new）`, en: `unknown command "${first}" (expected check, summary, parse, convert or new)` });

  if (first === 'check' || first === 'summary') {
    const { values, positionals } = run(rest, first === 'check' ? CHECK : SUMMARY);
    const v = values as Record<string, string | boolean | string[] | undefined>;
    if (v.help) return { command: 'help', topic: first, lang: lang(v.lang as string | undefined) };
    const format =
      first === 'check'
        ? oneOf<CheckFormat>('format', v.format as string | undefined, ['stylish', 'json', 'sarif', 'github'], 'stylish')
        : oneOf<SummaryFormat>('format', v.format as string | undefined, ['table', 'csv', 'json', 'html'], 'table');
    let maxWarnings: number | null = null;
    if (v['max-warnings'] !== undefined) {
      const s = v['max-warnings'] as string;
      if (!/^\d+$/.test(s)) throw new UsageError({ zh: `--max-warnings 需要一个非负整数（收到“${s}”）`, en: `--max-warnings expects a whole number ≥ 0 (got "${s}")` });
      maxWarnings = Number(s);
    }
    if (v.fix && v['fix-dry-run']) throw new UsageError({ zh: '--fix 与 --fix-dry-run 不能同时使用', en: '--fix and --fix-dry-run cannot be used together' });
    const paths = positionals.length ? positionals : ['.'];
    if (v.fix && paths.includes('-')) throw new UsageError({ zh: '--fix 不能写回标准输入；请用 --fix-dry-run 或文件', en: '--fix cannot write to standard input; use --fix-dry-run or a file' });
    return {
      command: first,
      paths,
      format,
      lang: lang(v.lang as string | undefined),
      verbose: Boolean(v.verbose),
      rules: parseRuleOptions(v.rule as string[] | undefined),
      config: (v.config as string | undefined) ?? null,
      maxWarnings,
      previous: (v.previous as string | undefined) ?? null,
      fix: Boolean(v.fix),
      fixDryRun: Boolean(v['fix-dry-run']),
      output: (v.output as string | undefined) ?? null,
    };
  }

  if (first === 'parse') {
    const { values, positionals } = run(rest, PARSE);
    const v = values as Record<string, string | boolean | undefined>;
    if (v.help) return { command: 'help', topic: 'parse', lang: lang(v.lang as string | undefined) };
    oneOf('format', v.format as string | undefined, ['json'], 'json');
    if (positionals.length !== 1) throw new UsageError({ zh: 'parse 需要且只需要一个文件（或 - 表示标准输入）', en: 'parse expects exactly one FILE (or - for stdin)' });
    return { command: 'parse', file: positionals[0]!, format: 'json', lang: lang(v.lang as string | undefined), verbose: Boolean(v.verbose) };
  }

  if (first === 'convert') {
    const { values, positionals } = run(rest, CONVERT);
    const v = values as Record<string, string | boolean | undefined>;
    if (v.help) return { command: 'help', topic: 'convert', lang: lang(v.lang as string | undefined) };
    if (positionals.length !== 1) throw new UsageError({ zh: 'convert 需要且只需要一个文件（.html、.htm、.docx 或 .pdf）', en: 'convert expects exactly one FILE (.html, .htm, .docx or .pdf)' });
    const output = (v.output as string | undefined) ?? null;
    const byExt = output && /\.(txt|tsv)$/i.test(output) ? 'tsv' : 'markdown';
    return {
      command: 'convert',
      file: positionals[0]!,
      to: oneOf('to', v.to as string | undefined, ['markdown', 'tsv'], byExt),
      output,
      force: Boolean(v.force),
      lang: lang(v.lang as string | undefined),
      verbose: Boolean(v.verbose),
    };
  }

  const { values, positionals } = run(rest, NEW);
  const v = values as Record<string, string | boolean | undefined>;
  if (v.help) return { command: 'help', topic: 'new', lang: lang(v.lang as string | undefined) };
  if (positionals.length) throw new UsageError({ zh: `new 不接受文件参数（收到“${positionals[0]}”）；请用 -o 文件`, en: `new takes no operands (got "${positionals[0]}"); use -o FILE` });
  const yearText = v.year as string | undefined;
  if (yearText === undefined || !/^\d{4}$/.test(yearText)) throw new UsageError({ zh: 'new 需要 --year 年份（如 --year 2025）', en: 'new requires --year YYYY (e.g. --year 2025)' });
  const agency = ((v.agency as string | undefined) ?? '').trim();
  if (!agency) throw new UsageError({ zh: 'new 需要 --agency 机关名称（如 --agency 某某局）', en: 'new requires --agency NAME (e.g. --agency 某某局)' });
  return {
    command: 'new',
    year: Number(yearText),
    agency,
    layout: oneOf('layout', v.layout as string | undefined, ['tsv', 'markdown'], 'tsv'),
    output: (v.output as string | undefined) ?? null,
    force: Boolean(v.force),
    lang: lang(v.lang as string | undefined),
    verbose: Boolean(v.verbose),
  };
}

/** node:util parseArgs errors in both languages (its own messages are English only). */
function parseArgsMessage(e: NodeJS.ErrnoException): { zh: string; en: string } {
  const opt = /'(-[^']*)'/.exec(e.message)?.[1]?.split(/[ ,]/)[0] ?? '';
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return { zh: `没有选项 ${opt}`, en: `unknown option ${opt}` };
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take an argument/.test(e.message) ? { zh: `选项 ${opt} 不接受值`, en: `option ${opt} takes no value` } : { zh: `选项 ${opt} 需要一个值`, en: `option ${opt} needs a value` };
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return { zh: '多余的参数', en: 'unexpected argument' };
    default:
      return { zh: `命令行有误：${e.message}`, en: e.message };
  }
}

function isCommand(s: string): s is Command {
  return s === 'check' || s === 'summary' || s === 'parse' || s === 'new' || s === 'convert';
}

export function langFromArgv(argv: string[]): Locale {
  const i = argv.indexOf('--lang');
  const v = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--lang='))?.slice(7);
  try {
    return lang(v);
  } catch {
    return 'zh-CN';
  }
}
