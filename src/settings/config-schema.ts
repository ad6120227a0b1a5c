/**
 * THE shape of `papershelf.config.mjs` (docs/configuration.md): every key optional, each with
 * what it means and its default. Unknown keys are refused (`.strict()`), so a typo is an error
 * with a suggestion instead of a setting silently ignored. Validated by src/settings/load-config.ts;
 * src/settings/settings.ts turns the result into `Settings`.
 */
import { z } from 'astro/zod';
import { isCssColour } from './css-colour.ts';

/** The elements `head` may add: those that configure a page, never ones that show anything. */
export const HEAD_TAGS = ['script', 'link', 'meta', 'style'] as const;
/** Elements that have no end tag, so no content. */
const VOID_TAGS = new Set(['link', 'meta']);

const colour = z.string().refine(isCssColour);
/** A path, resolved against the folder holding the config file. */
const path = z.string().min(1);

/** One element for every page's `<head>`, e.g. `{ tag: 'script', attrs: { src: 'https://…/a.js', defer: true } }`. */
const headElement = z
  .object({
    /** `script`, `link`, `meta` or `style`. */
    tag: z.enum(HEAD_TAGS),
    /** Attributes: a string or number is the value, `true` writes the name alone, `false` leaves it out. */
    attrs: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/i), z.union([z.string(), z.number(), z.boolean()])).default({}),
    /** The text of a `script` or `style`; it may not close its element. */
    content: z
      .string()
      .refine((text) => !/<\/(?:script|style)|<!--/i.test(text))
      .optional(),
  })
  .strict()
  .refine((element) => element.content === undefined || !VOID_TAGS.has(element.tag), { path: ['content'] });

/** Which optional parts a paper page and the listings show; each defaults to true. */
const show = z
  .object({
    /** Upvote counts in listings. */
    upvotes: z.boolean(),
    /** The link to a paper's code. */
    codeLink: z.boolean(),
    /** The related papers below a paper. */
    relatedPapers: z.boolean(),
    /** Where a paper was published (journal or conference). */
    venue: z.boolean(),
    /** The link to a paper's project page. */
    projectPage: z.boolean(),
    /** The link to a paper's Hugging Face page. */
    huggingFacePage: z.boolean(),
  })
  .strict()
  .partial();

/** What `papershelf fetch` does when the command line does not say (src/fetch/fetch-settings.ts). */
const fetch = z
  .object({
    hf: z
      .object({ days: z.number().int().min(1) })
      .strict()
      .partial(),
    arxiv: z
      .object({ queries: z.array(z.string().min(1)), max: z.number().int().min(1) })
      .strict()
      .partial(),
  })
  .strict()
  .partial();

/** The config file's default export. */
export const configSchema = z
  .object({
    /** The archive's name: page titles, header, feeds, cards, manifest. Default `Papershelf`. */
    title: z.string().trim().min(1),
    /** One line saying what the archive is: meta description, feeds, manifest, the site's card. */
    description: z.string().trim().min(1),
    /** The public origin; `--site` and `PAPERSHELF_SITE` win. Default `http://localhost:4321`. */
    site: z.string(),
    /** The path the archive is served under; `--base` and `PAPERSHELF_BASE` win. Default `/`. */
    base: z.string(),
    /** Links and highlights, in the light theme (the dark theme lightens it). Default `#1d5fc9`. */
    accentColor: colour,
    /** The browser's colour for the page (`<meta name="theme-color">`, the manifest). Default `#1d5fc9`. */
    themeColor: colour,
    /** An image shown before the title in the header, copied into the archive. Default none. */
    logo: path,
    /** The icon of every page, copied into the archive. Default Papershelf's. */
    favicon: path,
    /** Extra elements for every page's `<head>`: analytics, verification `<meta>`s. Default none. */
    head: z.array(headElement),
    /** A line of plain text at the foot of every page. Default none. */
    footer: z.string(),
    /** The taxonomy file. Default `taxonomies.yaml` in the content folder. */
    taxonomies: path,
    /** The content folder; `PAPERSHELF_CONTENT_DIR` wins. Default `content`. */
    content: path,
    show,
    fetch,
  })
  .strict()
  .partial();

/** What a config file may say (the input of `defineConfig`). */
export type PapershelfConfig = z.input<typeof configSchema>;
/** A config file's settings, checked. */
export type CheckedConfig = z.output<typeof configSchema>;
/** One element of `head`, checked. */
export type HeadElement = z.output<typeof headElement>;
/** Which optional parts pages show. */
export type ShowSettings = Required<z.output<typeof show>>;

/** The archive's name when the config gives none. */
export const DEFAULT_TITLE = 'Papershelf';

/** What the archive is, when the config does not say. */
export const DEFAULT_DESCRIPTION = 'A static, searchable archive of research papers.';

/** The colour of links and of the browser's frame when the config names none. */
export const DEFAULT_ACCENT = '#1d5fc9';

/** Every part pages may leave out, shown. */
export const SHOW_ALL: ShowSettings = {
  upvotes: true,
  codeLink: true,
  relatedPapers: true,
  venue: true,
  projectPage: true,
  huggingFacePage: true,
};
