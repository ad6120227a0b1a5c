/**
 * RIS (the tagged format of EndNote, Zotero, Mendeley and most library catalogues) for papers:
 * one record (`risRecord`), a paper's `.ris` file, and a listing's. Records follow what Zotero
 * exports: the type as `TY` first and `ER` last, one `AU` per author as `Last, First, Suffix`,
 * the year as `PY`, the date as `DA` (`YYYY/MM/DD/`), pages split into `SP` and `EP`, one `KW`
 * per keyword. Lines end with CRLF, as the specification asks and Zotero writes. The type and
 * the tags the venue goes in depend on the kind of publication (publication-kind.ts); a paper of
 * no known kind is `GEN`, as Zotero exports its own preprints.
 *
 * `UR` is the link BibTeX and CSL-JSON give too: the paper's own landing page, else its arXiv
 * abstract page, else its page in this archive. RIS has no comment, so unlike a `.bib` the file
 * does not name its source. Pure.
 */
import { arxivAbsUrl } from '../arxiv.ts';
import { cslName } from './csl-json.ts';
import { issuedDate, type CitedPaper } from './cited-paper.ts';
import { citedKind, pageRange } from './publication-kind.ts';

/** The line ending of RIS: CRLF, as the specification asks and Zotero writes. */
export const RIS_EOL = '\r\n';

/**
 * Control characters (line breaks, tabs, NEL…) and Unicode's line and paragraph separators:
 * any of them could end a line in some reader, where the rest of a value would pass for a tag.
 */
const LINE_BREAKING = /[\p{Cc}\p{Zl}\p{Zp}]/gu;

/** `text` as one line: every control character and separator a space, runs of spaces one, no space at either end. */
export function risValue(text: string): string {
  return text.replace(LINE_BREAKING, ' ').replace(/ {2,}/g, ' ').trim();
}

/**
 * An author as RIS writes names, `Last, First, Suffix`: `Ludwig van Beethoven, Jr.` →
 * `van Beethoven, Ludwig, Jr.`. A name CSL keeps whole (one word, or with a comma of its own)
 * is written as it is.
 */
export function risName(name: string): string {
  const parts = cslName(name);
  if ('literal' in parts) return parts.literal;
  const family = parts['non-dropping-particle'] ? `${parts['non-dropping-particle']} ${parts.family}` : parts.family;
  return [family, parts.given, parts.suffix].filter((part) => part !== undefined && part !== '').join(', ');
}

/** The keywords of a paper: its arXiv categories, then its tags, each once (ignoring case). */
export function risKeywords(paper: Pick<CitedPaper, 'categories' | 'tags'>): string[] {
  const seen = new Set<string>();
  return [...paper.categories, ...paper.tags].filter((keyword) => {
    const key = risValue(keyword).toLowerCase();
    if (key === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** One tag line, or none for a value that is empty once made one line. */
function line(tag: string, value: string | null | undefined): string[] {
  const text = value == null ? '' : risValue(value);
  return text === '' ? [] : [`${tag}  - ${text}`];
}

const twoDigits = (n: number) => String(n).padStart(2, '0');

/**
 * A paper's record, remembered per paper object (and fallback link, for a paper that needs one):
 * a paper is in its own `cite.ris` and again in every listing's `papers.ris`.
 */
const recordOf = new WeakMap<CitedPaper, { readonly fallbackUrl: string | undefined; readonly text: string }>();

/**
 * The paper's RIS record, `TY` to `ER`, each line ending in CRLF. `fallbackUrl`: the link of a
 * paper with neither a URL nor an arXiv id (its page in the archive).
 */
export function risRecord(paper: CitedPaper, fallbackUrl?: string): string {
  const ownUrl = paper.url ?? (paper.id ? arxivAbsUrl(paper.id) : undefined);
  const known = recordOf.get(paper);
  if (known && (ownUrl !== undefined || known.fallbackUrl === fallbackUrl)) return known.text;
  const { ris } = citedKind(paper);
  const issued = issuedDate(paper);
  const year = String(issued.year).padStart(4, '0');
  const range = paper.pages ? pageRange(paper.pages) : null;
  // A preprint's publisher is arXiv when the source named none, as in CSL-JSON (csl-json.ts).
  const publisher = paper.publisher ?? (ris.type === 'GEN' && paper.id ? 'arXiv' : null);
  const thesis = paper.type === 'phdthesis' ? 'PhD thesis' : paper.type === 'mastersthesis' ? "Master's thesis" : null;
  const lines = [
    `TY  - ${ris.type}`,
    ...line('TI', paper.title),
    ...paper.authors.flatMap((author) => line('AU', risName(author))),
    `PY  - ${year}`,
    // Zotero's form, with the parts not known left empty: some readers take the date of a
    // conference paper from `DA` alone (`PY` is the conference's year there).
    `DA  - ${year}/${issued.month ? twoDigits(issued.month) : ''}/${issued.day ? twoDigits(issued.day) : ''}/`,
    ...ris.venue.flatMap((tag) => line(tag, paper.venue)),
    ...line('VL', paper.volume),
    ...line('IS', paper.issue),
    ...(range ? [...line('SP', range.first), ...line('EP', range.last)] : line('SP', paper.pages)),
    ...line('PB', publisher),
    ...line('M3', thesis),
    ...line('DO', paper.doi),
    ...line('UR', ownUrl ?? fallbackUrl),
    ...line('AB', paper.abstract),
    ...risKeywords(paper).flatMap((keyword) => line('KW', keyword)),
    'ER  - ',
  ];
  const text = lines.join(RIS_EOL) + RIS_EOL;
  recordOf.set(paper, { fallbackUrl, text });
  return text;
}

/** A paper's `.ris` file: its one record; `pageUrl` is its page on the public origin. */
export function paperRis(paper: CitedPaper, pageUrl: string): string {
  return risRecord(paper, pageUrl);
}

/**
 * The `.ris` file of a listing: every paper it lists, in its order, a blank line between records
 * (as Zotero writes them). `paperUrl` gives each paper's page on the public origin, the link of a
 * paper without a URL or arXiv id of its own. Reused by every page that lists papers.
 */
export function listingRis(papers: readonly CitedPaper[], paperUrl: (slug: string) => string): string {
  return papers.map((paper) => risRecord(paper, paperUrl(paper.slug))).join(RIS_EOL);
}
