/**
 * Checking notes before a build: one line per problem, `<paper file>:<line>: notes: <reason>`,
 * with the line counted in the paper file as its author counts it, and a hint on braces and math.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkNote } from '../../src/notes/check-note.ts';
import { assertNotesCompile, checkNotes } from '../../src/notes/check-notes.ts';
import { NotesError } from '../../src/notes/note-problems.ts';
import { paperToMdx } from '../../src/ingest/emit/paper-to-mdx.ts';
import { formatProblem, type Problem } from '../../src/messages/errors.ts';
import { makePaper } from '../support/make-paper.ts';
import { tempDir } from '../support/temp-dir.ts';

const papers = tempDir('papershelf-notes-');

/** Writes the paper file `<slug>.mdx` as ingest does, with `notes` below its front matter; returns its text. */
function writePaper(slug: string, notes: string): string {
  const text = paperToMdx(makePaper(slug, '2025-03-19'), notes, 'content/sources/papers.jsonl:1');
  writeFileSync(join(papers, `${slug}.mdx`), text);
  return text;
}

/** The problems as printed, with the folder named as users know it. */
const printed = (problems: readonly Problem[]) =>
  problems.map((problem) => formatProblem({ ...problem, file: `content/papers/${basename(problem.file)}` }));

/** The 1-based line of `file`'s text holding `needle`, counted as an editor counts. */
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('checkNotes', () => {
  it('names the paper file and the line of a brace MDX reads as code, with a hint', async () => {
    const text = writePaper('low', '\nWe keep the {low} and {high} ends.\n');
    const problems = await checkNotes(papers, ['low']);
    expect(problems.map((problem) => problem.line)).toEqual([lineOf(text, '{low}'), lineOf(text, '{low}')]);
    expect(printed(problems)).toMatchInlineSnapshot(`
      [
        "content/papers/low.mdx:21: notes: \`{high}\` is read as code, and \`high\` is not defined; in notes, \`{\` starts code and \`<\` a tag: write them as \`\\{\`, \`\\}\` and \`\\<\`, or in a code span; write math as \`$…$\` or \`$$…$$\`, where braces are TeX",
        "content/papers/low.mdx:21: notes: \`{low}\` is read as code, and \`low\` is not defined; in notes, \`{\` starts code and \`<\` a tag: write them as \`\\{\`, \`\\}\` and \`\\<\`, or in a code span; write math as \`$…$\` or \`$$…$$\`, where braces are TeX",
      ]
    `);
  });

  it('turns MDX syntax errors into one line at the right line of the file', async () => {
    const text = writePaper('unclosed', '\nA first paragraph.\n\nThen <div\n\nand more.\n');
    const braces = writePaper('braces', '\nA set {a: 1} here.\n');
    const problems = await checkNotes(papers, ['unclosed', 'braces']);
    expect(problems.map((problem) => [basename(problem.file), problem.line])).toEqual([
      ['braces.mdx', lineOf(braces, '{a: 1}')],
      ['unclosed.mdx', lineOf(text, '<div')],
    ]);
    expect(printed(problems).map((line) => line.replace(/; in notes, .*$/, '; …'))).toMatchInlineSnapshot(`
      [
        "content/papers/braces.mdx:21: notes: not valid MDX: Could not parse expression: Expected \`,\` or \`)\` but found \`:\`; …",
        "content/papers/unclosed.mdx:23: notes: not valid MDX: Unexpected character after \`<\`, expected a valid JSX tag (note: to create a link in MDX, use \`[text](url)\`); …",
      ]
    `);
    for (const line of printed(problems)) expect(line.split('\n')).toHaveLength(1);
  });

  it('accepts math with braces, escaped braces, code spans, comments and strings', async () => {
    writePaper(
      'fine',
      [
        '',
        'Costs $5 and $10; uses $\\frac{a}{b}$, \\(x^{2}\\) and',
        '',
        '$$',
        '\\sum_{i=1}^{n} i',
        '$$',
        '',
        'A set \\{a, b\\}, `{code}`, {/* a comment */}, {"{"} and {frontmatter.title}.',
        '',
      ].join('\n'),
    );
    expect(await checkNotes(papers, ['fine'])).toEqual([]);
  });

  it('refuses code that names nothing, or a component the notes never import', async () => {
    const file = join(papers, 'code.mdx');
    const check = (notes: string) =>
      checkNote({ file, notes, notesLine: 1 }).then((problems) => problems.map((problem) => problem.reason.replace(/; in notes, .*$/, '')));
    expect(await check('Pairs {0,1} here.')).toEqual(['`{0,1}` is read as code and would show its value, not these characters']);
    expect(await check('<Chart data="x" />')).toEqual(['`<Chart>` is a component the notes do not import']);
    expect(await check('import Chart from "./chart.astro"\n\n<Chart /> and {Chart.name} and {[1, 2].map((n) => n + 1)}')).toEqual([]);
  });

  it('reads only the papers it is given, and throws every problem as one NotesError', async () => {
    writePaper('also-bad', '\n{oops}\n');
    expect(await checkNotes(papers, ['fine'])).toEqual([]);
    const thrown = await assertNotesCompile(papers, ['also-bad', 'fine', 'low']).then(
      () => null,
      (error: unknown) => error,
    );
    expect(thrown).toBeInstanceOf(NotesError);
    const error = thrown as NotesError;
    expect(error.problems.map((problem) => basename(problem.file))).toEqual(['also-bad.mdx', 'low.mdx', 'low.mdx']);
    expect(error.message.split('\n')).toHaveLength(3);
    expect(readFileSync(join(papers, 'fine.mdx'), 'utf8')).toContain('$\\frac{a}{b}$');
  });
});
