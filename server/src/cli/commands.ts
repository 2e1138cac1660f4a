// The four commands. Each returns an exit code; output goes through the injected io.
// Everything said on stderr is in the --lang language (`nianbao: PATH: message`).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildGridView, LineIndex, localize, parse, renderBlankReport, reportsPage, sourceKindOf, type Finding, type Locale, type Localized } from '../engine';
import { describeDecoding } from '../node/decode';
import { decodeBuffer, ioMessage } from '../node/read';
import { writeOutputFile, WriteRefused } from '../node/write';
import type { CheckArgs, ConvertArgs, NewArgs, ParseArgs } from './args';
import { unifiedDiff } from './diff';
import { fixAll, writeFixed } from './fixer';
import { formatGithub, formatGithubErrors } from './formatters/github';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatStylish } from './formatters/stylish';
import type { InputError } from './inputs';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE_OR_IO, type CliIo } from './io';
import { displayPath, readAnyReportFile, STDIN_NAME, type AnyReadResult } from './load';
import { modelToJson } from './modelJson';
import { countFindings } from './results';
import { runChecks } from './run';
import { formatSummary, summaryRows } from './summary';
import { nodeCMaps } from '../node/cmaps';

/** One line on stderr: `nianbao: [PATH: ]message`, in the chosen language. */
export function say(io: CliIo, lang: Locale, message: Localized, where?: string): void {
  io.stderr.write(`nianbao: ${where ? `${where}${lang === 'en' ? ': ' : '：'}` : ''}${localize(message, lang)}\n`);
}

export function printErrors(errors: InputError[], io: CliIo, lang: Locale): void {
  for (const e of errors) say(io, lang, e.message, e.path);
}

export function useColor(io: CliIo): boolean {
  return Boolean(io.stdout.isTTY) && !('NO_COLOR' in io.env && io.env.NO_COLOR !== '');
}

/** What --fix did to one file: the fixed findings by code, and how many are left. */
export function fixReport(before: Finding[], after: Finding[]): Localized {
  const count = (fs: Finding[]) => fs.reduce((m, f) => m.set(f.code, (m.get(f.code) ?? 0) + 1), new Map<string, number>());
  const b = count(before);
  const a = count(after);
  const fixed = [...b].map(([code, n]) => [code, n - (a.get(code) ?? 0)] as const).filter(([, n]) => n > 0);
  const total = fixed.reduce((s, [, n]) => s + n, 0);
  const left = after.length;
  return {
    zh: `已修复 ${total} 处（${fixed.map(([c, n]) => `${c} ${n} 处`).join('，')}）；${left ? `剩余 ${left} 个问题` : '没有剩余问题'}`,
    en: `fixed ${total} (${fixed.map(([c, n]) => `${c} ×${n}`).join(', ')}); ${left ? `${left} problem${left === 1 ? '' : 's'} left` : 'nothing left'}`,
  };
}

