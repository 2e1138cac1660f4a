// .nianbaorc.json, read by the CLI and the language server alike:
//   { "rules": { "cell-blank": "off", … }, "previousReport": "../2020/report.txt", "localStructures": ["fee-section"] }
// Found by walking up from each report's folder (the nearest wins), or given with --config (CLI).
// `previousReport` is resolved relative to the config file's folder; `"auto"` (the editor
// setting's default) means: last year's report of the same body below the config file's
// folder, found as the editor finds it in its workspace (node/lastYear.ts).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { LOCAL_STRUCTURES, rules as registry, type Localized, type SeveritySetting } from '../engine';

export const CONFIG_FILE = '.nianbaorc.json';
export const SEVERITY_SETTINGS: SeveritySetting[] = ['off', 'hint', 'info', 'warning', 'error'];

export interface Config {
  /** Where the config was read from (absolute), for messages. */
  file: string;
  rules: Record<string, SeveritySetting>;
  /** Absolute path of last year's report, `auto` (search below the config file's folder), or null. */
  previousReport: string | 'auto' | null;
  /** Local section structures this workspace accepts (format/sections.ts LOCAL_STRUCTURES ids). */
  localStructures: string[];
  /** Unknown keys and rule codes: ignored, and said on stderr (a typo should not pass silently). */
  warnings: Localized[];
}

const KNOWN_KEYS = ['rules', 'previousReport', 'localStructures', '$schema'];

export class ConfigError extends Error {}

export function loadConfig(file: string): Config {
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf-8');
  } catch (e) {
    throw new ConfigError(`${file}: cannot read config (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new ConfigError(`${file}: invalid JSON (${(e as Error).message})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new ConfigError(`${file}: expected a JSON object`);
  const obj = data as Record<string, unknown>;
  const rules: Record<string, SeveritySetting> = {};
  const warnings: Localized[] = [];
  for (const k of Object.keys(obj))
    if (!KNOWN_KEYS.includes(k)) warnings.push({ zh: `${file}：未知的配置项“${k}”，已忽略（可用：rules、previousReport、localStructures）`, en: `${file}: unknown key "${k}" ignored (known: rules, previousReport, localStructures)` });
  if (obj.rules !== undefined) {
    if (typeof obj.rules !== 'object' || obj.rules === null || Array.isArray(obj.rules))
      throw new ConfigError(`${file}: "rules" must be an object of code → severity`);
    for (const [code, sev] of Object.entries(obj.rules as Record<string, unknown>)) {
      if (typeof sev !== 'string' || !SEVERITY_SETTINGS.includes(sev as SeveritySetting))
        throw new ConfigError(`${file}: rule "${code}": severity must be one of ${SEVERITY_SETTINGS.join(', ')}`);
      if (!registry.some((r) => r.code === code)) warnings.push({ zh: `${file}：没有规则“${code}”，已忽略`, en: `${file}: unknown rule "${code}" ignored` });
      rules[code] = sev as SeveritySetting;
    }
  }
  let previousReport: string | null = null;
  if (obj.previousReport !== undefined && obj.previousReport !== null) {
    if (typeof obj.previousReport !== 'string') throw new ConfigError(`${file}: "previousReport" must be a path`);
    previousReport = obj.previousReport === 'auto' ? 'auto' : path.resolve(path.dirname(file), obj.previousReport);
  }
  const localStructures: string[] = [];
  if (obj.localStructures !== undefined) {
    const ids = LOCAL_STRUCTURES.map((ls) => ls.id);
    if (!Array.isArray(obj.localStructures) || obj.localStructures.some((x) => typeof x !== 'string' || !ids.includes(x)))
      throw new ConfigError(`${file}: "localStructures" must be a list of ${ids.map((x) => `"${x}"`).join(', ')}`);
    localStructures.push(...(obj.localStructures as string[]));
  }
  return { file: path.resolve(file), rules, previousReport, localStructures, warnings };
}

/** The nearest .nianbaorc.json at or above `dir`, or null. Results are cached per folder until `clear()`. */
export class ConfigFinder {
  private readonly cache = new Map<string, Config | null>();

  /** A config file may have been created, changed or deleted. */
  clear(): void {
    this.cache.clear();
  }

  find(dir: string): Config | null {
    const abs = path.resolve(dir);
    if (this.cache.has(abs)) return this.cache.get(abs)!;
    const candidate = path.join(abs, CONFIG_FILE);
    let found: Config | null;
    if (fs.existsSync(candidate)) found = loadConfig(candidate);
    else {
      const parent = path.dirname(abs);
      found = parent === abs ? null : this.find(parent);
    }
    this.cache.set(abs, found);
    return found;
  }
}
