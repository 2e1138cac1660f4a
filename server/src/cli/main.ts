// The CLI entry point as a function: main(argv, io) → exit code. Tests call it in-process.

import { langFromArgv, parseCommandLine } from './args';
import { localize } from '../engine';
import { runCheck, runConvert, runNew, runParse, runSummary } from './commands';
import { helpText } from './help';
import { EXIT_OK, EXIT_USAGE_OR_IO, UsageError, type CliIo } from './io';
import { VERSION } from './version';

export async function main(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseCommandLine(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      const lang = langFromArgv(argv);
      io.stderr.write(`nianbao: ${localize(e.why, lang)}\n${lang === 'en' ? 'nianbao --help for usage' : 'nianbao --help 查看用法'}\n`);
      return EXIT_USAGE_OR_IO;
    }
    throw e;
  }
  try {
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
    io.stderr.write(`nianbao: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT_USAGE_OR_IO;
  }
}
