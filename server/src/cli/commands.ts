// The four commands. Each returns an exit code; output goes through the injected io.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildGridView, LineIndex, localize, parse, renderBlankReport, reportsPage, type Locale } from '../engine';
import type { CheckArgs, NewArgs, ParseArgs } from './args';
import { unifiedDiff } from './diff';
import { fixAll, writeFixed } from './fixer';
import { WriteRefused } from '../node/write';
import { describeDecoding } from '../node/decode';
import { decodeBuffer, readReportFile } from '../node/read';
import { formatGithub, formatGithubErrors } from './formatters/github';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatStylish } from './formatters/stylish';
import type { InputError } from './inputs';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE_OR_IO, type CliIo } from './io';
import { displayPath, STDIN_NAME } from './load';
import { modelToJson } from './modelJson';
import { countFindings } from './results';
import { runChecks } from './run';
import { formatSummary, summaryRows } from './summary';
import { writeFileSync } from 'node:fs';

export function printErrors(errors: InputError[], io: CliIo, lang: Locale): void {
  for (const e of errors) io.stderr.write(`nianbao: ${e.path}: ${localize(e.message, lang)}\n`);
}

export function useColor(io: CliIo): boolean {
  return Boolean(io.stdout.isTTY) && !('NO_COLOR' in io.env && io.env.NO_COLOR !== '');
}

export async function runCheck(args: CheckArgs, io: CliIo): Promise<number> {
  const run = await runChecks(args, io);
  if (args.verbose) for (const n of run.notes) io.stderr.write(`nianbao: ${n}\n`);

  if (args.fix || args.fixDryRun) {
    // Fix, then report what is left (on the fixed text).
    run.results.forEach((r, i) => {
      const fixed = fixAll(r.text, run.options[i]!);
      if (fixed.text === r.text) return;
      if (args.fixDryRun) {
        io.stdout.write(unifiedDiff(r.text, fixed.text, `a/${r.display}`, `b/${r.display}`));
        return;
      }
      try {
        writeFixed(r.abs!, r.text, fixed.text, r.encoding, r.invalid);
        if (args.verbose) io.stderr.write(`nianbao: ${r.display}: ${fixed.applied} fix(es) written (${r.encoding})\n`);
        r.text = fixed.text;
        r.findings = fixed.remaining;
        r.model = parse(fixed.text);
        r.lines = new LineIndex(fixed.text);
      } catch (e) {
        if (!(e instanceof WriteRefused)) throw e;
        run.errors.push({ path: r.display, message: { zh: `未写入修复：${e.why.zh}`, en: `fixes not written: ${e.why.en}` } });
      }
    });
  }

  if (!args.fixDryRun) {
    const out =
      args.format === 'json'
        ? formatJson(run.results, args.lang)
        : args.format === 'sarif'
          ? formatSarif(run.results, args.lang, run.errors)
          : args.format === 'github'
            ? formatGithub(run.results, args.lang)
            : formatStylish(run.results, args.lang, useColor(io));
    io.stdout.write(out);
  }
  printErrors(run.errors, io, args.lang);
  if (args.format === 'github' && !args.fixDryRun) io.stdout.write(formatGithubErrors(run.errors, args.lang));
  if (run.errors.length) return EXIT_USAGE_OR_IO;
  const c = run.results.reduce(
    (acc, r) => {
      const x = countFindings(r.findings);
      return { errors: acc.errors + x.errors, warnings: acc.warnings + x.warnings };
    },
    { errors: 0, warnings: 0 },
  );
  if (c.errors > 0) return EXIT_FINDINGS;
  if (args.maxWarnings !== null && c.warnings > args.maxWarnings) {
    io.stderr.write(
      args.lang === 'en'
        ? `nianbao: ${c.warnings} warnings, more than --max-warnings ${args.maxWarnings}\n`
        : `nianbao: 警告 ${c.warnings} 个，超过 --max-warnings ${args.maxWarnings}\n`,
    );
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

export async function runSummary(args: CheckArgs, io: CliIo): Promise<number> {
  const showProgress = Boolean(io.stderr.isTTY);
  let drawn = false;
  const run = await runChecks(args, io, (done, total) => {
    if (!showProgress || total < PROGRESS_MIN_FILES) return;
    const w = 30;
    const filled = Math.round((done / total) * w);
    io.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(w - filled)}] ${done}/${total}`);
    drawn = true;
  });
  if (drawn) io.stderr.write('\r\u001b[K');
  if (args.verbose) for (const n of run.notes) io.stderr.write(`nianbao: ${n}\n`);
  if (args.format === 'html') {
    // The same grids as the editor's table preview, one section per report, in one page.
    const page = reportsPage(
      run.results.map((r) => ({
        path: r.display,
        view: buildGridView(r.model, r.findings, { previous: r.previous }),
        findings: r.findings.map((f) => ({ line: r.lines.positionAt(f.span.start).line + 1, severity: f.severity, code: f.code, message: localize(f.message, args.lang) })),
      })),
      args.lang,
    );
    if (args.output) writeFileSync(args.output, page);
    else io.stdout.write(page);
  } else io.stdout.write(formatSummary(summaryRows(run.results), args.format as 'table' | 'csv' | 'json', args.lang));
  printErrors(run.errors, io, args.lang);
  return run.errors.length ? EXIT_USAGE_OR_IO : EXIT_OK;
}

export const PROGRESS_MIN_FILES = 20;

export async function runParse(args: ParseArgs, io: CliIo): Promise<number> {
  let r;
  let display: string;
  if (args.file === '-') {
    display = STDIN_NAME;
    r = decodeBuffer(await io.readStdin());
  } else {
    const abs = path.resolve(io.cwd, args.file);
    display = displayPath(abs, io.cwd);
    r = readReportFile(abs);
  }
  if (!r.ok) {
    printErrors([{ path: display, message: r.message }], io, args.lang);
    return EXIT_USAGE_OR_IO;
  }
  if (args.verbose) io.stderr.write(`nianbao: ${display}: encoding ${describeDecoding(r)}\n`);
  io.stdout.write(JSON.stringify({ version: 1, path: display, encoding: r.encoding, invalidBytes: r.invalid, model: modelToJson(parse(r.text)) }, null, 2) + '\n');
  return EXIT_OK;
}

export async function runNew(args: NewArgs, io: CliIo): Promise<number> {
  let text: string;
  try {
    text = renderBlankReport({ year: args.year, agency: args.agency, layout: args.layout });
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    io.stderr.write(args.lang === 'en' ? `nianbao: ${e.message}\n` : `nianbao: 2019 年以前没有统一的报告模板（--year ${args.year}）\n`);
    return EXIT_USAGE_OR_IO;
  }
  if (!args.output) {
    io.stdout.write(text);
    return EXIT_OK;
  }
  const abs = path.resolve(io.cwd, args.output);
  if (fs.existsSync(abs) && !args.force) {
    io.stderr.write(
      args.lang === 'en'
        ? `nianbao: ${args.output}: already exists (use --force to overwrite)\n`
        : `nianbao: ${args.output}: 文件已存在（用 --force 覆盖）\n`,
    );
    return EXIT_USAGE_OR_IO;
  }
  try {
    fs.writeFileSync(abs, text, 'utf-8');
  } catch (e) {
    io.stderr.write(`nianbao: ${args.output}: ${String((e as Error).message)}\n`);
    return EXIT_USAGE_OR_IO;
  }
  if (args.verbose) io.stderr.write(`nianbao: wrote ${args.output}\n`);
  return EXIT_OK;
}
