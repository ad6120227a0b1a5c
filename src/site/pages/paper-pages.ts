/** One page per paper, with its neighbours on its day and its related papers. Pure. */
import type { Archive } from '../archive/build-archive.ts';
import type { Paper } from '../../schema/paper.ts';
import { relatedPapers } from '../related/related-papers.ts';
import { sortDate } from '../paper-dates.ts';
import { authorLinks, type PaperPageProps, type RelatedLink, type SitePage } from './page-props.ts';

const neighbour = (paper: Paper | undefined) => (paper ? { slug: paper.slug, title: paper.title } : null);

const relatedByArchive = new WeakMap<Archive, Map<string, RelatedLink[]>>();

/** Every paper's related papers, computed once per archive: the build asks for paper pages more than once. */
function relatedLinks(archive: Archive): Map<string, RelatedLink[]> {
  let links = relatedByArchive.get(archive);
  if (!links) {
    const order = new Map(archive.taxonomies.map((taxonomy, index) => [taxonomy.id, index]));
    const rank = (taxonomy: string) => order.get(taxonomy) ?? order.size;
    const related = archive.related ?? relatedPapers(archive.papers.map((paper) => ({ ...paper, date: sortDate(paper) })));
    links = new Map(
      [...related].map(([slug, list]) => [
        slug,
        list.map((item) => ({
          slug: item.slug,
          title: item.title,
          sharedTerms: [...item.sharedTerms]
            .sort((a, b) => rank(a.taxonomy) - rank(b.taxonomy))
            .flatMap(({ taxonomy, id }) => {
              const term = archive.term(taxonomy, id);
              return term ? [{ taxonomy, label: term.label }] : [];
            }),
        })),
      ]),
    );
    relatedByArchive.set(archive, links);
  }
  return links;
}

/** One page per paper: those of each day, then those listed on no day (which have no neighbours). */
export function paperPages(archive: Archive): SitePage<PaperPageProps>[] {
  const related = relatedLinks(archive);
  const listed = archive.days.flatMap((day) => day.papers.map((paper, index) => ({ paper, list: day.papers, index })));
  const unlisted = archive.unlisted.map((paper) => ({ paper, list: [paper], index: 0 }));
  return [...listed, ...unlisted].map(({ paper, list, index }) => ({
    path: `papers/${paper.slug}/`,
    params: { slug: paper.slug },
    props: {
      paper,
      authors: authorLinks(paper.authors, archive.authorSlug),
      termGroups: archive.taxonomies
        .map((taxonomy) => ({
          taxonomy: taxonomy.id,
          label: taxonomy.label,
          terms: (paper.terms[taxonomy.id] ?? []).flatMap((id) => {
            const term = archive.term(taxonomy.id, id);
            return term ? [{ id: term.id, label: term.label }] : [];
          }),
        }))
        .filter((group) => group.terms.length > 0),
      previous: neighbour(list[index - 1]),
      next: neighbour(list[index + 1]),
      related: related.get(paper.slug) ?? [],
    },
  }));
}
