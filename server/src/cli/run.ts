// The shared part of `check` and `summary`: discover inputs, read and decode them, find the
// config of each, pair carry-over reports, and run the engine. No checking logic here.

import * as path from 'node:path';
import { checkModel, LineIndex, type CheckOptions, type Localized, type SeveritySetting } from '../engine';
import { describeDecoding } from '../node/decode';
import { pickLastYear, identityOf, ReportFolder, type Candidate } from '../node/lastYear';
import type { CheckArgs } from './args';
import { ConfigError, ConfigFinder, loadConfig, type Config } from '../node/config';
import { discoverInputs, type InputError } from './inputs';
import type { CliIo } from './io';
import { displayPath, loadFile, loadInputs, type LoadedReport } from './load';
import type { FileResult } from './results';

export interface RunOutcome {
  results: FileResult[];
  /** Problems with inputs (I/O, decoding, not a report, config); each means exit code 2. */
  errors: InputError[];
  /** Files found in folders or by globs that are not reports, skipped (display paths). */
  skipped: string[];
  /** Said on stderr whatever the verbosity (config problems that do not stop the run). */
  warnings: Localized[];
  /** Notes for --verbose (each names its file). */
  notes: Localized[];
  /** Per result: the options the engine was given (for --fix). */
  options: CheckOptions[];
}

export async function runChecks(args: CheckArgs, io: CliIo, onProgress?: (done: number, total: number) => void): Promise<RunOutcome> {
  const notes: Localized[] = [];
  const warnings: Localized[] = [];
  const warned = new Set<string>();
  const { inputs, errors } = discoverInputs(args.paths, io.cwd);
  const loaded = await loadInputs(inputs, io, onProgress);
  errors.push(...loaded.errors);
  for (const s of loaded.skipped) notes.push({ zh: `${s}：不是年度报告，已跳过`, en: `${s}: not an annual report, skipped` });
  // A folder operand whose files were all skipped as non-reports.
  for (const p of args.paths) {
    if (p === '-' || !loaded.skipped.length) continue;
    const abs = path.resolve(io.cwd, p);
    const under = (f: string | null) => f !== null && (f === abs || f.startsWith(abs + path.sep));
    const hadSkipped = loaded.skipped.some((s) => under(path.resolve(io.cwd, s)));
    if (hadSkipped && !loaded.reports.some((r) => under(r.abs)))
      errors.push({ path: p, message: { zh: '文件夹中没有年度报告', en: 'folder contains no annual reports' } });
  }

  // Configuration: --config for every file, else the nearest .nianbaorc.json.
  let fixedConfig: Config | null = null;
  const finder = new ConfigFinder();
  if (args.config) {
    try {
      fixedConfig = loadConfig(path.resolve(io.cwd, args.config));
    } catch (e) {
      errors.push({ path: args.config, message: configMessage(e) });
      return { results: [], errors, skipped: loaded.skipped, warnings, notes, options: [] };
    }
  }
  const configOf = (r: LoadedReport): Config | null => {
    if (fixedConfig) return fixedConfig;
    try {
      return finder.find(r.abs ? path.dirname(r.abs) : io.cwd);
    } catch (e) {
      errors.push({ path: r.display, message: configMessage(e) });
      return null;
    }
  };

  // Carry-over: --previous, else pairing among the given reports, else the config's
  // previousReport (a path, or "auto": the reports below the config file's folder, searched
  // as the editor searches its workspace). Pairing is node/lastYear.ts, shared with the editor.
  const explicitPrevious = args.previous ? loadPrevious(path.resolve(io.cwd, args.previous), io, errors) : null;
  const given: (Candidate & { index: number })[] = loaded.reports.map((r, index) => ({ path: r.abs ?? r.display, ...r.identity, index }));
  const configPrevious = new Map<string, LoadedReport | null>();
  const folders = new Map<string, ReportFolder>();

  const results: FileResult[] = [];
  const options: CheckOptions[] = [];
  loaded.reports.forEach((r, i) => {
    const cfg = configOf(r);
    const rules: Record<string, SeveritySetting> = { ...(cfg?.rules ?? {}), ...args.rules };
    let prev: LoadedReport | null = explicitPrevious;
    const self = { ...identityOf(r.model), path: r.abs ?? r.display };
    if (!prev) {
      const pair = pickLastYear(self, given);
      if (pair && pair.index !== i) prev = loaded.reports[pair.index]!;
    }
    if (!prev && cfg?.previousReport === 'auto' && r.abs) {
      const root = path.dirname(cfg.file);
      if (!folders.has(root)) folders.set(root, new ReportFolder([root]));
      const hit = folders.get(root)!.lastYearOf(r.model, r.abs);
      if (hit) prev = { display: displayPath(hit.path, io.cwd), abs: hit.path, text: hit.text, encoding: hit.encoding, invalid: hit.invalid, model: hit.model };
    } else if (!prev && cfg?.previousReport && cfg.previousReport !== 'auto' && cfg.previousReport !== r.abs) {
      if (!configPrevious.has(cfg.previousReport)) configPrevious.set(cfg.previousReport, loadPrevious(cfg.previousReport, io, errors));
      prev = configPrevious.get(cfg.previousReport) ?? null;
    }
    const opts: CheckOptions = { rules, previous: prev ? { model: prev.model, uri: prev.abs ?? prev.display } : null, localStructures: cfg?.localStructures ?? [] };
    if (cfg) notes.push({ zh: `${r.display}：配置 ${displayPath(cfg.file, io.cwd)}`, en: `${r.display}: config ${displayPath(cfg.file, io.cwd)}` });
    if (cfg && !warned.has(cfg.file)) {
      warned.add(cfg.file);
      warnings.push(...cfg.warnings);
    }
    notes.push({ zh: `${r.display}：编码 ${describeDecoding(r)}`, en: `${r.display}: encoding ${describeDecoding(r)}` });
    if (prev) notes.push({ zh: `${r.display}：上年报告 ${prev.display}`, en: `${r.display}: carry-over from ${prev.display}` });
    const findings = checkModel(r.model, opts);
    results.push({ display: r.display, abs: r.abs, text: r.text, encoding: r.encoding, invalid: r.invalid, model: r.model, findings, lines: new LineIndex(r.text), previous: prev?.display ?? null, ...(r.source ? { source: r.source } : {}) });
    options.push(opts);
  });
  return { results, errors, skipped: loaded.skipped, warnings, notes, options };
}

function loadPrevious(abs: string, io: CliIo, errors: InputError[]): LoadedReport | null {
  const r = loadFile(abs, io.cwd);
  if (!r.ok) {
    errors.push({ path: r.error.path, message: { zh: `上年报告：${r.error.message.zh}`, en: `previous report: ${r.error.message.en}` } });
    return null;
  }
  return r.report;
}

function configMessage(e: unknown): { zh: string; en: string } {
  const m = e instanceof ConfigError ? e.message : String(e);
  return { zh: `配置文件错误：${m}`, en: `config error: ${m}` };
}
