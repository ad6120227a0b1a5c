/**
 * A fingerprint per page: a hash of everything the page is rendered from — its data (the props
 * of src/site/pages/site-pages.ts, plus a paper's notes), what every page shows (the navigation), and
 * the code and settings that render it (`salt`). Equal fingerprints mean equal bytes, so an
 * incremental build renders exactly the pages whose fingerprint changed.
 */
import { createHash } from 'node:crypto';
import { isFileKind } from '../../site/pages/page-files.ts';
import type { KindedPage, Navigation } from '../../site/pages/site-pages.ts';

/** Pages fingerprinted between turns of the event loop. */
const YIELD_EVERY = 2_000;

const digest = (text: string): string => createHash('sha256').update(text).digest('base64url').slice(0, 22);

/**
 * Objects many files' props hold — a paper is in its citation files and in every listing `.bib`
 * that cites it — each hashed once and standing in every fingerprint by its hash. Hashing the
 * JSON of every such file whole hashed a paper again for every file that cites it; this keeps
 * planning linear in the archive. One per build, shared by every call, so an object is hashed
 * once.
 */
export interface SharedObjects {
  /** The text a fingerprint hashes: the JSON of `props`, with each shared object as its hash. */
  text(props: unknown): string;
}

/** The shared objects `objects`. The hash is marked with a NUL, which no string of the archive holds, so it cannot pass for text. */
export function sharedObjects(objects: ReadonlySet<object> = new Set()): SharedObjects {
  const hashes = new Map<object, string>();
  const hashOf = (value: object): string => {
    let hash = hashes.get(value);
    if (hash === undefined) hashes.set(value, (hash = `\0${digest(JSON.stringify(value))}`));
    return hash;
  };
  const replacer = (_key: string, value: unknown): unknown =>
    typeof value === 'object' && value !== null && objects.has(value) ? hashOf(value) : value;
  return { text: (props) => (objects.size === 0 ? JSON.stringify(props) : JSON.stringify(props, replacer)) };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Where to keep the JSON of the pages Astro renders, as fingerprinting makes it, so the render
 * plan is not serialized a second time (src/build/render/render-shards.ts): up to `limit`
 * pages, which bounds the memory it holds however large the archive.
 */
export interface KeptJson {
  readonly json: Map<string, string>;
  readonly limit: number;
}

/**
 * The fingerprint of each of `pages`, by its path below the base. `notes`: the notes of papers
 * that have any, by slug. `shared`: the objects many pages' props hold (the papers, their
 * citations), hashed once each. A page Astro renders holds its paper once, so its whole JSON is
 * hashed, which is also what its render plan holds; a file of data (a listing's `.bib`) stands
 * for its many papers by their hashes.
 */
export async function pageFingerprints(
  pages: readonly KindedPage[],
  navigation: Navigation,
  notes: Readonly<Record<string, string>>,
  salt: string,
  shared: SharedObjects = sharedObjects(),
  keep?: KeptJson,
): Promise<Map<string, string>> {
  const common = digest(`${salt}\0${JSON.stringify(navigation)}`);
  const fingerprints = new Map<string, string>();
  for (const [index, page] of pages.entries()) {
    // Now and then the event loop gets a turn, for the answers of Pagefind and the worker threads.
    if (index % YIELD_EVERY === YIELD_EVERY - 1) await turn();
    const slug = page.kind === 'paper' ? page.params['slug'] : undefined;
    const pageNotes = slug === undefined ? '' : (notes[slug] ?? '');
    const rendered = !isFileKind(page.kind);
    const text = rendered ? JSON.stringify(page) : shared.text(page.props);
    if (rendered && keep && keep.json.size < keep.limit) keep.json.set(page.path, text);
    fingerprints.set(page.path, digest(`${common}\0${text}\0${pageNotes}`));
  }
  return fingerprints;
}
