/**
 * The author index (src/build/search/author-shards.ts) as files: made from the archive's
 * authors, written into `search-authors/` beside the search bundles. Every file but the
 * manifest carries the index's version in its name, so a browser or a server that keeps files
 * never pairs a new manifest with an old file.
 */
import { createHash } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Archive } from '../../site/archive/build-archive.ts';
import { AUTHOR_MANIFEST, shardAuthors, shardFile, type AuthorEntry, type AuthorManifest } from './author-shards.ts';

/** The index's files, by name inside `search-authors/`, with their text. */
export type AuthorIndexFiles = ReadonlyMap<string, string>;

/** The files of the author index of `archive`: one per key, and the manifest. Deterministic. */
export function authorIndexFiles(archive: Archive): AuthorIndexFiles {
  const entries = archive.authors.map((author): AuthorEntry => [author.name, author.slug, author.papers.length]);
  const shards = [...shardAuthors(entries)].map(([key, authors]) => [key, JSON.stringify(authors)] as const);
  const version = createHash('sha256').update(JSON.stringify(shards)).digest('hex').slice(0, 10);
  const manifest: AuthorManifest = { version, keys: shards.map(([key]) => key) };
  return new Map([[AUTHOR_MANIFEST, JSON.stringify(manifest)], ...shards.map(([key, text]) => [shardFile(key, version), text] as const)]);
}

/** I/O: writes `files` into the folder `into` (`<site>/search-authors/`), replacing what is there. */
export async function writeAuthorIndex(files: AuthorIndexFiles, into: string): Promise<void> {
  await rm(into, { recursive: true, force: true });
  await mkdir(into, { recursive: true });
  await Promise.all([...files].map(([name, text]) => writeFile(join(into, name), text)));
}
