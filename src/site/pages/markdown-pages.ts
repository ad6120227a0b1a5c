/**
 * Each paper's Markdown copy, `papers/<slug>.md` (src/site/formats/paper-markdown.ts), as a page
 * with data of its own: the paper, its terms and its notes, so an incremental build writes it
 * again exactly when one of them changed. Pure, and free of `urls.ts`: the build planner imports
 * it through `site-pages.ts` outside Astro.
 */
import type { Archive } from '../archive/build-archive.ts';
import type { Paper } from '../../schema/paper.ts';
import type { SitePage, TermTag } from './page-props.ts';

/** The data of a paper's Markdown copy. (A type, not an interface: props need an implicit index signature.) */
export type PaperMarkdownProps = {
  readonly paper: Paper;
  /** The paper's terms, one group per taxonomy, in the archive's taxonomy order (as its page shows them). */
  readonly termGroups: readonly { taxonomy: string; label: string; terms: readonly TermTag[] }[];
  /** The hand-written MDX below the paper file's front matter, or null when it has none. */
  readonly notes: string | null;
};

/** The address of a paper's Markdown copy, below the base: beside its page's folder, as Hugging Face's `/papers/<id>.md`. */
export const paperMarkdownPath = (slug: string): string => `papers/${slug}.md`;

/** The terms of `paper` by taxonomy, in the archive's order, with their labels; taxonomies it has none of left out. */
function termGroupsOf(archive: Archive, paper: Paper): PaperMarkdownProps['termGroups'] {
  return archive.taxonomies.flatMap((taxonomy) => {
    const terms = (paper.terms[taxonomy.id] ?? []).flatMap((id) => {
      const term = archive.term(taxonomy.id, id);
      return term ? [{ id: term.id, label: term.label }] : [];
    });
    return terms.length > 0 ? [{ taxonomy: taxonomy.id, label: taxonomy.label, terms }] : [];
  });
}

/** Every paper's Markdown copy: those of each day, then those listed on no day. */
export function paperMarkdownPages(archive: Archive): SitePage<PaperMarkdownProps>[] {
  return [...archive.days.flatMap((day) => day.papers), ...archive.unlisted].map((paper) => ({
    path: paperMarkdownPath(paper.slug),
    params: { slug: paper.slug },
    props: { paper, termGroups: termGroupsOf(archive, paper), notes: archive.notes?.[paper.slug] ?? null },
  }));
}
