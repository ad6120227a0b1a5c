/**
 * The settings of a run, read once — from the command line, else the environment, else the
 * archive's config file (`papershelf.config.mjs`), else the defaults — checked, and passed to
 * every step that needs them. This module and the Astro process boundary
 * (src/build/render/astro-boundary.ts) are the only ones that read the environment's
 * `PAPERSHELF_*` names.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { userError } from '../messages/message.ts';
import { BundleSizeNotANumber, ConfigFileMissing } from '../messages/messages.ts';
import { SEARCH_BUNDLE_SIZE } from '../build/search/search-bundles.ts';
import { DEFAULT_FETCH_SETTINGS, type FetchSettings } from '../fetch/fetch-settings.ts';
import { DEFAULT_ACCENT, DEFAULT_DESCRIPTION, DEFAULT_TITLE, SHOW_ALL, type HeadElement, type ShowSettings } from './config-schema.ts';
import { CONFIG_FILE, loadConfig, type LoadedConfig } from './load-config.ts';
import { PROJECT_ROOT, TAXONOMY_FILE } from './project-paths.ts';
import { DEFAULT_SITE, parseBase, parseSite } from './site-settings.ts';

/** What every step of a run may need to know. */
export interface Settings {
  /** The archive root: the folder of the config file, or the current folder without one. */
  readonly root: string;
  /** The public origin, `https://example.org`: canonical addresses, feeds, sitemaps. `--site`, `PAPERSHELF_SITE`, config `site`; default `http://localhost:4321`. */
  readonly site: string;
  /** The path the archive is served under, `/` or `/papershelf/`. `--base`, `PAPERSHELF_BASE`, config `base`; default `/`. */
  readonly base: string;
  /** The content folder that `ingest` maintains and a build without sources reads. `PAPERSHELF_CONTENT_DIR`, config `content`; default `<root>/content`. */
  readonly content: string;
  /** The taxonomy file. Config `taxonomies`; default `taxonomies.yaml` in the content folder. */
  readonly taxonomies: string;
  /** Papers per search bundle (tests use a few to get several). `PAPERSHELF_SEARCH_BUNDLE_SIZE`; default 20,000. */
  readonly searchBundleSize: number;
  /** Print Astro's own progress. `--verbose`; default false. */
  readonly verbose: boolean;
  /** The archive's name. Config `title`; default `Papershelf`. */
  readonly title: string;
  /** What the archive is, in one line. Config `description`. */
  readonly description: string;
  /** Links and highlights. Config `accentColor`; default `#1d5fc9`. */
  readonly accentColor: string;
  /** The browser's colour for the archive. Config `themeColor`; default the accent colour. */
  readonly themeColor: string;
  /** The logo file (absolute), or null for none. Config `logo`. */
  readonly logo: string | null;
  /** The favicon file (absolute), or null for Papershelf's own. Config `favicon`. */
  readonly favicon: string | null;
  /** Extra elements of every page's `<head>`, from the owner. Config `head`; default none. */
  readonly head: readonly HeadElement[];
  /** A line of plain text at the foot of every page, or null. Config `footer`. */
  readonly footer: string | null;
  /** Which optional parts pages show. Config `show`; default all. */
  readonly show: ShowSettings;
  /** What `papershelf fetch` does when its command line does not say. Config `fetch`. */
  readonly fetch: FetchSettings;
}

/** What the command line may say about the settings; anything it leaves out comes from the environment. */
export interface SettingFlags {
  readonly site?: string | undefined;
  readonly base?: string | undefined;
  readonly verbose?: boolean | undefined;
}

/** No config file, at the project's own root: what a run without one reads. */
export const NO_CONFIG: LoadedConfig = { root: PROJECT_ROOT, file: null, config: {} };

/** A whole number of papers per search bundle, from `from`. */
function parseBundleSize(value: string, from: string): number {
  const size = Number(value);
  if (Number.isInteger(size) && size >= 1) return size;
  throw userError(BundleSizeNotANumber, from, value);
}

/**
 * The settings of this run: `flags` first, then `env`, then the config file `loaded`, then the
 * defaults; each checked. Pure but for checking that the files the config names exist.
 */
export function readSettings(flags: SettingFlags = {}, env: NodeJS.ProcessEnv = process.env, loaded: LoadedConfig = NO_CONFIG): Settings {
  const { root, config } = loaded;
  const file = loaded.file === null ? CONFIG_FILE : loaded.file;
  const fromEnv = (name: string) => (env[name] ? env[name] : undefined);
  /** The first of the flag, the variable and the config key that says, with where it came from. */
  const first = (flag: string | undefined, name: string, key: 'site' | 'base') =>
    flag !== undefined
      ? { value: flag, from: `--${key}` }
      : fromEnv(name) !== undefined
        ? { value: fromEnv(name)!, from: name }
        : config[key] !== undefined
          ? { value: config[key], from: `${file}: ${key}` }
          : undefined;
  /** A file the config names, resolved against the root; it must exist. */
  const configFile = (key: 'logo' | 'favicon' | 'taxonomies'): string | null => {
    const path = config[key];
    if (path === undefined) return null;
    const absolute = resolve(root, path);
    if (!existsSync(absolute)) throw userError(ConfigFileMissing, file, key, path);
    return absolute;
  };
  const site = first(flags.site, 'PAPERSHELF_SITE', 'site');
  const base = first(flags.base, 'PAPERSHELF_BASE', 'base');
  const bundleSize = fromEnv('PAPERSHELF_SEARCH_BUNDLE_SIZE');
  const content =
    fromEnv('PAPERSHELF_CONTENT_DIR') ?? (config.content === undefined ? join(root, 'content') : resolve(root, config.content));
  const accentColor = config.accentColor ?? DEFAULT_ACCENT;
  return {
    root,
    site: site === undefined ? DEFAULT_SITE : parseSite(site.value, site.from),
    base: base === undefined ? '/' : parseBase(base.value, base.from),
    content: isAbsolute(content) ? content : resolve(content),
    taxonomies: configFile('taxonomies') ?? join(content, TAXONOMY_FILE),
    searchBundleSize: bundleSize === undefined ? SEARCH_BUNDLE_SIZE : parseBundleSize(bundleSize, 'PAPERSHELF_SEARCH_BUNDLE_SIZE'),
    verbose: flags.verbose ?? false,
    title: config.title ?? DEFAULT_TITLE,
    description: config.description ?? DEFAULT_DESCRIPTION,
    accentColor,
    themeColor: config.themeColor ?? accentColor,
    logo: configFile('logo'),
    favicon: configFile('favicon'),
    head: config.head ?? [],
    footer: config.footer ?? null,
    show: { ...SHOW_ALL, ...config.show },
    fetch: {
      hf: { days: config.fetch?.hf?.days ?? DEFAULT_FETCH_SETTINGS.hf.days },
      arxiv: {
        queries: config.fetch?.arxiv?.queries ?? DEFAULT_FETCH_SETTINGS.arxiv.queries,
        max: config.fetch?.arxiv?.max ?? DEFAULT_FETCH_SETTINGS.arxiv.max,
      },
    },
  };
}

/** The settings of this run, with the config file of the archive `cwd` is in (src/settings/load-config.ts). */
export async function loadSettings(flags: SettingFlags = {}, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Promise<Settings> {
  return readSettings(flags, env, await loadConfig(cwd));
}
