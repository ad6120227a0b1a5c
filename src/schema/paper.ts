/**
 * THE paper schema. Every stage shares it: parsers produce raw entries, `entrySchema`
 * validates them, enrichment turns them into `Paper`s, the emitter writes a `Paper` as MDX
 * front matter, and the content collection validates that front matter again with
 * `paperSchema` when Astro loads it.
 */
import { z } from 'astro/zod';
import { isSafeUrl } from './safe-url.ts';

/** Upper bounds on field sizes. Past them MDX compiles and page layout degrade badly, so an
 *  entry over a cap is rejected with a clear error instead of slowing every build. */
export const LIMITS = {
  titleChars: 1_000,
  abstractChars: 20_000,
  authorChars: 300,
  authors: 2_000,
  listItems: 200,
  noteChars: 200_000,
  venueChars: 500,
  publisherChars: 300,
  numberChars: 50,
  citekeyChars: 100,
} as const;

/** An arXiv identifier without version: new style `2501.00663`, old style `hep-th/9901001`. */
export const ARXIV_ID = /^(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})$/;
/** A calendar day, `YYYY-MM-DD`. */
export const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A DOI without resolver or prefix: `10.1000/xyz123`. */
export const DOI = /^10\.\d{4,9}\/\S+$/;

/**
 * The kinds of publication, BibTeX's standard entry types by another name where BibTeX has
 * several: BibTeX `@conference` is `inproceedings`, `@inbook` is `incollection`, BibLaTeX
 * `@thesis` is `phdthesis` (`mastersthesis` when its `type` says master's), `@techreport` is
 * `report`, `@online`/`@unpublished`/`@manual`/`@booklet` are `misc`. `preprint` is a paper not
 * (yet) in a journal or proceedings. CSL types: `article-journal`, `paper-conference`, `chapter`,
 * `book`, `thesis`, `report` map to these in order; CSL `article` is `preprint`.
 */
export const PUBLICATION_TYPES = [
  'article',
  'inproceedings',
  'incollection',
  'book',
  'phdthesis',
  'mastersthesis',
  'report',
  'preprint',
  'misc',
] as const;
/** One kind of publication. */
export type PublicationType = (typeof PUBLICATION_TYPES)[number];

/** A citation key BibTeX reads unquoted: letters, digits and `_ : . + / -`, starting with a letter or digit. */
export const CITEKEY = /^[A-Za-z0-9][A-Za-z0-9_:.+/-]*$/;

/** The Hugging Face page of a paper: `https://huggingface.co/papers/<id>`. */
export const HF_PAPER_URL = /^https:\/\/huggingface\.co\/papers\/[A-Za-z0-9._/-]+$/;

/** True when `value` is `YYYY`, `YYYY-MM` or a real `YYYY-MM-DD`: a date at the precision a source knows. */
export function isPartialDate(value: string): boolean {
  if (/^\d{4}$/.test(value)) return Number(value) >= 1900 && Number(value) <= 2200;
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  if (month) return isPartialDate(month[1]!) && Number(month[2]) >= 1 && Number(month[2]) <= 12;
  return isIsoDay(value);
}

