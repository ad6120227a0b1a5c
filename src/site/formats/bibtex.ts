/**
 * BibTeX for papers: one entry (`bibtexEntry`), a paper's `.bib` file, and a listing's
 * (`listingBibtex`, for any page that lists papers). Entries follow arXiv's own export —
 * `@misc` with `eprint`, `archivePrefix` and `primaryClass` — plus `doi`, `url`, `year` and
 * `month`. A paper whose source named its kind and venue is cited as that kind
 * (`@inproceedings{devlin2019bert, booktitle = {…}, pages = {…}}`, see publication-kind.ts),
 * under the source's own key when it gave one. The abstract is left out: the entry is
 * shown and copied on the paper page, which shows the abstract already. Pure.
 */
import { arxivAbsUrl } from '../arxiv.ts';
import { bibtexText, bibtexVerbatim } from './bibtex-text.ts';
import { NAME_SUFFIX, issuedDate, paperKey, type CitedPaper } from './cited-paper.ts';
import { citedKind } from './publication-kind.ts';

/** BibTeX's month macros, which styles print in their own language and form. */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * One author as BibTeX reads names. A plain `First von Last` name is written as it is;
 * `First Last, Jr.` as `Last, Jr., First`; a name BibTeX would misread — with another comma,
 * a word `and` (which separates authors), or the word `others` alone (BibTeX's "et al.") — is
 * braced whole, which BibTeX takes as one name that is never split.
 */
export function bibtexName(name: string): string {
  const misread = name.includes(',') || /(^|\s)and(\s|$)/i.test(name) || /^others$/i.test(name);
  const suffixed = NAME_SUFFIX.exec(name);
  if (suffixed && !suffixed[1]!.includes(',') && !/(^|\s)and(\s|$)/i.test(name)) {
    const words = suffixed[1]!.split(' ');
    if (words.length > 1) {
      // The family name starts at the first lowercase particle (`van`), else is the last word.
      const particle = words.findIndex((word, index) => index > 0 && index < words.length - 1 && /^\p{Ll}/u.test(word));
      const split = particle === -1 ? words.length - 1 : particle;
      return `${bibtexText(words.slice(split).join(' '))}, ${bibtexText(suffixed[2]!)}, ${bibtexText(words.slice(0, split).join(' '))}`;
    }
  }
  return misread ? `{${bibtexText(name)}}` : bibtexText(name);
}

/** Options for `bibtexEntry`. */
export interface BibtexOptions {
  /** The link to give a paper that has neither a URL nor an arXiv id: its page in the archive. Default none. */
  readonly fallbackUrl?: string | undefined;
  /** The key, when not the paper's own (`paperKey`): listings use it to keep keys unique. */
  readonly key?: string | undefined;
}

/**
 * The fields of a paper's entry, remembered per paper object (and fallback link, for a paper that
 * needs one): a paper is cited by its own `cite.bib` and again by every listing's `papers.bib`.
 */
const fieldsOf = new WeakMap<CitedPaper, { readonly fallbackUrl: string | undefined; readonly text: string }>();

function entryFields(paper: CitedPaper, fallbackUrl: string | undefined): string {
  const ownUrl = paper.url ?? (paper.id ? arxivAbsUrl(paper.id) : undefined);
  const url = ownUrl ?? fallbackUrl;
  const known = fieldsOf.get(paper);
  if (known && (ownUrl !== undefined || known.fallbackUrl === fallbackUrl)) return known.text;
  const issued = issuedDate(paper);
  const fields: [name: string, value: string][] = [['title', `{${bibtexText(paper.title, { protectCase: true })}}`]];
  if (paper.authors.length > 0) fields.push(['author', `{${paper.authors.map(bibtexName).join(' and ')}}`]);
  fields.push(['year', `{${issued.year}}`]);
  if (issued.month) fields.push(['month', MONTHS[issued.month - 1]!]);
  if (paper.id) {
    // The id and category are validated to `[\w./-]`: nothing to escape.
    fields.push(['eprint', `{${paper.id}}`], ['archivePrefix', '{arXiv}']);
    if (paper.categories[0]) fields.push(['primaryClass', `{${paper.categories[0]}}`]);
  }
  fields.push(...publicationFields(paper));
  if (paper.doi) fields.push(['doi', `{${bibtexVerbatim(paper.doi)}}`]);
  if (url) fields.push(['url', `{${bibtexVerbatim(url)}}`]);
  const text = fields.map(([name, value]) => `  ${name} = ${value}`).join(',\n');
  fieldsOf.set(paper, { fallbackUrl, text });
  return text;
}

/** The venue, volume, issue, pages and publisher, in the fields the paper's kind puts them in; pages as `583--589`. */
function publicationFields(paper: CitedPaper): [name: string, value: string][] {
  const { bibtex } = citedKind(paper);
  const fields: [string, string | null][] = [
    [bibtex.venue, paper.venue && bibtexText(paper.venue)],
    ['volume', paper.volume && bibtexText(paper.volume)],
    [bibtex.issue, paper.issue && bibtexText(paper.issue)],
    [
      'pages',
      paper.pages &&
        paper.pages
          .split('–')
          .map((part) => bibtexText(part))
          .join('--'),
    ],
    // BibLaTeX reads a publisher as a list split at `and`: one that holds the word is braced whole.
    [
      bibtex.publisher,
      paper.publisher && (/(^|\s)and(\s|$)/i.test(paper.publisher) ? `{${bibtexText(paper.publisher)}}` : bibtexText(paper.publisher)),
    ],
  ];
  return fields.flatMap(([name, value]) => (value ? [[name, `{${value}}`] as [string, string]] : []));
}

/** The paper's BibTeX entry, ending with a newline. */
export function bibtexEntry(paper: CitedPaper, options: BibtexOptions = {}): string {
  return `@${citedKind(paper).bibtex.type}{${options.key ?? paperKey(paper)},\n${entryFields(paper, options.fallbackUrl)}\n}\n`;
}

/**
 * A comment line for the top of a `.bib` file. BibTeX skips text between entries up to the next
 * `@`, so the line holds none (the URL's is percent-encoded).
 */
function header(text: string): string {
  return `% ${text.replaceAll('@', '%40').replace(/\s+/g, ' ')}\n\n`;
}

/** A paper's `.bib` file: a line naming its page on the public origin (`pageUrl`), then its entry. */
export function paperBibtex(paper: CitedPaper, pageUrl: string): string {
  return header(`Generated by Papershelf from ${pageUrl}`) + bibtexEntry(paper, { fallbackUrl: pageUrl });
}

/**
 * The `.bib` file of a listing: every paper it lists, in its order, with keys unique within the
 * file. `pageUrl` is the listing's page on the public origin; `paperUrl` gives each paper's,
 * the link of a paper without a URL or arXiv id of its own. Reused by every page that lists papers.
 */
export function listingBibtex(papers: readonly CitedPaper[], pageUrl: string, paperUrl: (slug: string) => string): string {
  const used = new Set<string>();
  const entries = papers.map((paper) => {
    // Slug keys are unique; a source's own keys may not be (two files, one `smith2020`).
    const base = paperKey(paper);
    let key = base;
    for (let n = 2; used.has(key.toLowerCase()); n += 1) key = `${base}-${n}`;
    used.add(key.toLowerCase());
    return bibtexEntry(paper, { key, fallbackUrl: paperUrl(paper.slug) });
  });
  const count = `${papers.length} ${papers.length === 1 ? 'paper' : 'papers'}`;
  return header(`Generated by Papershelf: the ${count} listed on ${pageUrl}`) + entries.join('\n');
}
