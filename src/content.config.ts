import { defineCollection } from 'astro:content';
import { join } from 'node:path';
import { astroSettings } from './build/render/astro-boundary.ts';
import { papersLoader } from './loaders/papers-loader.ts';
import { paperSchema } from './schema/paper.ts';

/**
 * Papers with hand-written notes, one per `content/papers/<slug>.mdx`, validated by the same
 * schema the pipeline wrote them with; their notes are compiled as MDX. Every paper's data
 * reaches the pages through `getArchive` (src/site/archive/get-archive.ts).
 */
const papers = defineCollection({
  loader: papersLoader({ dir: join(astroSettings().content, 'papers') }),
  schema: paperSchema,
});

export const collections = { papers };
