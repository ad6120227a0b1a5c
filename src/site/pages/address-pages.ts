/**
 * The pages of addresses papers no longer have (content/addresses.yaml): a redirect to the page
 * of the paper that moved, or a page saying the paper left the archive. An address that is a
 * paper's page wins over its history, and a redirect that leads to no paper gets no page. Pure.
 */
import type { AddressHistory } from '../../ingest/addresses/address-file.ts';
import type { Archive } from '../archive/build-archive.ts';
import type { SitePage } from './page-props.ts';

/** The data of a redirect: the slug it leads to and that paper's title. */
export type RedirectProps = { readonly to: string; readonly title: string };
/** The data of a removed paper's page: its title and the day it left. */
export type RemovedProps = { readonly title: string; readonly removed: string };

/** Where the address `slug` leads: a paper, a removed record, or nowhere (a loop, or an address the history lacks). */
function resolve(history: AddressHistory, archive: Archive, slug: string): RedirectProps | RemovedProps | null {
  const seen = new Set<string>();
  for (let at = slug; !seen.has(at);) {
    seen.add(at);
    const paper = at === slug ? undefined : archive.paper(at);
    if (paper) return { to: paper.slug, title: paper.title };
    const record = history.get(at);
    if (!record) return null;
    if ('removed' in record) return record;
    at = record.to;
  }
  return null;
}

/** Every former address with its page, by kind. */
function addressPages(archive: Archive): { redirects: SitePage<RedirectProps>[]; removed: SitePage<RemovedProps>[] } {
  const redirects: SitePage<RedirectProps>[] = [];
  const removed: SitePage<RemovedProps>[] = [];
  const history = archive.addresses ?? new Map();
  for (const slug of [...history.keys()].sort()) {
    if (archive.paper(slug)) continue;
    const page = resolve(history, archive, slug);
    const at = { path: `papers/${slug}/`, params: { slug } };
    if (page && 'to' in page) redirects.push({ ...at, props: page });
    else if (page) removed.push({ ...at, props: { title: page.title, removed: page.removed } });
  }
  return { redirects, removed };
}

/** The redirects from addresses papers had before they moved. */
export const redirectPages = (archive: Archive): SitePage<RedirectProps>[] => addressPages(archive).redirects;
/** The pages left at the addresses of papers that left the archive. */
export const removedPages = (archive: Archive): SitePage<RemovedProps>[] => addressPages(archive).removed;
