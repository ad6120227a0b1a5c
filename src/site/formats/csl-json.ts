/**
 * CSL-JSON (the Citation Style Language's data format, read by Zotero, Pandoc and citeproc) for
 * a paper. A paper of a known kind has its CSL type (`article-journal`, `paper-conference`…,
 * see publication-kind.ts) with its venue, volume, issue, pages and publisher. Any other is an
 * `article` — in CSL 1.0.2 the type for preprints and works without a journal — with arXiv as
 * its publisher and `arXiv:<id>` as its number when it has an id, as Zotero writes preprints.
 * Pure; JSON needs no escaping beyond `JSON.stringify`'s.
 */
import { arxivAbsUrl } from '../arxiv.ts';
import { NAME_SUFFIX, issuedDate, paperKey, type CitedPaper } from './cited-paper.ts';
import { citedKind, type CslType } from './publication-kind.ts';

/** A CSL name: split into parts when its form is clear, else the name as written. */
export type CslName = { family: string; given?: string; 'non-dropping-particle'?: string; suffix?: string } | { literal: string };

/** One CSL-JSON item, with the variables this archive knows. */
export type CslItem = {
  id: string;
  'citation-key': string;
  type: CslType;
  title: string;
  author?: CslName[];
  issued: { 'date-parts': [number[]] };
  abstract?: string;
  DOI?: string;
  URL?: string;
  'container-title'?: string;
  'collection-title'?: string;
  genre?: string;
  volume?: string;
  issue?: string;
  page?: string;
  publisher?: string;
  number?: string;
};

/**
 * A name as CSL's parts: `Ludwig van Beethoven, Jr.` → given `Ludwig`, particle `van`, family
 * `Beethoven`, suffix `Jr.`. One word, or a name with another comma (an institution, a name
 * written `Last, First` that cannot be told from one), stays whole as a `literal`.
 */
export function cslName(name: string): CslName {
  const suffixed = NAME_SUFFIX.exec(name);
  const [rest, suffix] = suffixed ? [suffixed[1]!, suffixed[2]!] : [name, undefined];
  const words = rest.split(' ');
  if (rest.includes(',') || words.length < 2) return { literal: name };
  // Lowercase words before the last (`van`, `de la`) are the particle; the family name follows them.
  const start = words.findIndex((word, index) => index > 0 && index < words.length - 1 && /^\p{Ll}/u.test(word));
  const familyFrom = start === -1 ? words.length - 1 : start;
  let particleEnd = familyFrom;
  while (start !== -1 && particleEnd < words.length - 1 && /^\p{Ll}/u.test(words[particleEnd]!)) particleEnd += 1;
  return {
    family: words.slice(particleEnd).join(' '),
    given: words.slice(0, familyFrom).join(' '),
    ...(particleEnd > familyFrom ? { 'non-dropping-particle': words.slice(familyFrom, particleEnd).join(' ') } : {}),
    ...(suffix ? { suffix } : {}),
  };
}

/** The paper as a CSL-JSON item. `fallbackUrl`: the link for a paper with neither a URL nor an arXiv id (its page in the archive). */
export function cslItem(paper: CitedPaper, fallbackUrl?: string): CslItem {
  const issued = issuedDate(paper);
  const url = paper.url ?? (paper.id ? arxivAbsUrl(paper.id) : fallbackUrl);
  const { csl } = citedKind(paper);
  // A preprint's publisher is arXiv, its number the arXiv id, unless the source named a publisher.
  const arxiv = csl.type === 'article' && paper.id ? { publisher: 'arXiv', number: `arXiv:${paper.id}` } : {};
  const genre = paper.type === 'phdthesis' ? 'PhD thesis' : paper.type === 'mastersthesis' ? "Master's thesis" : undefined;
  const key = paperKey(paper);
  return {
    id: key,
    'citation-key': key,
    type: csl.type,
    title: paper.title,
    ...(paper.authors.length > 0 ? { author: paper.authors.map(cslName) } : {}),
    issued: { 'date-parts': [[issued.year, ...(issued.month ? [issued.month] : []), ...(issued.month && issued.day ? [issued.day] : [])]] },
    ...(paper.abstract ? { abstract: paper.abstract } : {}),
    ...(paper.doi ? { DOI: paper.doi } : {}),
    ...(url ? { URL: url } : {}),
    ...(paper.venue ? { [csl.venue]: paper.venue } : {}),
    ...(genre ? { genre } : {}),
    ...(paper.volume ? { volume: paper.volume } : {}),
    ...(paper.issue ? { [csl.issue]: paper.issue } : {}),
    // CSL writes page ranges with a hyphen and typesets the dash itself.
    ...(paper.pages ? { page: paper.pages.replaceAll('–', '-') } : {}),
    ...arxiv,
    ...(paper.publisher ? { publisher: paper.publisher } : {}),
  };
}

/** A CSL-JSON file: an array of items, as Pandoc and citeproc read them. */
export function cslJson(items: readonly CslItem[]): string {
  return `${JSON.stringify(items, null, 2)}\n`;
}
