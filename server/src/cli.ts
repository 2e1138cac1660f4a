// `nianbao`: the command-line adapter over the engine (docs/cli.md). Bundled to dist/cli.js.

import { processIo } from './cli/io';
import { main } from './cli/main';

main(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`nianbao: ${String(e)}\n`);
    process.exitCode = 2;
  },
);
