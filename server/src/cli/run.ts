// The shared part of `check` and `summary`: discover inputs, read and decode them, find the
// config of each, pair carry-over reports, and run the engine. No checking logic here.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkModel, LineIndex, parse, sourceKindOf, type CheckOptions, type SeveritySetting } from '../engine';
import type { CheckArgs } from './args';
import { ConfigError, ConfigFinder, loadConfig, type Config } from './config';
import { discoverInputs, isReportFile, type InputError } from './inputs';
import type { CliIo } from './io';
import { displayPath, loadInputs, readReportFile, type LoadedReport } from './load';
import { agencyKey, pairConsecutiveYears } from './pairing';
import type { FileResult } from './results';

export interface RunOutcome {
  results: FileResult[];
  /** One-line problems with inputs (I/O, decoding, config); each means exit code 2. */
  errors: InputError[];
  /** Notes for --verbose. */
  notes: string[];
  /** Per result: the options the engine was given (for --fix). */
  options: CheckOptions[];
}

export async function runChecks(args: CheckArgs, io: CliIo, onProgress?: (done: number, total: number) => void): Promise<RunOutcome> {
  const notes: string[] = [];
  const { inputs, errors } = discoverInputs(args.paths, io.cwd);
  const loaded = await loadInputs(inputs, io);
  errors.push(...loaded.errors);
  for (const s of loaded.skipped) notes.push(`${s}: not a report, skipped`);
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
      return { results: [], errors, notes, options: [] };
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
  // previousReport (a path, or "auto": the same body's report of the year before in the same folder).
  const explicitPrevious = args.previous ? loadPrevious(path.resolve(io.cwd, args.previous), io, errors) : null;
  const pairs = pairConsecutiveYears(loaded.reports.map((r) => r.model));
  const configPrevious = new Map<string, LoadedReport | null>();
  const siblings = new SiblingIndex(loaded.reports);

  const results: FileResult[] = [];
  const options: CheckOptions[] = [];
  const total = loaded.reports.length;
  loaded.reports.forEach((r, i) => {
    const cfg = configOf(r);
    const rules: Record<string, SeveritySetting> = { ...(cfg?.rules ?? {}), ...args.rules };
    let prev: LoadedReport | null = explicitPrevious;
    if (!prev && pairs.has(i)) prev = loaded.reports[pairs.get(i)!]!;
    if (!prev && cfg?.previousReport === 'auto' && r.abs) prev = siblings.previousOf(r, io, notes);
    else if (!prev && cfg?.previousReport && cfg.previousReport !== r.abs) {
      if (!configPrevious.has(cfg.previousReport)) configPrevious.set(cfg.previousReport, loadPrevious(cfg.previousReport, io, errors));
      prev = configPrevious.get(cfg.previousReport) ?? null;
    }
    const opts: CheckOptions = { rules, previous: prev ? { model: prev.model, uri: prev.abs ?? prev.display } : null };
    if (cfg) notes.push(`${r.display}: config ${displayPath(cfg.file, io.cwd)}`);
    notes.push(`${r.display}: encoding ${r.encoding}`);
    if (prev) notes.push(`${r.display}: carry-over from ${prev.display}`);
    const findings = checkModel(r.model, opts);
    results.push({ display: r.display, abs: r.abs, text: r.text, encoding: r.encoding, model: r.model, findings, lines: new LineIndex(r.text), previous: prev?.display ?? null, ...(r.source ? { source: r.source } : {}) });
    options.push(opts);
    onProgress?.(i + 1, total);
  });
  return { results, errors, notes, options };
}

/** previousReport: "auto": last year's report of the same body in the report's folder. */
class SiblingIndex {
  private parsed = new Map<string, LoadedReport | null>();

  constructor(given: LoadedReport[]) {
    for (const r of given) if (r.abs) this.parsed.set(r.abs, r);
  }

  previousOf(r: LoadedReport, io: CliIo, notes: string[]): LoadedReport | null {
    const key = agencyKey(r.model);
    const year = r.model.year?.value;
    if (!key || !year || !r.abs) return null;
    const dir = path.dirname(r.abs);
    let names: string[];
    try {
      // Text reports only: a structured file is read asynchronously, by loadInputs.
      names = fs.readdirSync(dir).filter((n) => isReportFile(n) && !sourceKindOf(n)).sort();
    } catch {
      return null;
    }
    for (const name of names) {
      const abs = path.join(dir, name);
      if (abs === r.abs) continue;
      if (!this.parsed.has(abs)) {
        const display = displayPath(abs, io.cwd);
        const read = readReportFile(abs, display);
        this.parsed.set(abs, read.ok ? { display, abs, text: read.text, encoding: read.encoding, model: parse(read.text) } : null);
        if (!read.ok) notes.push(`${display}: not read for carry-over (${read.error.message.en})`);
      }
      const c = this.parsed.get(abs);
      if (c && agencyKey(c.model) === key && c.model.year?.value === year - 1) return c;
    }
    return null;
  }
}

function loadPrevious(abs: string, io: CliIo, errors: InputError[]): LoadedReport | null {
  const display = displayPath(abs, io.cwd);
  const r = readReportFile(abs, display);
  if (!r.ok) {
    errors.push({ path: display, message: { zh: `上年报告：${r.error.message.zh}`, en: `previous report: ${r.error.message.en}` } });
    return null;
  }
  return { display, abs, text: r.text, encoding: r.encoding, model: parse(r.text) };
}

function configMessage(e: unknown): { zh: string; en: string } {
  const m = e instanceof ConfigError ? e.message : String(e);
  return { zh: `配置文件错误：${m}`, en: `config error: ${m}` };
}
