/**
 * The taxonomy file (`content/taxonomies.yaml`): the controlled vocabularies papers are tagged
 * with, and the rules that tag them automatically from title and abstract. Ingest and build
 * validate the file with `taxonomyFileSchema` (src/ingest/enrich/load-taxonomies.ts);
 * `compileTaxonomies` turns the rules into a matcher. See the comment at the top of the YAML
 * file for a worked example.
 */
import { z } from 'astro/zod';
import { isWindowsDevice } from './reserved-names.ts';

/** Taxonomy ids filled from entry fields (`categories`, `tags`), so the file must not define them. */
export const RESERVED_TAXONOMY_IDS: readonly string[] = ['categories', 'tags'];

/** Top-level addresses the site uses itself; a taxonomy page there would collide with them. */
export const SITE_ROUTES: readonly string[] = [
  'papers',
  'days',
  'weeks',
  'months',
  'years',
  'authors',
  'search',
  'offline',
  'cards',
  'pagefind',
  // The author index (src/build/search/author-shards.ts).
  'search-authors',
  '404',
  'katex',
];

/** Whether the site uses the top-level address `id` itself: a route, or a search bundle's folder (`pagefind-2/`…). */
export const isSiteRoute = (id: string): boolean => SITE_ROUTES.includes(id) || /^pagefind-\d+$/.test(id);

/** Ids of taxonomies and terms: they become URL segments (`/topics/state-space-models/`). */
export const TAXONOMY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const id = z.string().regex(TAXONOMY_ID, {
  message: 'expected lowercase letters, digits and single hyphens, such as `state-space-models`',
});

const oneLine = (what: string) =>
  z
    .string()
    .trim()
    .min(1, { message: `empty ${what}` })
    .refine((value) => !/[\r\n]/.test(value), { message: `a ${what} must be one line` });

const wordy = (value: string): boolean => /[\p{L}\p{N}]/u.test(value);
const NEEDS_WORD = { message: 'a phrase needs at least one letter or digit' };

/** A literal phrase for `match` and `acronyms`. */
const phrase = oneLine('phrase')
  .refine(wordy, NEEDS_WORD)
  .refine((value) => !value.includes('*'), { message: '`*` (any one word) is allowed in `exclude` only; list the words you mean' });

/** A phrase for `exclude`, where a `*` standing alone matches any one word. */
const pattern = oneLine('phrase')
  .refine(wordy, NEEDS_WORD)
  .refine((value) => value.split(/[\s-]+/).every((word) => word === '*' || !word.includes('*')), {
    message: '`*` stands for one whole word: write `received * attention`, not `attent*`',
  });

/**
 * One term of a taxonomy, with its matching rules. Example:
 * `{ id: state-space-models, label: State-space models, description: …, parent: sequence-modeling,
 *    match: [state space model, Mamba], acronyms: [SSM] }`
 */
export const taxonomyTermSchema = z.strictObject({
  /** Unique within its taxonomy, not a Windows device name (`con`, `nul`); the page is `/<taxonomy>/<id>/`. Required. */
  id,
  /** Display name, sentence case ("State-space models"). Required. */
  label: oneLine('label'),
  /** One or two sentences a reader sees on the term's page: what belongs here. Required. */
  description: oneLine('description'),
  /** Id of a broader term in the same taxonomy; a paper tagged with this term gets the parent too. Missing → top level. */
  parent: id.optional(),
  /** Phrases, case-insensitive, whole words; a final `s`/`es` also matches, a space matches spaces or hyphens,
   *  and a hyphen also matches the closed form (`multi-modal` finds "multimodal"). Missing → []. */
  match: z.array(phrase).default([]),
  /** Like `match` but case-sensitive, for short acronyms (`MoE`, `RAG`); list their long forms in `match`, since an
   *  acronym the abstract defines as something else is ignored. Missing → []. */
  acronyms: z.array(phrase).default([]),
  /** Phrases in which a hit does not count for this term; `*` stands for any one word ("received * attention"). Missing → []. */
  exclude: z.array(pattern).default([]),
  /** Sentences of the abstract that must mention the term when the title does not; a title mention always suffices. Missing → 2. */
  min_mentions: z.number().int().min(1, { message: 'expected a whole number, 1 or more' }).max(20).default(2),
  /** When true only a title mention counts: for words every abstract uses ("benchmark"). Missing → false. */
  title_only: z.boolean().default(false),
});

