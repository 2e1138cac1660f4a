// SARIF 2.1.0: one run, rule metadata from the engine's rule registry, columns in UTF-16
// code units (SARIF's default columnKind), 1-based lines and columns.

import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { docsUrl, localize, rules as registry, type Finding, type Locale, type Severity } from '../../engine';
import { isFixable } from '../fixer';
import type { InputError } from '../inputs';
import { positionLabel, sourceLocationOf, type FileResult } from '../results';
import { VERSION } from '../version';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export function formatSarif(results: FileResult[], lang: Locale, inputErrors: InputError[] = [], cwd = process.cwd()): string {
  const uriOf = (r: { display: string; abs: string | null }) => artifactLocation(r, cwd);
  const ruleIndex = new Map<string, number>();
  const rules = registry.map((r, i) => {
    ruleIndex.set(r.code, i);
    return {
      id: r.code,
      name: camel(r.code),
      shortDescription: { text: localize(r.description, lang) },
      fullDescription: { text: `${localize(r.description, lang)} (${r.spec.join(', ')})` },
      helpUri: docsUrl(r.code),
      defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
      properties: { spec: r.spec, nianbaoSeverity: r.defaultSeverity },
    };
  });
  // Codes not in the registry (internal-error) still need a rule entry.
  for (const r of results)
    for (const f of r.findings)
      if (!ruleIndex.has(f.code)) {
        ruleIndex.set(f.code, rules.length);
        rules.push({
          id: f.code,
          name: camel(f.code),
          shortDescription: { text: f.code },
          fullDescription: { text: f.code },
          helpUri: docsUrl(f.code),
          defaultConfiguration: { level: LEVEL[f.severity] },
          properties: { spec: [], nianbaoSeverity: f.severity },
        });
      }

  const artifacts: Record<string, unknown>[] = results.map((r) => ({ location: uriOf(r), ...(r.source ? {} : { encoding: r.encoding.replace('-bom', '').toUpperCase() }) }));
  // Inputs that could not be checked are artifacts too (every input appears in the log).
  const errorIndex = inputErrors.map((e) => artifacts.push({ location: uriOf({ display: e.path, abs: e.path === '<stdin>' ? null : path.resolve(cwd, e.path) }) }) - 1);
  const out = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'nianbao',
            fullName: 'Nianbao 年报助手',
            version: VERSION,
            semanticVersion: VERSION,
            informationUri: 'https://github.com/nianbao/nianbao',
            rules,
          },
        },
        invocations: [
          {
            // false when some input could not be read (exit code 2); each is a notification.
            executionSuccessful: inputErrors.length === 0,
            toolExecutionNotifications: inputErrors.map((e, i) => ({
              level: 'error',
              message: { text: localize(e.message, lang) },
              locations: [{ physicalLocation: { artifactLocation: { ...uriOf({ display: e.path, abs: e.path === '<stdin>' ? null : path.resolve(cwd, e.path) }), index: errorIndex[i] } } }],
            })),
          },
        ],
        // Relative artifact URIs are relative to the folder the command ran in.
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(cwd.endsWith(path.sep) ? cwd : cwd + path.sep).href } },
        columnKind: 'utf16CodeUnits',
        artifacts,
        results: results.flatMap((r, fileIndex) => r.findings.map((f) => result(r, uriOf(r), fileIndex, f, ruleIndex.get(f.code)!, lang))),
      },
    ],
  };
  return JSON.stringify(out, null, 2) + '\n';
}

function result(r: FileResult, where: ArtifactLocation, fileIndex: number, f: Finding, ruleIndex: number, lang: Locale) {
  const loc = (span: { start: number; end: number }) => {
    const artifactLocation = { ...where, index: fileIndex };
    const src = sourceLocationOf(r, span.start);
    if (!src) return { physicalLocation: { artifactLocation, region: region(r, span) } };
    // A web page: the line and column in the .html. Word and PDF have no text lines: the
    // table/row/column (and page) is a logical location, also kept as properties.
    if (src.kind === 'html') {
      const end = sourceLocationOf(r, Math.max(span.start, span.end - 1));
      const endColumn = end && end.kind === 'html' && end.line === src.line ? end.column + 1 : src.column + 1;
      return { physicalLocation: { artifactLocation, region: { startLine: src.line, startColumn: src.column, endLine: src.line, endColumn } } };
    }
    return {
      physicalLocation: { artifactLocation },
      logicalLocations: [{ name: positionLabel(r, span.start, 'en'), kind: 'element' }],
      properties: { sourceLocation: src },
    };
  };
  const out: Record<string, unknown> = {
    ruleId: f.code,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: localize(f.message, lang) },
    locations: [loc(f.span)],
    properties: { severity: f.severity, fixable: isFixable(f), ...(f.expected !== undefined ? { expected: f.expected } : {}), ...(f.actual !== undefined ? { actual: f.actual } : {}) },
  };
  // Related locations in this file (other documents' spans cannot be converted here).
  const related = f.related.filter((x) => !x.uri);
  if (related.length)
    out.relatedLocations = related.map((x, id) => ({ id, ...loc(x.span), message: { text: localize(x.message, lang) } }));
  const fixes = f.fixes.filter((x) => x.safe && x.edits.length);
  // Fixes edit text; a web page, Word or PDF file is never modified (convert it first).
  if (fixes.length && !r.source)
    out.fixes = fixes.map((x) => ({
      description: { text: localize(x.title, lang) },
      artifactChanges: [
        {
          artifactLocation: { ...where, index: fileIndex },
          replacements: x.edits.map((e) => ({ deletedRegion: region(r, e.span), insertedContent: { text: e.newText } })),
        },
      ],
    }));
  return out;
}

function region(r: FileResult, span: { start: number; end: number }) {
  const s = r.lines.positionAt(span.start);
  const e = r.lines.positionAt(span.end);
  return { startLine: s.line + 1, startColumn: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
}

interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

/** Below the working folder: a relative URI against SRCROOT; elsewhere: an absolute file:// URI. */
function artifactLocation(r: { display: string; abs: string | null }, cwd: string): ArtifactLocation {
  if (r.abs === null) return { uri: encodeURIComponent(r.display) };
  const rel = path.relative(cwd, r.abs);
  if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' };
  return { uri: pathToFileURL(r.abs).href };
}

function camel(code: string): string {
  return code.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());
}
