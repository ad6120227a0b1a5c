/**
 * Pagefind ships `pagefind.js` without white space but with every name spelled out. Every
 * reader's first search fetches it, and esbuild's minifier makes it markedly smaller, gzipped
 * too, without changing what it does (docs/benchmarks.md).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { transform } from 'esbuild';

/** `source` (Pagefind's `pagefind.js`, an ES module) minified. */
export async function minifyEngineScript(source: string): Promise<string> {
  const result = await transform(source, { minify: true, format: 'esm', target: 'es2022', logLevel: 'silent' });
  return result.code;
}

/** I/O: minifies the `pagefind.js` at `path` in place. */
export async function minifyEngineScriptFile(path: string): Promise<void> {
  await writeFile(path, await minifyEngineScript(await readFile(path, 'utf8')));
}
