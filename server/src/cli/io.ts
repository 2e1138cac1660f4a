// What the CLI needs from the outside world, injected so tests can run main() in-process.

interface OutStream {
  write(s: string): void;
  isTTY?: boolean;
  columns?: number;
}

export interface CliIo {
  stdout: OutStream;
  stderr: OutStream;
  /** Reads all of standard input (only called for the `-` argument). */
  readStdin: () => Promise<Buffer>;
  cwd: string;
  env: Record<string, string | undefined>;
}

/** Exit codes (docs/cli.md). A usage or I/O error wins over findings: 2 > 1 > 0. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE_OR_IO = 2;

/** Thrown for a bad command line; main() prints it in the --lang language with a hint and exits 2. */
export class UsageError extends Error {
  constructor(readonly why: { zh: string; en: string }) {
    super(why.en);
  }
}

export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    readStdin: () =>
      new Promise<Buffer>((resolve, reject) => {
        const chunks: Buffer[] = [];
        process.stdin.on('data', (c: Buffer) => chunks.push(c));
        process.stdin.on('end', () => resolve(Buffer.concat(chunks)));
        process.stdin.on('error', reject);
      }),
    cwd: process.cwd(),
    env: process.env,
  };
}
