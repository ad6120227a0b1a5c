/**
 * Pagefind ships `pagefind.js` as an ES module, which a page opened from `file://` cannot
 * import. esbuild rewrites it as a classic script that puts Pagefind's exports on a global.
 * Pagefind finds its own folder from `import.meta.url` and accepts only a URL ending in
 * `pagefind.js`, so that is what the classic script tells it, from its own address.
 */
import { transform } from 'esbuild';
import { PAGEFIND_GLOBAL } from './portable-names.ts';

const MODULE_URL = '__papershelfPagefindUrl';

/** The classic-script form of Pagefind's `pagefind.js` source. */
export async function classicPagefind(source: string): Promise<string> {
  const result = await transform(source, {
    format: 'iife',
    globalName: PAGEFIND_GLOBAL,
    define: { 'import.meta.url': MODULE_URL },
    banner: `var ${MODULE_URL} = new URL("pagefind.js", document.currentScript.src).href;`,
    target: 'es2022',
    logLevel: 'silent',
  });
  return result.code;
}
