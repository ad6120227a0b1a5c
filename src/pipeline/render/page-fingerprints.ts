/**
 * A fingerprint per page: a hash of everything the page is rendered from — its data (the props
 * of src/lib/site-pages.ts, plus a paper's notes), what every page shows (the navigation), and
 * the code and settings that render it (`salt`). Equal fingerprints mean equal bytes, so an
 * incremental build renders exactly the pages whose fingerprint changed.
 */
import { createHash } from 'node:crypto';
import type { Archive } from '../../lib/build-archive.ts';
import type { ArchiveData } from '../../lib/read-archive.ts';
import { dataPages, navigation } from '../../lib/site-pages.ts';

const digest = (text: string): string => createHash('sha256').update(text).digest('base64url').slice(0, 22);

/** The fingerprint of every page that has data of its own, by its path below the base. */
export function pageFingerprints(archive: Archive, data: Pick<ArchiveData, 'notes'>, salt: string): Map<string, string> {
  const common = digest(`${salt}\0${JSON.stringify(navigation(archive))}`);
  const fingerprints = new Map<string, string>();
  for (const page of dataPages(archive)) {
    const slug = page.path.startsWith('papers/') ? page.params['slug'] : undefined;
    const notes = slug === undefined ? '' : (data.notes[slug] ?? '');
    fingerprints.set(page.path, digest(`${common}\0${JSON.stringify(page.props)}\0${notes}`));
  }
  return fingerprints;
}
