/**
 * Reads and validates the taxonomy file. Every problem is reported at once, each as
 * `<file>:<line>: <field>: <reason>` with the line of the offending YAML node, so a user can
 * fix them all in one pass.
 */
import { readFile } from 'node:fs/promises';
import { isMap, isNode, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { taxonomyFileSchema, type Taxonomy } from '../../schema/taxonomy.ts';
import { displayPath, formatProblem, quote, sortProblems, UserError, type Problem } from '../../messages/errors.ts';

type Path = readonly PropertyKey[];

const HINT = 'Hint: fix the lines above and build again; the comment at the top of the taxonomy file describes every field.';

/** `taxonomies[0].terms[3].parent` for the path `['taxonomies', 0, 'terms', 3, 'parent']`. */
function fieldName(path: Path): string {
  let name = '';
  for (const key of path) {
    if (typeof key === 'number') name += `[${key}]`;
    else name += name === '' ? String(key) : `.${String(key)}`;
  }
  return name === '' ? 'file' : name;
}

/** Start offset of the deepest YAML node along `path`; for a key the map lacks, the map itself. */
function offsetOf(doc: Document, path: Path, unknownKey?: string): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth) as unknown[], true);
    if (!isNode(node) || !node.range) continue;
    if (depth === path.length && unknownKey !== undefined && isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === unknownKey);
      if (isScalar(pair?.key) && pair.key.range) return pair.key.range[0];
    }
    return node.range[0];
  }
  return 0;
}

/** The reason, quoting the offending scalar when the message does not already show it. */
function withValue(message: string, node: unknown): string {
  if (!isScalar(node) || node.value === null || typeof node.value === 'object') return message;
  const shown = quote(node.value);
  return message.includes(shown) ? message : `${message}, found ${shown}`;
}

/** One problem per YAML syntax error, or per schema issue located through the document's nodes. */
function check(file: string, source: string): { problems: Problem[]; taxonomies: Taxonomy[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false });
  const lineAt = (offset: number): number => lineCounter.linePos(offset).line;
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((error): Problem => ({
      severity: 'error',
      file,
      line: lineAt(error.pos[0]),
      field: 'file',
      reason: `invalid YAML: ${error.message.split('\n')[0] ?? error.code}`,
    }));
    return { problems, taxonomies: [] };
  }
  const parsed = taxonomyFileSchema.safeParse(doc.toJS());
  if (parsed.success) return { problems: [], taxonomies: parsed.data.taxonomies };
  const problems = parsed.error.issues.flatMap((issue): Problem[] => {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
    return keys.map((key) => ({
      severity: 'error',
      file,
      line: lineAt(offsetOf(doc, issue.path, key)),
      field: fieldName(key === undefined ? issue.path : [...issue.path, key]),
      reason:
        key === undefined
          ? withValue(issue.message, doc.getIn(issue.path as unknown[], true))
          : `unknown field \`${key}\` (check its spelling)`,
    }));
  });
  return { problems, taxonomies: [] };
}

/** Reads the YAML taxonomy file at `path`; throws a `UserError` listing every problem as `file:line: field: reason`. */
export async function loadTaxonomies(path: string): Promise<Taxonomy[]> {
  let source: string;
  try {
    source = await readFile(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UserError(
      `Cannot read the taxonomy file ${displayPath(path)}: ${reason}\nHint: create it, or point the build at the right file.`,
    );
  }
  const { problems, taxonomies } = check(path, source);
  if (problems.length > 0) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    const lines = sortProblems(problems).map(formatProblem);
    throw new UserError([`The taxonomy file ${displayPath(path)} has ${count}:`, ...lines, HINT].join('\n'));
  }
  return taxonomies;
}
