/**
 * Problems found in sources, and the one way they are printed:
 * `<file>:<line>: <field>: <reason>`. Other tools parse that line, so keep it stable.
 * Also the errors a command stops with (`UserError`, `RunError`), made from an entry of the
 * catalogue (src/messages/messages.ts) by `userError` / `runError` in message.ts.
 */
import { relative } from 'node:path';

/**
 * How bad a problem is: an `error` rejects the entry, a `warning` keeps it (changed or not),
 * an `info` records something worth knowing (an empty abstract) in `--report` only.
 */
export type Severity = 'error' | 'warning' | 'info';

/** One thing wrong with one entry (or with a whole file, when `field` is `file`). */
export interface Problem {
  readonly severity: Severity;
  /** The source file, as the user named it. */
  readonly file: string;
  /** 1-based line where the entry (or the offending text) starts. */
  readonly line: number;
  /** The entry field at fault, or `file` / `entry` for problems with the whole thing. */
  readonly field: string;
  /** What is wrong, and where it helps, what to do. */
  readonly reason: string;
}

/** Shows a path relative to the working directory when it lies inside it, as users typed it. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel === '' || rel.startsWith('..') ? file : rel;
}

/** The one-line form of a problem: `<file>:<line>: <field>: <reason>`. */
export function formatProblem(problem: Problem): string {
  const prefix = problem.severity === 'error' ? '' : `${problem.severity}: `;
  return `${displayPath(problem.file)}:${problem.line}: ${problem.field}: ${prefix}${problem.reason}`;
}

/** Sorts problems by file, then line, then field, so reports are stable across runs. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.field.localeCompare(b.field) || a.reason.localeCompare(b.reason),
  );
}

/** Quotes a value for a message, shortened so one huge field cannot flood the terminal. */
export function quote(value: unknown, max = 60): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  const short = text.length > max ? `${text.slice(0, max)}…` : text;
  return `\`${short.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\``;
}

/** An error the command line prints as it is, without a stack trace, and exits non-zero. */
export class UserError extends Error {
  override readonly name = 'UserError';
}

/**
 * A run that could not finish for a reason outside the command (a folder in use, a full disk):
 * printed as one line without a stack trace, exit code 1.
 */
export class RunError extends Error {
  override readonly name = 'RunError';
}
