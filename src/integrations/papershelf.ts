/**
 * The Astro integration. In an Astro process a build started (src/build/render/), it keeps
 * scripts out of the HTML and nothing more. In a plain `astro build`, it hands the build to
 * Papershelf's own (src/build/build.ts), so both commands make the same archive, byte for byte:
 * this Astro run renders nothing (an empty source folder, its output in a private folder) and,
 * once it is done, the build runs with the user's settings into Astro's output folder. In
 * `astro dev`, it serves the data files, which have no routes, and the search bundles
 * (src/integrations/serve-search.ts), and renders again when the content folder changes.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { sync, type AstroIntegration } from 'astro';
import { build } from '../build/build.ts';
import { renderJob } from '../build/render/astro-boundary.ts';
import { buildLine, summarize, summaryLine } from '../cli/report.ts';
import { formatProblem } from '../messages/errors.ts';
import { messageLine } from '../messages/message.ts';
import { NothingBuiltByAstro, NothingBuiltNotes } from '../messages/messages.ts';
import { NotesError } from '../notes/note-problems.ts';
import { PROJECT_ROOT } from '../settings/project-paths.ts';
import { loadSettings, type Settings } from '../settings/settings.ts';
import { dataFileAt } from './serve-data-files.ts';
import { serveSearch } from './serve-search.ts';
import { watchContent } from './watch-content.ts';
import type { DevSearchIndex } from '../build/search/dev-search-index.ts';

/** Where a plain `astro build` renders its empty run: the project's cache, never the user's folders. */
const HANDED_OVER = join(PROJECT_ROOT, 'node_modules', '.cache', 'papershelf', 'astro-build');

/** Papershelf's part in Astro's commands. */
export function papershelf(): AstroIntegration {
  /** Set in a plain `astro build`: where the archive goes, and the project's root. */
  let handedOver: { readonly out: string; readonly root: string } | undefined;
  let settings: Settings | undefined;
  /** Set in `astro dev`: the search index it keeps. */
  let search: DevSearchIndex | undefined;
  return {
    name: 'papershelf',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        // The markup guard accepts only module scripts loaded from `_astro/`: Astro must never
        // inline a small one (a page's few lines of script) into the HTML.
        updateConfig({ vite: { build: { assetsInlineLimit: (file: string) => (file.endsWith('.js') ? false : undefined) } } });
        if (command !== 'build' || renderJob()) return;
        handedOver = { out: fileURLToPath(config.outDir), root: fileURLToPath(config.root) };
        mkdirSync(join(HANDED_OVER, 'src', 'pages'), { recursive: true });
        updateConfig({
          srcDir: pathToFileURL(join(HANDED_OVER, 'src') + '/'),
          publicDir: pathToFileURL(join(HANDED_OVER, 'public') + '/'),
          outDir: pathToFileURL(join(HANDED_OVER, 'out') + '/'),
        });
      },
      'astro:config:done': async ({ config }) => {
        // Astro's own flags (`--site`, `--base`) win, as they would for its pages.
        settings = await loadSettings({ site: config.site?.replace(/\/$/, ''), base: config.base.replace(/\/?$/, '/') });
      },
      'astro:server:setup': ({ server, logger, refreshContent }) => {
        if (settings) {
          search = serveSearch(server, settings, logger);
          watchContent(server, settings.content, { search, refreshContent, logger });
        }
        server.middlewares.use((request, response, next) => {
          if (!settings || !request.url) return next();
          // The address as asked: Astro's own middleware may have taken the base off `url` already.
          dataFileAt(new URL(request.originalUrl ?? request.url, settings.site).pathname, settings.content, settings).then((file) => {
            if (!file) return next();
            response.setHeader('Content-Type', file.type);
            response.end(file.text);
          }, next);
        });
      },
      'astro:server:done': async () => {
        await search?.close();
      },
      'astro:build:done': async ({ logger }) => {
        if (!handedOver || !settings) return;
        const { out, root } = handedOver;
        try {
          const run = await build({ settings, sources: [], read: {}, out });
          for (const problem of run.collected.problems) logger.warn(formatProblem(problem));
          if (!run.built) throw new Error(messageLine(NothingBuiltByAstro, out));
          logger.info(buildLine(out, run.built));
          logger.info(summaryLine(summarize(run.collected, run.written)));
        } catch (error) {
          if (!(error instanceof NotesError)) throw error;
          for (const problem of error.problems) logger.error(formatProblem(problem));
          throw new Error(messageLine(NothingBuiltNotes, out));
        } finally {
          // Astro's empty run left the project's generated types (`.astro/`) describing no
          // collection: written again from the real source folder, as `astro sync` does. What
          // stopped the build, if anything, is what the user needs to hear, not this.
          await sync({ root, logLevel: 'silent' }).catch(() => {});
        }
      },
    },
  };
}
