/** The shape of the code, held by tests: no import cycles, settings read in one place, small files. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCycles, importGraph, withoutComments } from '../support/import-graph.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const graph = importGraph();

describe('the modules of src/', () => {
  it('are all found, with the project modules they import', () => {
    expect(graph.size).toBeGreaterThan(200);
    const missing = [...graph.values()].flatMap((node) =>
      node.imports.filter((path) => !graph.has(path)).map((path) => `${node.path} → ${path}`),
    );
    // Only non-source files are imported besides modules (styles, JSON, SVG).
    expect(missing.filter((line) => !/\.(css|json|svg)$/.test(line))).toEqual([]);
  });

  it('import one another without cycles, type-only and dynamic imports included', () => {
    expect(importCycles(graph).map((cycle) => cycle.join(' → '))).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    const a = { path: 'a.ts', code: '', imports: ['b.ts'], external: [] };
    const b = { path: 'b.ts', code: '', imports: ['c.ts'], external: [] };
    const c = { path: 'c.ts', code: '', imports: ['a.ts'], external: [] };
    expect(importCycles(new Map([a, b, c].map((node) => [node.path, node])))).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
  });

  it("read the environment's PAPERSHELF_ settings in two modules only: the settings and the Astro boundary", () => {
    const readers = [...graph.values()]
      .filter((node) => {
        const code = withoutComments(node.code);
        // A module that names a PAPERSHELF_ variable and touches an environment reads it.
        return /PAPERSHELF_[A-Z]/.test(code) && /\benv\b/.test(code);
      })
      .map((node) => node.path)
      .sort();
    expect(readers).toEqual(['src/build/render/astro-boundary.ts', 'src/settings/settings.ts']);
    // And nothing else changes the environment of this process.
    const writers = [...graph.values()].filter((node) => /process\.env(\.\w+|\[[^\]]+\])\s*=[^=]/.test(withoutComments(node.code)));
    expect(writers.map((node) => node.path)).toEqual([]);
  });

  it('are no longer than 300 lines each (styles aside)', () => {
    const long = [...graph.keys()]
      .map((path) => ({ path, lines: readFileSync(join(ROOT, path), 'utf8').split('\n').length - 1 }))
      .filter(({ lines }) => lines > 300);
    expect(long).toEqual([]);
  });
});
