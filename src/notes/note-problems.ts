/**
 * What can be wrong with a paper's notes, worded once: each problem is a `Problem` of the
 * field `notes`, printed `<file>:<line>: notes: <reason>` (src/messages/errors.ts), where the
 * line is the paper file's, as the user counts, and the reason ends with the hint below.
 */
import { formatProblem, quote, type Problem } from '../messages/errors.ts';

/** How to write what MDX would otherwise read as code or as a tag. */
export const NOTES_HINT =
  'in notes, `{` starts code and `<` a tag: write them as `\\{`, `\\}` and `\\<`, or in a code span; write math as `$…$` or `$$…$$`, where braces are TeX';

/** A problem at `line` of `file`. */
function problem(file: string, line: number, what: string): Problem {
  return { severity: 'error', file, line, field: 'notes', reason: `${what}; ${NOTES_HINT}` };
}

/**
 * The problem MDX's compile error `error` describes. MDX's messages start `<line>:<column>:`
 * counted in the text it compiled, whose first line is line `firstLine` of `file`; without a
 * position, the problem is put at `firstLine`.
 */
export function compileProblem(error: unknown, file: string, firstLine: number): Problem {
  const message = error instanceof Error ? error.message : String(error);
  const match = /^(\d+):\d+(?:-\d+:\d+)?: ([\s\S]*)$/.exec(message);
  const line = match ? firstLine + Number(match[1]) - 1 : firstLine;
  const reason = (match?.[2] ?? message)
    .replace(/ \((?:mdx|mdxjs|micromark)[\w-]*:[\w-]+\)$/, '')
    .replace(/ with oxc/g, '')
    .replace(/\s*\n\s*/g, ' ');
  return problem(file, line, `not valid MDX: ${reason}`);
}

/** An expression (`{…}`) that names what the note never defines. */
export const undefinedName = (file: string, line: number, expression: string, name: string): Problem =>
  problem(file, line, `${quote(`{${expression}}`)} is read as code, and \`${name}\` is not defined`);

/** An expression that names nothing, which would show its value (`{0,1}` shows 1), not what was typed. */
export const valueOnly = (file: string, line: number, expression: string): Problem =>
  problem(file, line, `${quote(`{${expression}}`)} is read as code and would show its value, not these characters`);

/** A component tag the note does not import. */
export const undefinedComponent = (file: string, line: number, name: string): Problem =>
  problem(file, line, `\`<${name}>\` is a component the notes do not import`);

/** The notes of a build have problems: thrown with all of them, its message one line each. */
export class NotesError extends Error {
  override readonly name = 'NotesError';
  /** Every problem, sorted as the caller gave them. */
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.problems = problems;
  }
}
