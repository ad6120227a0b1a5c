/** Where the project lives, independent of the directory the command was started from. */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The project root: the folder holding astro.config.mjs. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The project's own content folder. */
export const PROJECT_CONTENT = join(PROJECT_ROOT, 'content');
/** File names inside a content folder. */
export const PAPERS_FOLDER = 'papers';
export const TAXONOMY_FILE = 'taxonomies.yaml';