/** True when `value` is `YYYY-MM-DD` and names a day that exists (no Feb 30). */
export function isIsoDay(value: string): boolean {
  const match = ISO_DAY.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1900 && year <= 2200 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const text = (max: number) => z.string().max(max, { message: `longer than ${max} characters` });

const day = z.string().refine(isIsoDay, { message: 'expected a real day as YYYY-MM-DD' });

const url = z.string().refine(isSafeUrl, {
  message: 'expected an absolute http(s) URL (other schemes are not allowed)',
});

/**
 * One paper as a source provides it: the native JSON / JSONL entry format. Fields that are
 * `null`, empty or absent mean "not known" and all normalise to the same default, so
 * `"url": null`, `"url": ""` and no `url` are one case.
 */
export const entrySchema = z.object({
  /** arXiv identifier without version (`2501.00663`). Missing → null; the slug then comes from the title. */
  id: z.string().regex(ARXIV_ID, { message: 'expected an arXiv id such as 2501.00663 (no version suffix)' }).nullable().default(null),
  /** The paper's title, one line. Required. */
  title: text(LIMITS.titleChars)
    .min(1, { message: 'missing' })
    .refine((value) => !/[\r\n]/.test(value), { message: 'a title must be one line' }),
  /** The abstract as plain text; TeX, brackets and line breaks stay as written. Missing → "". */
  abstract: text(LIMITS.abstractChars).default(''),
  /** Author names in order, each "First Last". Missing → []. */
  authors: z
    .array(text(LIMITS.authorChars).min(1, { message: 'empty author name' }))
    .max(LIMITS.authors, { message: `more than ${LIMITS.authors} authors` })
    .default([]),
  /** The day the entry is listed under (not necessarily the publication day), `YYYY-MM-DD`. Missing → null, allowed only
   *  when `published` is known: the paper is then on no day or week page, only on its year's page (and its month's, when
   *  `published` has a month), and a day is never invented for it. */
  date: day.nullable().default(null),
  /** When the paper was published, as precisely as the source says: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (never a guessed day).
   *  Missing → null; then `date` is required. Year pages, the search's Year filter and citations go by it. */
  published: z.string().refine(isPartialDate, { message: 'expected YYYY, YYYY-MM or a real YYYY-MM-DD' }).nullable().default(null),
  /** The paper's DOI, `10.xxxx/…` (`doi:` and `https://doi.org/` forms are accepted on input). Missing → null. */
  doi: z.string().max(300).regex(DOI, { message: 'expected a DOI such as 10.1000/xyz123' }).nullable().default(null),
  /** The paper's landing page. Missing → null; for arXiv papers the abstract page is derived from `id`. */
  url: url.nullable().default(null),
  /** The code repository. Missing → null; enrichment may fill it from a link in the abstract. */
  code_url: url.nullable().default(null),
  /** arXiv categories such as `cs.CL`. Missing → []. */
  categories: z
    .array(z.string().regex(/^[a-z-]+(?:\.[A-Za-z-]+)?$/, { message: 'expected a category such as cs.CL' }))
    .max(LIMITS.listItems)
    .default([]),
  /** Tags given by hand. Missing → []. */
  tags: z
    .array(text(80).min(1, { message: 'empty tag' }))
    .max(LIMITS.listItems)
    .default([]),
  /** Upvotes on the listing site when known. Missing → null. */
  upvotes: z.number().int().min(0).nullable().default(null),
  /** The kind of publication, one of `PUBLICATION_TYPES` (`inproceedings`). Missing → null: citations fall back to a preprint (`@misc`). */
  type: z.enum(PUBLICATION_TYPES).nullable().default(null),
  /** The journal or proceedings (BibTeX `journal` or `booktitle`, arXiv's journal reference as given). Missing → null. */
  venue: text(LIMITS.venueChars).nullable().default(null),
  /** The volume in that journal or series (`1`, `abs/1810.04805` is not one). Missing → null. */
  volume: text(LIMITS.numberChars).nullable().default(null),
  /** The issue (BibTeX `number`/`issue`), or a report's number. Missing → null. */
  issue: text(LIMITS.numberChars).nullable().default(null),
  /** The pages, a range with an en dash (`4171–4186`; `--` is accepted on input) or an article number (`e123`). Missing → null. */
  pages: text(LIMITS.numberChars).nullable().default(null),
  /** The publisher, or the university of a thesis and the institution of a report. Missing → null. */
  publisher: text(LIMITS.publisherChars).nullable().default(null),
  /** The source's own citation key (`devlin2019bert`), used in the paper's BibTeX; BibTeX-safe characters only. Missing → null: the key comes from the slug. */
  citekey: text(LIMITS.citekeyChars)
    .regex(CITEKEY, { message: 'expected a citation key of letters, digits and _ : . + / - (such as devlin2019bert)' })
    .nullable()
    .default(null),
  /** The paper's project page (Hugging Face's `projectPage`). Missing → null. */
  project_url: url.nullable().default(null),
  /** The paper's Hugging Face page, `https://huggingface.co/papers/<arXiv id>`. Missing → null. */
  hf_url: url
    .refine((value) => HF_PAPER_URL.test(value), { message: 'expected https://huggingface.co/papers/<id>' })
    .nullable()
    .default(null),
});

/** Where a paper was published and its other pages: one-line text that most papers lack. */
export const PUBLICATION_FIELDS = ['type', 'venue', 'volume', 'issue', 'pages', 'publisher', 'citekey', 'project_url', 'hf_url'] as const;

/** Why an entry with neither a listing day nor a publication date is refused. */
export const DATE_OR_PUBLISHED = 'missing: give the day it is listed under (date) or at least its publication year (published)';

/** True when an entry has a listing day or a publication date: without both it would belong to no page of the archive. */
export function isDated(entry: { readonly date: string | null; readonly published: string | null }): boolean {
  return entry.date !== null || entry.published !== null;
}

/** A validated entry. */
export type Entry = z.output<typeof entrySchema>;
/** The field names of the native format; any other field in a source (but `ADDRESS_FIELD`) is warned about once per field name and file. */
export const ENTRY_FIELDS: ReadonlySet<string> = new Set(Object.keys(entrySchema.shape));

/**
 * `slug`: the address a native entry asks for, as an archive's own download
 * (papershelf-archive.jsonl.gz) gives each paper's. Not a field of the entry: ingest honours it
 * as it honours the address a paper already has in `content/papers/`, when no paper holds it
 * and it is a slug Papershelf could give (`SLUG`, at most `MAX_ASKED_SLUG` characters, no
 * reserved name), so an archive built from the download keeps every permalink. Missing → the
 * paper's own slug (its arXiv id, else its title's).
 */
export const ADDRESS_FIELD = 'slug';
/** The longest address an entry may ask for: a title's slug is at most 80 characters, plus a `-<n>` or `-<hash>` suffix. */
export const MAX_ASKED_SLUG = 100;

/** Slugs: lowercase ASCII letters, digits and hyphens, plus the dots and slash-free form of an arXiv id. */
export const SLUG = /^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?$/;

/**
 * A paper as the site stores it: an entry plus what enrichment derived. This is the front
 * matter of `content/papers/<slug>.mdx`; the MDX body below it holds hand-written notes.
 */
export const paperSchema = entrySchema
  .extend({
    /** The page address under `/papers/`: the arXiv id when known, else a readable slug of the title. */
    slug: z.string().regex(SLUG),
    /** Terms of each tag taxonomy, keyed by taxonomy id (`topics`, `domains`, `categories`, `tags`), sorted. A tag's
     *  slug is the one it has alone; where another paper's tag would share it, the site settles the slug for the archive. */
    terms: z.record(z.string(), z.array(z.string())).default({}),
  })
  .refine(isDated, { path: ['date'], message: DATE_OR_PUBLISHED });

/** A paper as stored in front matter and loaded by the content collection. */
export type Paper = z.output<typeof paperSchema>;
