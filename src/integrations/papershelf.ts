/**
 * The Astro integration: after Astro has written the pages, index them for search with
 * Pagefind, then check the HTML for markup our templates did not produce.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { indexSite } from './index-site.ts';

/** Papershelf's build steps around Astro. */
export function papershelf(): AstroIntegration {
  return {
    name: 'papershelf',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const indexed = await indexSite(outDir);
        logger.info(`search index: ${indexed.pages} paper pages`);
      },
    },
  };
}
