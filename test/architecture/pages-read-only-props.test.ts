/**
 * Whatever a page shows must be part of its fingerprint, or an incremental build keeps a stale
 * page. The structure enforces it: routes, components and layouts get their data as props,
 * through a few accessors whose every answer is fingerprinted, and nothing they import at build
 * time reads anything else — no files, no collection, no environment, no network.
 */
import { describe, expect, it } from 'vitest';
import { importGraph, withoutComments, type ModuleNode } from '../support/import-graph.ts';

/** Where pages may get data from, each with why what it gives is in every page's fingerprint. */
const ACCESSORS: Record<string, string> = {
  // Props and site-wide data from the render plan: the props are hashed page by page, the
  // navigation into every page, and the pages without props are rendered on every build.
  'src/site/pages/page-data.ts': 'props',
  // A paper's notes: hashed into its page's fingerprint (src/build/render/page-fingerprints.ts).
  'src/site/archive/notes-entry.ts': 'notes',
  // KaTeX's stylesheet, from the locked package: package-lock.json is in the code version.
  'src/site/math/katex-assets.ts': 'code',
};
/** Code that runs in the reader's browser, not at build time. */
const BROWSER = /^src\/(scripts|portable\/runtime|offline)\//;

/** What a module does that reads data from outside its props, if anything. */
function outsideReads(node: ModuleNode): string[] {
  const code = withoutComments(node.code);
  const reads = node.external.filter((name) => /^(node:)?(fs|fs\/promises|child_process|worker_threads|http|https|net)$/.test(name));
  // Rendering a notes entry the accessor gave is allowed; querying the collection is not.
  if (node.external.includes('astro:content') && !/import \{ render \} from 'astro:content'/.test(code)) reads.push('astro:content');
  for (const [pattern, what] of [
    [/process\.env/, 'process.env'],
    [/import\.meta\.glob/, 'import.meta.glob'],
    [/Astro\.glob/, 'Astro.glob'],
    [/\bfetch\(/, 'fetch'],
    [/\bget(Collection|Entry|Entries)\(/, 'the content collection'],
  ] as const) {
    if (pattern.test(code)) reads.push(what);
  }
  return reads;
}

/** Every module the pages reach at build time, through anything but an accessor, that reads outside its props. */
function readsOutsideProps(graph: ReadonlyMap<string, ModuleNode>, accessors: readonly string[]): string[] {
  const roots = [...graph.keys()].filter((path) => /^src\/(pages|components|layouts)\//.test(path));
  const via = new Map<string, string>(roots.map((path) => [path, path]));
  const queue = [...roots];
  const found: string[] = [];
  for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
    const node = graph.get(path);
    if (!node || accessors.includes(path) || BROWSER.test(path)) continue;
    for (const read of outsideReads(node)) found.push(`${path} (reached from ${via.get(path)}) reads ${read}`);
    for (const next of node.imports) {
      if (via.has(next)) continue;
      via.set(next, via.get(path)!);
      queue.push(next);
    }
  }
  return found;
}

describe('pages, components and layouts', () => {
  const graph = importGraph();

  it('read nothing but their props and what the accessors give, all of it fingerprinted', () => {
    expect(readsOutsideProps(graph, Object.keys(ACCESSORS))).toEqual([]);
  });

  it('are caught when one reads a file, the environment or the collection', () => {
    const node = (path: string, code: string, imports: string[] = [], external: string[] = []): [string, ModuleNode] => [
      path,
      { path, code, imports, external },
    ];
    const sneaky = new Map([
      node('src/pages/index.astro', '', ['src/site/helper.ts']),
      node('src/site/helper.ts', "readFileSync('x')", [], ['node:fs']),
      node('src/components/Stats.astro', 'const n = process.env.N; await getCollection("notes");', [], ['astro:content']),
    ]);
    expect(readsOutsideProps(sneaky, []).sort()).toEqual([
      'src/components/Stats.astro (reached from src/components/Stats.astro) reads astro:content',
      'src/components/Stats.astro (reached from src/components/Stats.astro) reads process.env',
      'src/components/Stats.astro (reached from src/components/Stats.astro) reads the content collection',
      'src/site/helper.ts (reached from src/pages/index.astro) reads node:fs',
    ]);
  });

  it('reach every accessor they are allowed, so the list stays true', () => {
    const imported = new Set(
      [...graph.values()].filter((node) => /^src\/(pages|components|layouts)\//.test(node.path)).flatMap((node) => node.imports),
    );
    for (const accessor of Object.keys(ACCESSORS)) expect(imported.has(accessor), accessor).toBe(true);
  });
});
