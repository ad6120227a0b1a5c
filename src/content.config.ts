import { defineCollection } from 'astro:content';
import { join } from 'node:path';
import { contentDir } from './lib/content-dir.ts';
import { papersLoader } from './loaders/papers-loader.ts';
import { taxonomiesLoader } from './loaders/taxonomies-loader.ts';
import { z } from 'astro/zod';
import { paperSchema } from './schema/paper.ts';
import { taxonomySchema } from './schema/taxonomy.ts';

/** Papers: one per `content/papers/<slug>.mdx`, validated by the same schema the pipeline wrote them with. */
const papers = defineCollection({
  loader: papersLoader({ dir: join(contentDir(), 'papers') }),
  schema: paperSchema,
});

/** Tag taxonomies from `content/taxonomies.yaml`, one entry per taxonomy. */
const taxonomies = defineCollection({
  loader: taxonomiesLoader({ file: join(contentDir(), 'taxonomies.yaml') }),
  schema: taxonomySchema.extend({ order: z.number().int() }),
});

export const collections = { papers, taxonomies };
