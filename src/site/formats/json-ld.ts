/**
 * Structured data for pages, as JSON-LD: a paper page describes itself as a schema.org
 * ScholarlyArticle (a Book, Chapter, Thesis or Report when its source says so), which search
 * engines and reference managers read. Pure.
 */
import { arxivAbsUrl, doiUrl, isArxivPageOf } from '../arxiv.ts';
import type { PaperPageProps } from '../pages/page-props.ts';
import type { Paper } from '../../schema/paper.ts';
import { citedKind, pageRange } from './publication-kind.ts';
import { absoluteUrl, paperUrl } from '../urls.ts';

/** The ScholarlyArticle of a paper's page, with absolute links on the public origin `site`. */
export function scholarlyArticle(
  { paper, termGroups }: Pick<PaperPageProps, 'paper' | 'termGroups'>,
  site: URL | string,
): Record<string, unknown> {
  const identifier = [
    ...(paper.id ? [{ '@type': 'PropertyValue', propertyID: 'arXiv', value: paper.id }] : []),
    ...(paper.doi ? [{ '@type': 'PropertyValue', propertyID: 'DOI', value: paper.doi }] : []),
  ];
  const sameAs = [
    ...(paper.id ? [arxivAbsUrl(paper.id)] : []),
    ...(paper.doi ? [doiUrl(paper.doi)] : []),
    ...(paper.url && !(paper.id && isArxivPageOf(paper.url, paper.id)) ? [paper.url] : []),
  ];
  const keywords = [...new Set(termGroups.flatMap((group) => group.terms.map((term) => term.label)))];
  const { schemaOrg } = citedKind(paper);
  return {
    '@context': 'https://schema.org',
    '@type': schemaOrg.type,
    headline: paper.title,
    url: absoluteUrl(paperUrl(paper.slug), site),
    // When the paper came out, as precisely as known; else the day it was listed.
    datePublished: paper.published ?? paper.date,
    ...(paper.authors.length > 0 ? { author: paper.authors.map((name) => ({ '@type': 'Person', name })) } : {}),
    ...(paper.abstract ? { abstract: paper.abstract } : {}),
    ...(identifier.length > 0 ? { identifier } : {}),
    ...(sameAs.length > 0 ? { sameAs } : {}),
    ...(keywords.length > 0 ? { keywords } : {}),
    ...publicationOf(paper, schemaOrg.partOf),
  };
}

/**
 * Where the paper was published, as schema.org nests it: a journal article is part of an issue,
 * of a volume, of a Periodical (each level only when known); a conference paper or chapter is
 * part of a Book (the proceedings); pages as `pagination`, with `pageStart`/`pageEnd` when they
 * are one range; the publisher as an Organization.
 */
function publicationOf(
  paper: Pick<Paper, 'venue' | 'volume' | 'issue' | 'pages' | 'publisher'>,
  partOf: 'Periodical' | 'Book' | 'CreativeWork' | null,
): Record<string, unknown> {
  let container: Record<string, unknown> | undefined = paper.venue && partOf ? { '@type': partOf, name: paper.venue } : undefined;
  if (partOf === 'Periodical' && container) {
    if (paper.volume) container = { '@type': 'PublicationVolume', volumeNumber: paper.volume, isPartOf: container };
    if (paper.issue) container = { '@type': 'PublicationIssue', issueNumber: paper.issue, isPartOf: container };
  }
  const range = paper.pages ? pageRange(paper.pages) : null;
  return {
    ...(container ? { isPartOf: container } : {}),
    ...(paper.pages ? { pagination: paper.pages } : {}),
    ...(range ? { pageStart: range.first, ...(range.last ? { pageEnd: range.last } : {}) } : {}),
    ...(paper.publisher ? { publisher: { '@type': 'Organization', name: paper.publisher } } : {}),
  };
}

/**
 * `value` as the text of a `<script type="application/ld+json">`. A script ends at the first
 * `</script`, whatever quotes surround it, so every `<` is written as `\u003c`, which JSON
 * reads back as `<`: no entry text can end the script or open markup.
 */
export function jsonLdText(value: unknown): string {
  return JSON.stringify(value).replaceAll('<', '\\u003c');
}
