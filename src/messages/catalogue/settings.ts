/** What is said of a setting that is refused: the site, the base, the search bundle size (src/settings/). */
import type { Message } from '../message.ts';

// The settings: flags and `PAPERSHELF_*` variables, named by `from` (src/settings/).

/** The hint of a base path that is refused; `suggestion` is the nearest valid one. */
const baseHint = (_from: string, _value: string, suggestion: string) => `the path the archive is served under, e.g. \`${suggestion}\``;

/** A base path (`--base`, `PAPERSHELF_BASE`) that does not start and end with `/`. */
export const BaseNotSlashed = {
  name: 'BaseNotSlashed',
  message: (from: string, value: string) => `${from}: \`${value}\` must start and end with \`/\``,
  hint: baseHint,
} satisfies Message<[from: string, value: string, suggestion: string]>;

/** A base path holding `?`, `#`, `\` or white space. */
export const BaseHasOddCharacter = {
  name: 'BaseHasOddCharacter',
  message: (from: string, value: string) => `${from}: \`${value}\` may not hold \`?\`, \`#\`, \`\\\` or white space`,
  hint: baseHint,
} satisfies Message<[from: string, value: string, suggestion: string]>;

/** A base path holding an empty, `.` or `..` segment. */
export const BaseHasOddSegment = {
  name: 'BaseHasOddSegment',
  message: (from: string, value: string) => `${from}: \`${value}\` may not hold empty, \`.\` or \`..\` segments`,
  hint: baseHint,
} satisfies Message<[from: string, value: string, suggestion: string]>;

/** A site (`--site`, `PAPERSHELF_SITE`) that is not an absolute URL. */
export const SiteNotAbsolute = {
  name: 'SiteNotAbsolute',
  message: (from: string, value: string) => `${from}: \`${value}\` is not an absolute URL`,
  hint: 'give the public origin, e.g. `https://example.org`',
} satisfies Message<[from: string, value: string]>;

/** A site whose scheme is neither `http:` nor `https:`. */
export const SiteNotHttp = {
  name: 'SiteNotHttp',
  message: (from: string, value: string) => `${from}: \`${value}\` is not an http(s) URL`,
  hint: 'give the public origin, e.g. `https://example.org`',
} satisfies Message<[from: string, value: string]>;

/** A site with a user, password, query or fragment; `origin` is the site without them. */
export const SiteNotOrigin = {
  name: 'SiteNotOrigin',
  message: (from: string, value: string) => `${from}: \`${value}\` may hold only scheme, host and port`,
  hint: (_from, _value, origin) => `e.g. \`${origin}\``,
  joiner: ', ',
} satisfies Message<[from: string, value: string, origin: string]>;

/** A site with a path, which belongs in the base: `origin` and `base` are the two halves. */
export const SiteHasPath = {
  name: 'SiteHasPath',
  message: (from: string, value: string) => `${from}: \`${value}\` has a path`,
  hint: (_from, _value, origin, base) => `give the origin as the site and the path as the base: \`${origin}\` and \`${base}\``,
} satisfies Message<[from: string, value: string, origin: string, base: string]>;

/** `PAPERSHELF_SEARCH_BUNDLE_SIZE` is not a whole number of at least 1. */
export const BundleSizeNotANumber = {
  name: 'BundleSizeNotANumber',
  message: (from: string, value: string) => `${from}: \`${value}\` is not a number of papers`,
  hint: 'set it to a whole number such as 20000, or unset it for the default',
} satisfies Message<[from: string, value: string]>;

// The config file, `papershelf.config.mjs` (src/settings/load-config.ts), named by `file`.

/** A key of the config file holds a value of the wrong shape; `expected` describes the shape, with an example. */
export const ConfigValueInvalid = {
  name: 'ConfigValueInvalid',
  message: (file: string, key: string, expected: string) => `${file}: ${key}: expected ${expected}`,
  hint: (_file, _key, _expected, found) => `found ${found}`,
  joiner: ', ',
} satisfies Message<[file: string, key: string, expected: string, found: string]>;

/** A key of the config file that is no setting; `near` is the nearest one, when one is near. */
export const ConfigKeyUnknown = {
  name: 'ConfigKeyUnknown',
  message: (file: string, key: string) => `${file}: ${key}: not a setting`,
  hint: (_file, _key, near?: string) => (near ? `did you mean \`${near}\`?` : 'docs/configuration.md lists the settings'),
} satisfies Message<[file: string, key: string, near?: string]>;

/** The config file could not be imported, or exports no object by default. */
export const ConfigNotLoaded = {
  name: 'ConfigNotLoaded',
  message: (file: string, reason: string) => `${file}: could not be loaded: ${reason}`,
  hint: "it must be an ES module ending in `export default defineConfig({ … })`, with `import { defineConfig } from 'papershelf/config'`",
} satisfies Message<[file: string, reason: string]>;

/** A file the config file names (`logo`, `favicon`, `taxonomies`) does not exist. */
export const ConfigFileMissing = {
  name: 'ConfigFileMissing',
  message: (file: string, key: string, path: string) => `${file}: ${key}: \`${path}\` does not exist`,
  hint: 'give a path relative to the folder of the config file',
} satisfies Message<[file: string, key: string, path: string]>;
