/**
 * A fingerprint per page: a hash of everything the page is rendered from — its data (the props
 * of src/lib/site-pages.ts, plus a paper's notes), what every page shows (the navigation), and
 * the code and settings that render it (`salt`). Equal fingerprints mean equal bytes, so an
 * incremental build renders exactly the pages whose fingerprint changed.
 */
import { createHash } from 'node:crypto';
import type { KindedPage, Navigation } from '../../lib/site-pages.ts';

/** Pages fingerprinted between turns of the event loop. */
const YIELD_EVERY = 2_000;

const digest = (text: string): string => createHash('sha256').update(text).digest('base64url').slice(0, 22);

/**
 * The text a fingerprint hashes: the JSON of `props`, where each object of `shared` stands as its
 * own hash, worked out once. Many pages carry the same large objects — a paper is in its page and
 * in every listing `.bib` that cites it — and hashing each once keeps planning linear in the
 * archive rather than in the sum of every page's size (1.8 GB of JSON at 100,000 papers).
 * The hash is marked with a NUL, which no string of the archive holds, so it cannot pass for text.
 */
function fingerprintText(props: unknown, shared: ReadonlySet<object>, hashes: Map<object, string>): string {
  if (shared.size === 0) return JSON.stringify(props);
  return JSON.stringify(props, (_key, value: unknown) => {
    if (typeof value !== 'object' || value === null || !shared.has(value)) return value;
    let hash = hashes.get(value);
    if (hash === undefined) hashes.set(value, (hash = `\0${digest(JSON.stringify(value))}`));
    return hash;
  });
}

/**
 * The fingerprint of each of `pages`, by its path below the base. `notes`: the notes of papers
 * that have any, by slug. `shared`: objects many pages' props hold (the papers, their citations),
 * hashed once each.
 */
export async function pageFingerprints(
  pages: readonly KindedPage[],
  navigation: Navigation,
  notes: Readonly<Record<string, string>>,
  salt: string,
  shared: ReadonlySet<object> = new Set(),
): Promise<Map<string, string>> {
  const common = digest(`${salt}\0${JSON.stringify(navigation)}`);
  const hashes = new Map<object, string>();
  const fingerprints = new Map<string, string>();
  for (const [index, page] of pages.entries()) {
    // Now and then the event loop gets a turn: the build feeds Pagefind from this thread meanwhile.
    if (index % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((resolve) => setImmediate(resolve));
    const slug = page.kind === 'paper' ? page.params['slug'] : undefined;
    const pageNotes = slug === undefined ? '' : (notes[slug] ?? '');
    fingerprints.set(page.path, digest(`${common}\0${fingerprintText(page.props, shared, hashes)}\0${pageNotes}`));
  }
  return fingerprints;
}
