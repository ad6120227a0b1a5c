import { defineCollection } from 'astro:content';
import { join } from 'node:path';
import { astroSettings } from './build/render/astro-boundary.ts';
import { notesLoader } from './loaders/notes-loader.ts';
import { paperSchema } from './schema/paper.ts';

/**
 * The papers that have hand-written notes, one per `content/papers/<slug>.mdx`, validated by the
 * same schema the ingest wrote them with; their notes are compiled as MDX. Only these: an
 * archive of 100,000 papers as a collection would hold every paper in Astro's data store, in
 * every Astro process, for no page that needs it. Every paper's data reaches the pages as
 * props (src/site/pages/page-data.ts), which the build fingerprints; a page that shows more
 * papers gets them in its props too (src/site/pages/), as the README says.
 */
const notes = defineCollection({
  loader: notesLoader({ dir: join((await astroSettings()).content, 'papers') }),
  schema: paperSchema,
});

export const collections = { notes };
