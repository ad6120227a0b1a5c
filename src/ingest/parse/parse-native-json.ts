/**
 * The native entry format: a JSON array of entries (or `{"papers": [...]}`), or JSON Lines
 * with one entry per line. Strict JSON: comments and trailing commas are errors.
 */
import { getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Problem } from '../../messages/errors.ts';
import { TOO_DEEP, tooDeepAt } from './json-depth.ts';
import type { ParseResult, RawEntry } from './raw-entry.ts';
import { lineAt, lineStarts } from './text-position.ts';

const STRICT = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false } as const;

/** Turns jsonc-parser's errors into problems at `file:line` with the column in the reason. */
function syntaxProblems(errors: readonly ParseError[], file: string, starts: readonly number[], lineOffset = 0): Problem[] {
  return errors.map((error) => {
    const line = lineAt(starts, error.offset);
    const column = error.offset - (starts[line - 1] ?? 0) + 1;
    return {
      severity: 'error',
      file,
      line: line + lineOffset,
      field: 'entry',
      reason: `invalid JSON at column ${column}: ${printParseErrorCode(error.error)}`,
    };
  });
}

/** One entry from a JSON value, or a problem when it is not an object. */
function toEntry(value: unknown, file: string, line: number): RawEntry | Problem {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
    return { severity: 'error', file, line, field: 'entry', reason: `expected an object, found ${kind}` };
  }
  return { file, line, fields: value as Record<string, unknown> };
}

/** Splits parse results into entries and problems, keeping their order. */
export function collect(results: readonly (RawEntry | Problem)[]): ParseResult {
  const entries: RawEntry[] = [];
  const problems: Problem[] = [];
  for (const result of results) {
    if ('fields' in result) entries.push(result);
    else problems.push(result);
  }
  return { entries, problems };
}

/** Parses a JSON document holding an array of entries, each located at the line it starts on. */
export function parseNativeJson(text: string, file: string): ParseResult {
  const starts = lineStarts(text);
  const deep = tooDeepAt(text);
  if (deep !== -1)
    return { entries: [], problems: [{ severity: 'error', file, line: lineAt(starts, deep), field: 'file', reason: TOO_DEEP }] };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, STRICT);
  if (errors.length > 0 || !root) {
    const problems = syntaxProblems(errors, file, starts);
    return {
      entries: [],
      problems: problems.length > 0 ? problems : [{ severity: 'error', file, line: 1, field: 'file', reason: 'empty JSON file' }],
    };
  }
  let list: Node | undefined = root;
  if (root.type === 'object') {
    list = root.children?.find((prop) => prop.children?.[0]?.value === 'papers')?.children?.[1];
  }
  if (!list || list.type !== 'array') {
    return {
      entries: [],
      problems: [
        {
          severity: 'error',
          file,
          line: 1,
          field: 'file',
          reason: 'expected a JSON array of entries (or an object with a "papers" array)',
        },
      ],
    };
  }
  return collect((list.children ?? []).map((node) => toEntry(getNodeValue(node), file, lineAt(starts, node.offset))));
}

/** Parses JSON Lines: one entry per non-blank line; a bad line is reported and the rest still read. */
export function parseNativeJsonLines(text: string, file: string): ParseResult {
  const results: (RawEntry | Problem)[] = [];
  text.split('\n').forEach((raw, index) => {
    results.push(...parseJsonLine(raw, file, index + 1));
  });
  return collect(results);
}

/**
 * One line of JSON Lines (without its line end) at 1-based `line`: its entry or the problem that
 * stops it (nothing for a blank line), after a warning when a byte-order mark starting the line
 * was removed. Shared by `parseNativeJsonLines` and the streaming reader.
 */
export function parseJsonLine(raw: string, file: string, line: number): (RawEntry | Problem)[] {
  // Files joined with `cat` keep each one's BOM, at the start of a line JSON.parse then refuses.
  let start = 0;
  while (raw.charCodeAt(start) === 0xfeff) start += 1;
  const results: (RawEntry | Problem)[] = [];
  if (start > 0)
    results.push({
      severity: 'warning',
      file,
      line,
      field: 'entry',
      reason: 'removed a byte-order mark (U+FEFF) at the start of the line, a sign of files joined together',
    });
  if (raw.trim() !== '') results.push(parseJson(raw.slice(start), start, file, line));
  return results;
}

/** A non-blank line's entry, or the problem that stops it; `shift` characters were cut from the line's start. */
function parseJson(text: string, shift: number, file: string, line: number): RawEntry | Problem {
  try {
    return toEntry(JSON.parse(text), file, line);
  } catch {
    // JSON.parse's message has no reliable position; ask the strict parser where it broke.
    if (tooDeepAt(text) !== -1) return { severity: 'error', file, line, field: 'entry', reason: TOO_DEEP };
    const errors: ParseError[] = [];
    parseTree(text, errors, STRICT);
    // The first error is the cause; the rest follow from it. Columns count in the line as written.
    const [first] = syntaxProblems(
      errors.map((error) => ({ ...error, offset: error.offset + shift })),
      file,
      [0],
      line - 1,
    );
    return first ?? { severity: 'error', file, line, field: 'entry', reason: 'invalid JSON' };
  }
}
