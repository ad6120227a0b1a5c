/**
 * `astro dev`: the search bundles (`pagefind/…`, `pagefind-2/…`) under the base, which only a
 * build writes. The dev server indexes the content folder itself with the build's code
 * (src/build/search/dev-search-index.ts), again whenever a paper or the taxonomy file changes,
 * so the search page finds papers as it does in a built archive, filters included.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { devSearchIndex, type DevSearchIndex } from '../build/search/dev-search-index.ts';
import type { Settings } from '../settings/settings.ts';
import { contentType } from '../serve/content-types.ts';

/** Astro's dev server (Vite's), as `astro:server:setup` hands it over. */
export type DevServer = Parameters<NonNullable<AstroIntegration['hooks']['astro:server:setup']>>[0]['server'];

/**
 * Starts indexing `settings.content` and answers the search bundles' addresses on `server`;
 * returns the index, to tell of changes and to close when the server stops.
 */
export function serveSearch(server: DevServer, settings: Settings, logger: AstroIntegrationLogger): DevSearchIndex {
  const index = devSearchIndex({
    content: settings.content,
    taxonomies: settings.taxonomies,
    bundleSize: settings.searchBundleSize,
    onIndexed: (papers) => logger.info(`search: indexed ${papers} paper${papers === 1 ? '' : 's'}`),
    onError: (error) =>
      logger.error(`search: indexing failed, the last index stays: ${error instanceof Error ? error.message : String(error)}`),
  });
  server.middlewares.use((request, response, next) => {
    // The address as asked: Astro's own middleware may have taken the base off `url` already.
    const asked = request.originalUrl ?? request.url;
    const pathname = asked ? new URL(asked, 'http://dev').pathname : '';
    if (!pathname.startsWith(settings.base)) return next();
    const path = pathname.slice(settings.base.length);
    Promise.resolve()
      .then(() => index.fileAt(decodeURIComponent(path)))
      .then((bytes) => {
        if (!bytes) return next();
        response.setHeader('Content-Type', contentType(path));
        // Every index is new: a page must never keep the files of the last one.
        response.setHeader('Cache-Control', 'no-store');
        response.end(bytes);
      }, next);
  });
  return index;
}
