/**
 * The import graph of the project's sources, for the tests that hold its shape: every module
 * under `src/` (TypeScript, JavaScript and the script parts of `.astro` files) with the project
 * modules it imports — statically, as types, or dynamically — and the outside modules it names.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = join(import.meta.dirname, '..', '..');
const SOURCE = /\.(ts|mjs|js|astro)$/;

/** One module: its path (relative to the project, `/`-separated), its code and what it imports. */
export interface ModuleNode {
  readonly path: string;
  /** The module's code: for an `.astro` file, its front matter and scripts. */
  readonly code: string;
  /** Project modules it imports, by path. */
  readonly imports: readonly string[];
  /** Everything else it imports (`node:fs`, `astro:content`, packages). */
  readonly external: readonly string[];
}

/** Every source file under `dir`. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && SOURCE.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The script parts of an `.astro` file: its front matter and its `<script>` elements. */
function astroCode(text: string): string {
  const frontMatter = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
  const scripts = [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]);
  return [frontMatter, ...scripts].join('\n');
}

/** The graph of every module under `src/`, by path. */
export function importGraph(): Map<string, ModuleNode> {
  const graph = new Map<string, ModuleNode>();
  for (const file of sourceFiles(join(ROOT, 'src'))) {
    const text = readFileSync(file, 'utf8');
    const code = file.endsWith('.astro') ? astroCode(text) : text;
    const found = ts.preProcessFile(code, true, true).importedFiles.map((reference) => reference.fileName);
    const imports: string[] = [];
    const external: string[] = [];
    for (const specifier of found) {
      if (specifier.startsWith('.'))
        imports.push(
          relative(ROOT, resolve(dirname(file), specifier))
            .split('\\')
            .join('/'),
        );
      else external.push(specifier);
    }
    const path = relative(ROOT, file).split('\\').join('/');
    graph.set(path, { path, code, imports, external });
  }
  return graph;
}

/** The cycles of `graph`: each as the list of modules around it, the first repeated at the end. */
export function importCycles(graph: ReadonlyMap<string, ModuleNode>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (path: string) => {
    state.set(path, 'open');
    stack.push(path);
    for (const next of graph.get(path)?.imports ?? []) {
      if (!graph.has(next)) continue;
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(path, 'done');
  };
  for (const path of [...graph.keys()].sort()) if (!state.has(path)) visit(path);
  return cycles;
}

/** The code of a module without its comments, for tests that look for what it does. */
export function withoutComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}
