/**
 * The search UI as one classic script, for pages opened from `file://`, where the module
 * Astro builds cannot load. Built from the same source as the hosted search
 * (`startSearch`), with the portable Pagefind loader passed in.
 */
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const ENTRY = new URL('./runtime/search-entry.ts', import.meta.url);

/**
 * `startSearch` defaults to the hosted loader, which `import()`s Pagefind's module and cannot
 * run from disk. The portable entry always passes its own loader, so the hosted one is
 * replaced by a stub and the script holds no module import at all.
 */
const withoutHostedLoader: Plugin = {
  name: 'papershelf-without-hosted-loader',
  setup(build) {
    build.onLoad({ filter: /[\\/]scripts[\\/]search[\\/]pagefind-client\.ts$/ }, () => ({
      contents: 'export function loadPagefind() { return Promise.reject(new Error("the hosted search loader does not run from disk")); }',
      loader: 'js',
    }));
  },
};

/** `runtime/search-entry.ts` as one classic (IIFE) script. */
export async function bundlePortableSearch(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(ENTRY)],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
    plugins: [withoutHostedLoader],
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild wrote no portable search bundle');
  return output.text;
}
