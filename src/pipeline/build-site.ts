/**
 * `papershelf build <source…> --out <dir>`: a complete archive of exactly these sources,
 * search included, built in private folders and moved into `<dir>` only when every step has
 * succeeded. The project's own `content/` is never touched, and a failed build leaves `<dir>`
 * exactly as it was. With `portable` (or `zip`) the archive is also made to work opened from
 * disk (src/portable/), and `zip` writes it as one zip file, both before anything is moved.
 */
import { copyFile, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { build } from 'astro';
import { CONTENT_DIR_ENV } from '../lib/content-dir.ts';
import { makePortable } from '../portable/make-portable.ts';
import { writeZip } from '../portable/write-zip.ts';
import { ingestSources, type IngestOptions, type IngestResult } from './ingest-sources.ts';
import { PROJECT_CONTENT, PROJECT_ROOT, TAXONOMY_FILE } from './project-paths.ts';
import { timed } from './stage-clock.ts';
import { exists } from '../fs/exists.ts';

/** Options for a build. */
export interface BuildOptions extends Omit<IngestOptions, 'contentDir'> {
  /** The folder the finished archive ends up in; replaced as a whole. May be left out when `zip` is given. */
  readonly out?: string | undefined;
  /** Make the archive work when its `index.html` is opened from disk, with no server. Default false. */
  readonly portable?: boolean | undefined;
  /** Also write the portable archive as this zip file (implies `portable`). */
  readonly zip?: string | undefined;
  /** Print Astro's progress. Default false: only warnings and errors. */
  readonly verbose?: boolean | undefined;
}

/** The base path Astro builds for (astro.config.mjs reads `PAPERSHELF_BASE`), as `/…/`. */
const siteBase = () => `/${(process.env['PAPERSHELF_BASE'] || '/').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');

/** Builds `files` into `options.out`. Returns the ingest result; `written` is null when errors stopped the build. */
export async function buildSite(files: readonly string[], options: BuildOptions): Promise<IngestResult> {
  const out = options.out === undefined ? undefined : resolve(options.out);
  const zip = options.zip === undefined ? undefined : resolve(options.zip);
  const destination = out ?? zip;
  if (destination === undefined) throw new Error('buildSite: give `out`, `zip`, or both');
  // Private work folders: content inside the project (Astro bundles only files under its
  // root), output beside <out> so the final move is a rename on one file system.
  const workRoot = join(PROJECT_ROOT, 'node_modules', '.cache', 'papershelf');
  await mkdir(workRoot, { recursive: true });
  const work = await mkdtemp(join(workRoot, 'build-'));
  await mkdir(dirname(destination), { recursive: true });
  const staging = await mkdtemp(join(dirname(destination), `.${basename(destination)}-building-`));
  const previousEnv = process.env[CONTENT_DIR_ENV];
  try {
    // 1. Sources → paper files in a private content folder.
    const contentDir = join(work, 'content');
    await mkdir(contentDir, { recursive: true });
    const taxonomyFile = options.taxonomyFile ?? join(PROJECT_CONTENT, TAXONOMY_FILE);
    await copyFile(taxonomyFile, join(contentDir, TAXONOMY_FILE));
    const result = await timed('ingest', () => ingestSources(files, { ...options, contentDir }));
    if (!result.written) return result;

    // 2. Astro builds the site (the integration adds the search index) into the staging folder.
    process.env[CONTENT_DIR_ENV] = contentDir;
    await timed('astro', () =>
      build({
        root: PROJECT_ROOT,
        outDir: staging,
        cacheDir: join(work, 'cache'),
        logLevel: options.verbose ? 'info' : 'warn',
      }),
    );

    // 3. For reading from disk: relative links, search through classic scripts; then the zip.
    if (options.portable || zip) await timed('portable', () => makePortable(staging, siteBase()));
    if (zip) {
      await mkdir(dirname(zip), { recursive: true });
      await timed('zip', () => writeZip(staging, zip));
    }

    // 4. Swap the finished archive into place.
    if (out) {
      const old = `${staging}-old`;
      if (await exists(out)) await rename(out, old);
      await rename(staging, out);
      await rm(old, { recursive: true, force: true });
    }
    return result;
  } finally {
    if (previousEnv === undefined) delete process.env[CONTENT_DIR_ENV];
    else process.env[CONTENT_DIR_ENV] = previousEnv;
    await rm(staging, { recursive: true, force: true });
    await rm(work, { recursive: true, force: true });
  }
}
