/**
 * Page addresses. A slug is the arXiv id when known (`2501.00663`), else a readable ASCII
 * slug of the title. Slugs are `[a-z0-9-]` (plus the dot of an arXiv id), never empty, never
 * a name a file system or the site reserves, and unique. Once a paper has a slug it keeps it:
 * the slugs already in `content/papers/` are honoured first, so permalinks survive new papers
 * whose titles would collide.
 */
import { createHash } from 'node:crypto';
import { isWindowsDevice } from '../../schema/reserved-names.ts';
import { foldForMatch } from '../merge/identity-key.ts';

/** Names of index files and the site's own folders; Windows device names are refused too (`isReservedSlug`). */
const SITE_NAMES = new Set(['index', '404', '500', 'pagefind', '_astro', 'papers', 'search', 'days']);

/** True when a paper may not have `slug`: it names the site's own files or folders, or a Windows device (`con`, `nul`, `com0`). */
export const isReservedSlug = (slug: string): boolean => SITE_NAMES.has(slug) || isWindowsDevice(slug);

/** Long enough to read, short enough for any file system (255 bytes) and a tidy URL. */
const MAX_SLUG = 80;

/** A readable ASCII slug of a title: accents folded, words joined by hyphens, cut at a word boundary. */
export function slugifyTitle(title: string): string {
  const words = foldForMatch(title)
    .replace(/[^a-z0-9 ]+/g, ' ')
    .split(' ')
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_SLUG) break;
    slug = next;
  }
  return slug || (words[0]?.slice(0, MAX_SLUG) ?? '');
}

/** The slug a paper would like before collisions: its arXiv id, else its title's slug, else a hash. */
export function preferredSlug(paper: { id: string | null; title: string; key: string }): string {
  if (paper.id) return paper.id.toLowerCase().replace(/\//g, '-');
  const fromTitle = slugifyTitle(paper.title);
  if (fromTitle && !isReservedSlug(fromTitle)) return fromTitle;
  const hash = createHash('sha256').update(paper.key).digest('hex').slice(0, 8);
  return fromTitle ? `${fromTitle}-${hash}` : `paper-${hash}`;
}

/**
 * Assigns every paper a unique slug. `previous` maps identity keys to the slugs they had; those
 * are honoured, unless reserved since (no file may be `com0.mdx` on Windows). Then each paper
 * that asks for an address (`asked`, an archive's own download gives every paper's) gets it
 * when it is still free. The other papers take their preferred slug, or `-2`, `-3`, … in
 * order of `key`, so the outcome does not depend on the order sources were read in.
 */
export function makeSlugs(
  papers: readonly { id: string | null; title: string; key: string; asked?: string | undefined }[],
  previous: ReadonlyMap<string, string> = new Map(),
): Map<string, string> {
  const slugs = new Map<string, string>();
  const taken = new Set<string>();
  const byKey = [...papers].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const honour = (wanted: (paper: (typeof papers)[number]) => string | undefined) => {
    for (const paper of byKey) {
      const kept = wanted(paper);
      if (kept && !slugs.has(paper.key) && !taken.has(kept) && !isReservedSlug(kept)) {
        slugs.set(paper.key, kept);
        taken.add(kept);
      }
    }
  };
  honour((paper) => previous.get(paper.key));
  honour((paper) => paper.asked);
  for (const paper of byKey) {
    if (slugs.has(paper.key)) continue;
    const base = preferredSlug(paper);
    let slug = base;
    for (let n = 2; taken.has(slug); n += 1) slug = `${base}-${n}`;
    slugs.set(paper.key, slug);
    taken.add(slug);
  }
  return slugs;
}
