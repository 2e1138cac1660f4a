// `nianbao`: the command-line adapter over the engine (docs/cli.md). Bundled to dist/cli.js.

import { processIo } from './cli/io';
import { main } from './cli/main';

// `nianbao check … | head`: a closed pipe ends the output quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

main(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`nianbao: ${String(e)}\n`);
    process.exitCode = 2;
  },
);
