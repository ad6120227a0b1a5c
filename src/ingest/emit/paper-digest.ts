/**
 * The digest of what a paper file's bytes are made from, besides the notes it keeps: the
 * emitter version (code and taxonomies), the merged entry, its slug and the sources named in
 * its header. Two renders with the same digest and the same notes give the same bytes. Pure.
 */
import { hash } from 'node:crypto';
import type { Entry } from '../../schema/paper.ts';

/** The digest of one paper's inputs under `version` (see `emitterVersion`). */
export function paperDigest(version: string, entry: Entry, slug: string, source: string): string {
  return hash('sha256', `${version}\0${slug}\0${source}\0${JSON.stringify(entry)}`, 'base64url').slice(0, 22);
}
