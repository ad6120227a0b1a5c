/**
 * The settings of a run, read once — from the command line, else the environment, else the
 * defaults — checked, and passed to every step that needs them. This module and the Astro
 * process boundary (src/build/render/astro-boundary.ts) are the only ones that read the
 * environment's `PAPERSHELF_*` names.
 */
import { userError } from '../messages/message.ts';
import { BundleSizeNotANumber } from '../messages/messages.ts';
import { SEARCH_BUNDLE_SIZE } from '../build/search/search-bundles.ts';
import { PROJECT_CONTENT } from './project-paths.ts';
import { DEFAULT_SITE, parseBase, parseSite } from './site-settings.ts';

/** What every step of a run may need to know. */
export interface Settings {
  /** The public origin, `https://example.org`: canonical addresses, feeds, sitemaps. `PAPERSHELF_SITE`; default `http://localhost:4321`. */
  readonly site: string;
  /** The path the archive is served under, `/` or `/papershelf/`. `PAPERSHELF_BASE`; default `/`. */
  readonly base: string;
  /** The content folder that `ingest` maintains and a build without sources reads. `PAPERSHELF_CONTENT_DIR`; default the project's `content/`. */
  readonly content: string;
  /** Papers per search bundle (tests use a few to get several). `PAPERSHELF_SEARCH_BUNDLE_SIZE`; default 20,000. */
  readonly searchBundleSize: number;
  /** Print Astro's own progress. `--verbose`; default false. */
  readonly verbose: boolean;
}

/** What the command line may say about the settings; anything it leaves out comes from the environment. */
export interface SettingFlags {
  readonly site?: string | undefined;
  readonly base?: string | undefined;
  readonly verbose?: boolean | undefined;
}

/** A whole number of papers per search bundle, from `from`. */
function parseBundleSize(value: string, from: string): number {
  const size = Number(value);
  if (Number.isInteger(size) && size >= 1) return size;
  throw userError(BundleSizeNotANumber, from, value);
}

/** The settings of this run: `flags` first, then `env`, then the defaults; each checked. */
export function readSettings(flags: SettingFlags = {}, env: NodeJS.ProcessEnv = process.env): Settings {
  const fromEnv = (name: string) => (env[name] ? env[name] : undefined);
  const site = flags.site ?? fromEnv('PAPERSHELF_SITE');
  const base = flags.base ?? fromEnv('PAPERSHELF_BASE');
  const bundleSize = fromEnv('PAPERSHELF_SEARCH_BUNDLE_SIZE');
  return {
    site: site === undefined ? DEFAULT_SITE : parseSite(site, flags.site !== undefined ? '--site' : 'PAPERSHELF_SITE'),
    base: base === undefined ? '/' : parseBase(base, flags.base !== undefined ? '--base' : 'PAPERSHELF_BASE'),
    content: fromEnv('PAPERSHELF_CONTENT_DIR') ?? PROJECT_CONTENT,
    searchBundleSize: bundleSize === undefined ? SEARCH_BUNDLE_SIZE : parseBundleSize(bundleSize, 'PAPERSHELF_SEARCH_BUNDLE_SIZE'),
    verbose: flags.verbose ?? false,
  };
}
