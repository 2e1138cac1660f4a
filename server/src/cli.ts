// `nianbao`: the command-line adapter over the engine (docs/cli.md). Bundled to dist/cli.js.

import { langFromArgv } from './cli/args';
import { processIo } from './cli/io';
import { debugging, internalError, main } from './cli/main';

const argv = process.argv.slice(2);
/** What main() could not catch (an error event on a stream): the same one line as its own internal errors, exit 2. */
const report = (e: unknown) => {
  process.stderr.write(internalError(e, langFromArgv(argv), argv.includes('-v') || argv.includes('--verbose') || debugging(process.env)));
  process.exitCode = 2;
};
const crash = (e: unknown) => {
  report(e);
  process.exit(2);
};

// `nianbao check … | head`: a closed pipe ends the output quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  crash(e);
});
process.on('uncaughtException', crash);

main(argv, processIo()).then((code) => {
  process.exitCode = code;
}, report);
