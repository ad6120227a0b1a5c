/**
 * The keys of `papershelf.config.mjs`, every one optional (docs/configuration.md has the table).
 * Mirrors the schema that checks them, src/settings/config-schema.ts.
 *
 * @example
 * import { defineConfig } from 'papershelf/config';
 * export default defineConfig({
 *   title: 'Reading group',
 *   themeColor: '#0b7a53',
 *   head: [{ tag: 'script', attrs: { src: 'https://stats.example.org/script.js', defer: true } }],
 *   footer: 'Kept by the reading group.',
 * });
 */
export interface PapershelfConfig {
  /** The archive's name: page titles, header, feeds, cards, manifest. Default `'Papershelf'`. */
  title?: string;
  /** One line saying what the archive is: meta description, feeds, manifest. */
  description?: string;
  /** The public origin, `'https://example.org'`; `--site` and `PAPERSHELF_SITE` win. Default `'http://localhost:4321'`. */
  site?: string;
  /** The path the archive is served under, `'/papers/'`; `--base` and `PAPERSHELF_BASE` win. Default `'/'`. */
  base?: string;
  /** Links and highlights in the light theme (the dark theme lightens it); a CSS colour. Default `'#1d5fc9'`. */
  accentColor?: string;
  /** The browser's colour for the archive (`<meta name="theme-color">`, the manifest); a CSS colour. Default the accent colour. */
  themeColor?: string;
  /** An image for the header, relative to this file; copied into the archive. Default none. */
  logo?: string;
  /** The icon of every page, relative to this file; copied into the archive. Default Papershelf's. */
  favicon?: string;
  /** Extra elements of every page's `<head>`: analytics, verification. Default none. */
  head?: HeadElement[];
  /** A line of plain text at the foot of every page. Default none. */
  footer?: string;
  /** The taxonomy file, relative to this file. Default `taxonomies.yaml` in the content folder. */
  taxonomies?: string;
  /** The content folder, relative to this file; `PAPERSHELF_CONTENT_DIR` wins. Default `'content'`. */
  content?: string;
  /** Which optional parts pages show; each defaults to `true`. */
  show?: {
    upvotes?: boolean;
    codeLink?: boolean;
    relatedPapers?: boolean;
    venue?: boolean;
    projectPage?: boolean;
    huggingFacePage?: boolean;
  };
  /** What `papershelf fetch` does when the command line does not say. */
  fetch?: {
    /** Default `{ days: 7 }`. */
    hf?: { days?: number };
    /** Default `{ queries: [], max: 200 }`. */
    arxiv?: { queries?: string[]; max?: number };
  };
}

/** An element of every page's `<head>`, e.g. `{ tag: 'meta', attrs: { name: 'google-site-verification', content: '…' } }`. */
export interface HeadElement {
  tag: 'script' | 'link' | 'meta' | 'style';
  /** `true` writes the attribute's name alone, `false` leaves it out. */
  attrs?: Record<string, string | number | boolean>;
  /** The text of a `script` or `style`. */
  content?: string;
}

/** Gives an archive's settings their type; returns them as they are. */
export function defineConfig(config: PapershelfConfig): PapershelfConfig;
