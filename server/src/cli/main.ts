// The CLI entry point as a function: main(argv, io) → exit code. Tests call it in-process.

import { langFromArgv, parseCommandLine, type Parsed } from './args';
import { localize, type Locale } from '../engine';
import { runCheck, runConvert, runNew, runParse, runSummary } from './commands';
import { helpText } from './help';
import { EXIT_OK, EXIT_USAGE_OR_IO, UsageError, type CliIo } from './io';
import { VERSION } from './version';

export async function main(argv: string[], io: CliIo): Promise<number> {
  let parsed: Parsed | undefined;
  try {
    parsed = parseCommandLine(argv);
    switch (parsed.command) {
      case 'version':
        io.stdout.write(`${VERSION}\n`);
        return EXIT_OK;
      case 'help':
        io.stdout.write(helpText(parsed.topic));
        return EXIT_OK;
      case 'check':
        return await runCheck(parsed, io);
      case 'summary':
        return await runSummary(parsed, io);
      case 'parse':
        return await runParse(parsed, io);
      case 'new':
        return await runNew(parsed, io);
      case 'convert':
        return await runConvert(parsed, io);
    }
  } catch (e) {
    const lang = parsed && 'lang' in parsed ? parsed.lang : langFromArgv(argv);
    if (e instanceof UsageError) {
      io.stderr.write(`nianbao: ${localize(e.why, lang)}\n${lang === 'en' ? 'nianbao --help for usage' : 'nianbao --help 查看用法'}\n`);
      return EXIT_USAGE_OR_IO;
    }
    const verbose = parsed && 'verbose' in parsed ? parsed.verbose : argv.includes('-v') || argv.includes('--verbose');
    io.stderr.write(internalError(e, lang, verbose || debugging(io.env)));
    return EXIT_USAGE_OR_IO;
  }
}

/** NIANBAO_DEBUG set (to anything but "" or "0"): internal errors come with their stack. */
export function debugging(env: Record<string, string | undefined>): boolean {
  const v = env.NIANBAO_DEBUG;
  return v !== undefined && v !== '' && v !== '0';
}

/**
 * A bug (an exception no command turned into a message) as one line in the user's language,
 * exit 2; the stack only with -v/--verbose or NIANBAO_DEBUG, for a bug report.
 */
export function internalError(e: unknown, lang: Locale, withStack: boolean): string {
  const what = e instanceof Error ? e.message || e.name : String(e);
  const line = localize(
    {
      zh: `内部错误：${what}。这是年报助手的缺陷，请报告（加 -v 或设置 NIANBAO_DEBUG=1 显示详情）`,
      en: `internal error: ${what}. This is a bug in Nianbao; please report it (-v or NIANBAO_DEBUG=1 shows the details)`,
    },
    lang,
  );
  const stack = withStack && e instanceof Error && e.stack ? `${e.stack}\n` : '';
  return `nianbao: ${line}\n${stack}`;
}
