/**
 * The Astro integration: after Astro has written the pages, check the HTML for markup our
 * templates did not produce, index the pages for search with Pagefind, and write what
 * reading offline needs (service worker, web app manifest, the list of files to save).
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { timed } from '../build/stage-clock.ts';
import { ORCHESTRATED_ENV } from '../build/render/render-plan.ts';
import { guardHtml } from '../build/guard/guard-html.ts';
import { indexSite } from '../build/search/index-site.ts';
import { writeOfflineFiles } from '../build/offline/write-offline-files.ts';

/** Papershelf's build steps around Astro. */
export function papershelf(): AstroIntegration {
  let base = '/';
  return {
    name: 'papershelf',
    hooks: {
      // The markup guard accepts only module scripts loaded from `_astro/`: Astro must never
      // inline a small one (a page's few lines of script) into the HTML.
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { build: { assetsInlineLimit: (file: string) => (file.endsWith('.js') ? false : undefined) } } });
      },
      'astro:config:done': ({ config }) => {
        base = config.base.replace(/\/?$/, '/');
      },
      'astro:build:done': async ({ dir, logger }) => {
        // `papershelf build` renders in shards and runs these steps itself, once, over the whole archive.
        if (process.env[ORCHESTRATED_ENV]) return;
        const outDir = fileURLToPath(dir);
        const checked = await timed('guard', () => guardHtml(outDir, base));
        logger.info(`markup guard: ${checked.pages} pages checked, no foreign markup`);
        const indexed = await timed('index', () => indexSite(outDir));
        logger.info(`search index: ${indexed.pages} paper pages`);
        const offline = await timed('offline', () => writeOfflineFiles(outDir, base));
        logger.info(`offline: build ${offline.version}, ${offline.files} files, ${(offline.bytes / 2 ** 20).toFixed(1)} MB to save`);
      },
    },
  };
}
