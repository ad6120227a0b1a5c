/**
 * A fingerprint per page: a hash of everything the page is rendered from — its data (the props
 * of src/lib/site-pages.ts, plus a paper's notes), what every page shows (the navigation), and
 * the code and settings that render it (`salt`). Equal fingerprints mean equal bytes, so an
 * incremental build renders exactly the pages whose fingerprint changed.
 */
import { createHash } from 'node:crypto';
import type { KindedPage, Navigation } from '../../lib/site-pages.ts';

const digest = (text: string): string => createHash('sha256').update(text).digest('base64url').slice(0, 22);

/** The fingerprint of each of `pages`, by its path below the base. `notes`: the notes of papers that have any, by slug. */
export function pageFingerprints(pages: readonly KindedPage[], navigation: Navigation, notes: Readonly<Record<string, string>>, salt: string): Map<string, string> {
  const common = digest(`${salt}\0${JSON.stringify(navigation)}`);
  const fingerprints = new Map<string, string>();
  for (const page of pages) {
    const slug = page.kind === 'paper' ? page.params['slug'] : undefined;
    const pageNotes = slug === undefined ? '' : (notes[slug] ?? '');
    fingerprints.set(page.path, digest(`${common}\0${JSON.stringify(page.props)}\0${pageNotes}`));
  }
  return fingerprints;
}
