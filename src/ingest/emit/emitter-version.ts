/**
 * I/O: a hash of everything besides a paper's own inputs that decides the bytes of its file:
 * the code that merges, enriches and emits papers (and the schema they follow), the locked
 * dependency versions (the YAML library's among them), the Unicode version that tagging and
 * slugs fold text with, and the taxonomies. When it changes, every paper is rendered again.
 * Code that enrichment or the emitter starts to import from elsewhere belongs in `CODE`.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Taxonomy } from '../../schema/taxonomy.ts';
import { listFiles } from '../../fs/list-files.ts';
import { PROJECT_ROOT } from '../../settings/project-paths.ts';

/** Folders (and files) of the project whose code decides how an entry becomes a paper file. */
const CODE = ['src/ingest/merge', 'src/ingest/enrich', 'src/ingest/emit', 'src/schema'];
const LOCK_FILE = 'package-lock.json';

/** The emitter version for papers enriched with `taxonomies`. */
export async function emitterVersion(taxonomies: readonly Taxonomy[], root = PROJECT_ROOT): Promise<string> {
  const hash = createHash('sha256');
  hash.update(`unicode ${process.versions.unicode ?? ''}\0`);
  hash.update(JSON.stringify(taxonomies)).update('\0');
  const files = [
    ...(await Promise.all(CODE.map(async (folder) => (await listFiles(join(root, folder))).map((path) => `${folder}/${path}`)))).flat(),
    LOCK_FILE,
  ];
  for (const path of files) {
    const bytes = await readFile(join(root, path)).catch(() => new Uint8Array());
    hash.update(path).update('\0').update(bytes).update('\0');
  }
  return hash.digest('base64url').slice(0, 22);
}