/** One vocabulary, such as `topics` or `domains`. */
export const taxonomySchema = z.strictObject({
  /** The URL segment of its pages (`/topics/…`); not `categories`, `tags` or a Windows device name. Required. */
  id,
  /** Display name ("Topics"). Required. */
  label: oneLine('label'),
  /** What the vocabulary classifies, shown on its index page. Required. */
  description: oneLine('description'),
  /** The terms, in the order the site lists them. At least one. */
  terms: z.array(taxonomyTermSchema).min(1, { message: 'a taxonomy needs at least one term' }),
});

/** The problem with an id that names a Windows device: its folder could not exist there. */
const deviceIssue = (id: string, path: (string | number)[]) => ({
  code: 'custom' as const,
  path,
  message: `\`${id}\` is a device name on Windows, where no folder may have it; choose another id`,
});

/** The whole file: a list of taxonomies with unique ids, valid parents and no parent cycles. */
export const taxonomyFileSchema = z
  .strictObject({
    /** The vocabularies, in the order the site lists them. At least one. */
    taxonomies: z.array(taxonomySchema).min(1, { message: 'the file defines no taxonomy' }),
  })
  .superRefine((file, ctx) => {
    const seenTaxonomies = new Map<string, number>();
    file.taxonomies.forEach((taxonomy, t) => {
      if (RESERVED_TAXONOMY_IDS.includes(taxonomy.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['taxonomies', t, 'id'],
          message: `\`${taxonomy.id}\` is reserved: it is built from each entry's \`${taxonomy.id}\` field; choose another id`,
        });
      }
      if (isSiteRoute(taxonomy.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['taxonomies', t, 'id'],
          message: `\`${taxonomy.id}\` is reserved: the site already has pages at /${taxonomy.id}/; choose another id`,
        });
      }
      if (isWindowsDevice(taxonomy.id)) ctx.addIssue(deviceIssue(taxonomy.id, ['taxonomies', t, 'id']));
      const earlier = seenTaxonomies.get(taxonomy.id);
      if (earlier !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['taxonomies', t, 'id'],
          message: `duplicate taxonomy id \`${taxonomy.id}\` (first used by taxonomies[${earlier}])`,
        });
      } else seenTaxonomies.set(taxonomy.id, t);
      checkTerms(taxonomy, t, ctx);
    });
  });

/** Reports duplicate term ids, ids Windows reserves, parents that do not exist, and parent cycles within one taxonomy. */
function checkTerms(taxonomy: z.output<typeof taxonomySchema>, t: number, ctx: z.RefinementCtx): void {
  const indexOf = new Map<string, number>();
  taxonomy.terms.forEach((term, i) => {
    if (isWindowsDevice(term.id)) ctx.addIssue(deviceIssue(term.id, ['taxonomies', t, 'terms', i, 'id']));
    const earlier = indexOf.get(term.id);
    if (earlier !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['taxonomies', t, 'terms', i, 'id'],
        message: `duplicate term id \`${term.id}\` in taxonomy \`${taxonomy.id}\` (first used by terms[${earlier}])`,
      });
    } else indexOf.set(term.id, i);
  });
  const parentOf = new Map<string, string>();
  taxonomy.terms.forEach((term, i) => {
    if (term.parent === undefined) return;
    if (!indexOf.has(term.parent)) {
      ctx.addIssue({
        code: 'custom',
        path: ['taxonomies', t, 'terms', i, 'parent'],
        message: `unknown parent \`${term.parent}\`: no term of taxonomy \`${taxonomy.id}\` has that id`,
      });
    } else if (indexOf.get(term.id) === i) parentOf.set(term.id, term.parent);
  });
  // Walk up from every term; a walk that comes back to its start is a cycle. Each cycle is
  // reported once, at the member that appears first in the file.
  const reported = new Set<string>();
  for (const [start] of parentOf) {
    const chain = [start];
    let next = parentOf.get(start);
    while (next !== undefined && next !== start && !chain.includes(next)) {
      chain.push(next);
      next = parentOf.get(next);
    }
    if (next !== start || chain.some((member) => reported.has(member))) continue;
    chain.forEach((member) => reported.add(member));
    ctx.addIssue({
      code: 'custom',
      path: ['taxonomies', t, 'terms', indexOf.get(start) ?? 0, 'parent'],
      message: `parent cycle ${[...chain, start].map((m) => `\`${m}\``).join(' → ')}: a term cannot be its own ancestor`,
    });
  }
}

/** The validated file. */
export type TaxonomyFile = z.output<typeof taxonomyFileSchema>;
/** A validated taxonomy, defaults filled in. */
export type Taxonomy = z.output<typeof taxonomySchema>;
/** A validated term, defaults filled in. */
export type TaxonomyTerm = z.output<typeof taxonomyTermSchema>;