/** A progress bar on stderr while many files are read (a TTY only; erased when done). */
function progressBar(io: CliIo): { tick: (done: number, total: number) => void; clear: () => void } {
  const show = Boolean(io.stderr.isTTY);
  let drawn = false;
  return {
    tick: (done, total) => {
      if (!show || total < PROGRESS_MIN_FILES) return;
      const w = 30;
      const filled = Math.round((done / total) * w);
      io.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(w - filled)}] ${done}/${total}`);
      drawn = true;
    },
    clear: () => {
      if (drawn) io.stderr.write('\r\u001b[K');
    },
  };
}

export async function runCheck(args: CheckArgs, io: CliIo): Promise<number> {
  const bar = progressBar(io);
  const run = await runChecks(args, io, bar.tick);
  bar.clear();
  for (const w of run.warnings) say(io, args.lang, w);
  if (args.verbose) for (const n of run.notes) say(io, args.lang, n);

  if (args.fix || args.fixDryRun) {
    // Fix, then report what is left (on the fixed text).
    run.results.forEach((r, i) => {
      if (r.source) {
        // The published file is never rewritten; fixes apply to its text rendering.
        say(io, args.lang, { zh: '未修改：网页、Word 和 PDF 文件不会被改写；请先用 nianbao convert 转为文本再修复', en: 'not modified: web page, Word and PDF files are never rewritten; run nianbao convert and fix the text' }, r.display);
        return;
      }
      const fixed = fixAll(r.text, run.options[i]!);
      if (fixed.text === r.text) return;
      if (args.fixDryRun) {
        io.stdout.write(unifiedDiff(r.text, fixed.text, `a/${r.display}`, `b/${r.display}`));
        return;
      }
      try {
        const how = writeFixed(r.abs!, r.text, fixed.text, r.encoding, r.invalid);
        say(io, args.lang, fixReport(r.findings, fixed.remaining), r.display);
        if (args.verbose) say(io, args.lang, { zh: `已写入（${r.encoding}，${how === 'rename' ? '替换文件' : '原处改写'}）`, en: `written (${r.encoding}, ${how === 'rename' ? 'file replaced' : 'rewritten in place'})` }, r.display);
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
        ? formatJson(run.results, run.errors, args.lang)
        : args.format === 'sarif'
          ? formatSarif(run.results, args.lang, run.errors, io.cwd)
          : args.format === 'github'
            ? formatGithub(run.results, args.lang) + formatGithubErrors(run.errors, args.lang)
            : formatStylish(run.results, args.lang, useColor(io), { unreadable: run.errors.length, skipped: run.skipped.length });
    io.stdout.write(out);
  }
  printErrors(run.errors, io, args.lang);
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
    say(io, args.lang, { zh: `警告 ${c.warnings} 个，超过 --max-warnings ${args.maxWarnings}`, en: `${c.warnings} warnings, more than --max-warnings ${args.maxWarnings}` });
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

export async function runSummary(args: CheckArgs, io: CliIo): Promise<number> {
  const bar = progressBar(io);
  const run = await runChecks(args, io, bar.tick);
  bar.clear();
  for (const w of run.warnings) say(io, args.lang, w);
  if (args.verbose) for (const n of run.notes) say(io, args.lang, n);
  let out: string;
  if (args.format === 'html') {
    // The same grids as the editor's table preview, one section per report, in one page.
    out = reportsPage(
      run.results.map((r) => ({
        path: r.display,
        view: buildGridView(r.model, r.findings, { previous: r.previous }),
        findings: r.findings.map((f) => ({ line: r.lines.positionAt(f.span.start).line + 1, severity: f.severity, code: f.code, message: localize(f.message, args.lang) })),
      })),
      args.lang,
    );
  } else out = formatSummary(summaryRows(run.results), args.format as 'table' | 'csv' | 'json', args.lang, { errors: run.errors, skipped: run.skipped.length });
  if (args.output) {
    try {
      writeOutputFile(path.resolve(io.cwd, args.output), out, true);
    } catch (e) {
      if (!(e instanceof WriteRefused)) throw e;
      run.errors.push({ path: args.output, message: e.why });
    }
  } else io.stdout.write(out);
  printErrors(run.errors, io, args.lang);
  return run.errors.length ? EXIT_USAGE_OR_IO : EXIT_OK;
}

export const PROGRESS_MIN_FILES = 20;

export async function runParse(args: ParseArgs, io: CliIo): Promise<number> {
  let r: AnyReadResult;
  let display: string;
  if (args.file === '-') {
    display = STDIN_NAME;
    r = decodeBuffer(await io.readStdin());
  } else {
    const abs = path.resolve(io.cwd, args.file);
    display = displayPath(abs, io.cwd);
    r = await readAnyReportFile(abs);
  }
  if (!r.ok) {
    printErrors([{ path: display, message: r.message }], io, args.lang);
    return EXIT_USAGE_OR_IO;
  }
  // A web page, Word or PDF file: spans index its text rendering (`nianbao convert`); every
  // cell and row also carries `source`, its location in the file.
  if ('source' in r) {
    io.stdout.write(JSON.stringify({ version: 1, path: display, source: r.source.kind, model: modelToJson(r.model) }, null, 2) + '\n');
    return EXIT_OK;
  }
  if (args.verbose) say(io, args.lang, { zh: `编码 ${describeDecoding(r)}`, en: `encoding ${describeDecoding(r)}` }, display);
  io.stdout.write(JSON.stringify({ version: 1, path: display, encoding: r.encoding, invalidBytes: r.invalid, model: modelToJson(parse(r.text)) }, null, 2) + '\n');
  return EXIT_OK;
}

/** `nianbao convert`: a web page, Word or PDF file → its text rendering (Markdown or TSV). */
export async function runConvert(args: ConvertArgs, io: CliIo): Promise<number> {
  const abs = path.resolve(io.cwd, args.file);
  const display = displayPath(abs, io.cwd);
  const kind = sourceKindOf(abs);
  if (!kind) {
    say(io, args.lang, { zh: '只能转换 .html、.htm、.docx 或 .pdf 文件', en: 'convert reads .html, .htm, .docx or .pdf files' }, display);
    return EXIT_USAGE_OR_IO;
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(abs);
  } catch (e) {
    printErrors([{ path: display, message: ioMessage(e) }], io, args.lang);
    return EXIT_USAGE_OR_IO;
  }
  const { readDocument, renderDocument, SourceError } = await import('../engine/sources');
  let text: string;
  try {
    text = renderDocument(await readDocument(kind, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), { cmaps: nodeCMaps() }), args.to).text;
  } catch (e) {
    if (!(e instanceof SourceError)) throw e;
    printErrors([{ path: display, message: e.userMessage }], io, args.lang);
    return EXIT_USAGE_OR_IO;
  }
  if (!args.output) {
    io.stdout.write(text);
    return EXIT_OK;
  }
  const out = path.resolve(io.cwd, args.output);
  try {
    if (out === abs) throw new WriteRefused({ zh: '不能覆盖原文件', en: 'will not overwrite the source file' });
    writeOutputFile(out, text, args.force);
  } catch (e) {
    if (!(e instanceof WriteRefused)) throw e;
    printErrors([{ path: args.output, message: e.why }], io, args.lang);
    return EXIT_USAGE_OR_IO;
  }
  if (args.verbose) say(io, args.lang, { zh: `已写入 ${args.output}`, en: `wrote ${args.output}` });
  return EXIT_OK;
}

export async function runNew(args: NewArgs, io: CliIo): Promise<number> {
  let text: string;
  try {
    text = renderBlankReport({ year: args.year, agency: args.agency, layout: args.layout });
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    say(io, args.lang, { zh: `2019 年以前没有统一的报告模板（--year ${args.year}）`, en: e.message });
    return EXIT_USAGE_OR_IO;
  }
  if (!args.output) {
    io.stdout.write(text);
    return EXIT_OK;
  }
  try {
    writeOutputFile(path.resolve(io.cwd, args.output), text, args.force);
  } catch (e) {
    if (!(e instanceof WriteRefused)) throw e;
    say(io, args.lang, e.why, args.output);
    return EXIT_USAGE_OR_IO;
  }
  if (args.verbose) say(io, args.lang, { zh: `已写入 ${args.output}`, en: `wrote ${args.output}` });
  return EXIT_OK;
}
