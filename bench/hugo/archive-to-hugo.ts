/**
 * Every Hugo content file of an archive: a page per paper, and the `_index.md` files that give
 * Hugo's taxonomy and term pages our labels, descriptions, parents and order. Only terms with
 * papers get a file, as only those get a page on our site. Pure.
 */
import type { Archive } from '../../src/site/archive/build-archive.ts';
import { hugoPage } from './hugo-page.ts';
import { PAPER_TAXONOMIES, paperToHugo } from './paper-to-hugo.ts';

/** A file to write, by its path under the Hugo site's `content/`. */
export interface HugoFile {
  readonly path: string;
  readonly text: string;
}

/** Hugo would render these folders as pages of their own; our site has no such pages. */
const NOT_RENDERED = { _build: { render: 'never' } } as const;

/** The content files of `archive`'s site, in a deterministic order. */
export function archiveToHugo(archive: Archive): HugoFile[] {
  const files: HugoFile[] = [
    { path: 'papers/_index.md', text: hugoPage({ title: 'Papers', ...NOT_RENDERED }) },
    { path: 'days/_index.md', text: hugoPage({ title: 'All days' }) },
  ];
  // Weights from 1: Hugo treats weight 0 as "no weight" and sorts such pages last.
  archive.days
    .flatMap((day) => day.papers)
    .forEach((paper, index) => files.push({ path: `papers/${paper.slug}.md`, text: paperToHugo(paper, index + 1) }));
  for (const id of PAPER_TAXONOMIES) {
    const taxonomy = archive.taxonomy(id);
    // Hugo renders every configured taxonomy's page; ours leaves out a taxonomy without papers.
    const page = taxonomy ? { title: taxonomy.label, description: taxonomy.description } : { title: id, ...NOT_RENDERED };
    files.push({ path: `${id}/_index.md`, text: hugoPage(page) });
    const known = new Set(taxonomy?.terms.map((term) => term.id));
    taxonomy?.terms.forEach((term, index) => {
      files.push({
        path: `${id}/${term.id}/_index.md`,
        text: hugoPage({
          title: term.label,
          description: term.description,
          // Our term tree shows a term under its parent only when the parent has papers.
          parent: term.parent !== undefined && known.has(term.parent) ? term.parent : '',
          weight: index + 1,
        }),
      });
    });
  }
  return files;
}
