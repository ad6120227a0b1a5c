/**
 * Where the site's content lives. `npm run build` uses the project's `content/`;
 * `papershelf build --out` points the environment variable at a private folder so that the
 * project's own content is never touched.
 */
export const CONTENT_DIR_ENV = 'PAPERSHELF_CONTENT_DIR';

/** The content folder for this build: `$PAPERSHELF_CONTENT_DIR`, else `content`. */
export function contentDir(): string {
  return process.env[CONTENT_DIR_ENV] || 'content';
}
