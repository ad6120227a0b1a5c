/** The `taxonomies` collection: one entry per taxonomy of `content/taxonomies.yaml`. */
import type { Loader } from 'astro/loaders';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTaxonomies } from '../pipeline/enrich/load-taxonomies.ts';

/** Loads the taxonomy file at `file` (absolute, or relative to the project root). */
export function taxonomiesLoader({ file }: { file: string }): Loader {
  return {
    name: 'papershelf-taxonomies',
    load: async ({ store, config }) => {
      const path = isAbsolute(file) ? file : join(fileURLToPath(config.root), file);
      const taxonomies = await loadTaxonomies(path);
      store.clear();
      taxonomies.forEach((taxonomy, order) => store.set({ id: taxonomy.id, data: { ...taxonomy, order } }));
    },
  };
}
