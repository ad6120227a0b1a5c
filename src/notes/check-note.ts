/**
 * Checks a paper's notes before a build renders them, with the compiler that will (notes-processor.ts):
 * MDX that does not compile (an unclosed `<div`, a `{` never closed), and code that compiles
 * but would fail or mislead on the page — `{low}` (a name the note never defines), `{0,1}` (shows
 * 1), `<Chart />` never imported. Comments (`{/* … *\/}`), a lone string (`{'{'}`) and code using
 * the front matter (`{frontmatter.title}`) or what the note imports are fine. Expressions in a
 * tag's attributes are not looked at: writing a tag's attributes is writing code on purpose.
 */
import { pathToFileURL } from 'node:url';
import type { HastPluginDefinition, PluginFactoryContext } from 'satteri';
import type { Program } from 'estree-jsx';
import type { Problem } from '../messages/errors.ts';
import { declaredNames, freeNames, isOnlyLiterals } from './free-names.ts';
import { notesProcessor } from './notes-processor.ts';
import { compileProblem, NotesError, undefinedComponent, undefinedName, valueOnly } from './note-problems.ts';

/** A paper file's notes, and where they start in it. */
export interface NoteSource {
  /** The paper file, as it is to be named in problems. */
  readonly file: string;
  /** The notes: the file's text after its front matter. */
  readonly notes: string;
  /** 1-based line of the file the notes start on. */
  readonly notesLine: number;
}

/** What the compile saw of one note's code. */
interface NoteCode {
  readonly declared: Set<string>;
  readonly expressions: { readonly line: number; readonly value: string; readonly program: Program | null }[];
  readonly components: { readonly line: number; readonly name: string }[];
}

/** Names every note may use: the entry's front matter, the props MDX gets, the language's own. */
const KNOWN = new Set([
  'frontmatter',
  'props',
  'Fragment',
  'Math',
  'JSON',
  'Date',
  'Number',
  'String',
  'Boolean',
  'Array',
  'Object',
  'Intl',
  'undefined',
  'NaN',
  'Infinity',
]);

/** What each compile in flight saw, by the URL of its file. */
const seen = new Map<string, NoteCode>();

/** Records a note's code as the compile meets it. Needs positions, so it asks for them. */
function recordCode(context: PluginFactoryContext): HastPluginDefinition {
  const code: NoteCode = { declared: new Set(), expressions: [], components: [] };
  if (context.fileURL) seen.set(context.fileURL.href, code);
  const line = (node: { position?: { start: { line: number } } | undefined }) => node.position?.start.line ?? 1;
  const component = (node: { name: string | null; position?: { start: { line: number } } | undefined }) => {
    if (node.name && /^[A-Z]|\./.test(node.name)) code.components.push({ line: line(node), name: node.name });
  };
  return {
    name: 'papershelf-notes-check',
    options: { position: true },
    mdxjsEsm(node) {
      const program = node.parseExpression();
      if (program) for (const name of declaredNames(program)) code.declared.add(name);
    },
    mdxTextExpression(node) {
      code.expressions.push({ line: line(node), value: node.value, program: node.parseExpression() });
    },
    mdxFlowExpression(node) {
      code.expressions.push({ line: line(node), value: node.value, program: node.parseExpression() });
    },
    mdxJsxFlowElement: { filter: [], visit: component },
    mdxJsxTextElement: { filter: [], visit: component },
  };
}

/** A compiler for checks: no syntax highlighting, which a check does not need. */
const renderer = notesProcessor({ hastPlugins: [recordCode] }).createMdxRenderer!({ syntaxHighlight: false }, { optimize: false });

/** True for `{'…'}` and `` {`…`} ``: the way to write text MDX would read as code. */
function isLoneString(program: Program): boolean {
  const [statement, ...rest] = program.body;
  if (rest.length > 0 || statement?.type !== 'ExpressionStatement') return false;
  const { expression } = statement;
  return (
    (expression.type === 'Literal' && typeof expression.value === 'string') ||
    (expression.type === 'TemplateLiteral' && expression.expressions.length === 0)
  );
}

/** The problems of one note's code. */
function codeProblems(file: string, code: NoteCode): Problem[] {
  const defined = (name: string) => KNOWN.has(name) || code.declared.has(name);
  const problems: Problem[] = [];
  for (const { line, value, program } of code.expressions) {
    // A comment or nothing: no program.
    if (program === null || isLoneString(program)) continue;
    const names = freeNames(program);
    const missing = names.find((name) => !defined(name));
    if (missing !== undefined) problems.push(undefinedName(file, line, value, missing));
    else if (isOnlyLiterals(program)) problems.push(valueOnly(file, line, value));
  }
  for (const { line, name } of code.components) {
    if (!defined(name.split('.')[0]!)) problems.push(undefinedComponent(file, line, name));
  }
  return problems;
}

/** The problems of one paper file's notes, in line order; none when they compile and make sense. */
export async function checkNote({ file, notes, notesLine }: NoteSource): Promise<Problem[]> {
  // Blank lines in place of the front matter, as Astro compiles it: MDX's lines are the file's.
  const content = '\n'.repeat(notesLine - 1) + notes;
  const url = pathToFileURL(file).href;
  try {
    await (await renderer).process(content, file, {});
    const code = seen.get(url);
    return code ? codeProblems(file, code) : [];
  } catch (error) {
    return [error instanceof NotesError ? error.problems[0]! : compileProblem(error, file, 1)];
  } finally {
    seen.delete(url);
  }
}
