/**
 * An archive whose authors are worth following, built once per test worker from the real arXiv
 * data: every paper of a prolific author, a few hundred others, and one made-up author on more
 * papers than anyone in the data has, so their listing runs onto archive pages. Specs that use
 * `test` from here share the one build; what was built is at hand to compute expectations from.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { buildAndServe } from './archive.ts';

/** The quarter of arXiv papers the project is tested on. */
const DATA = join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'arxiv-2026q1.jsonl');

/** An entry of the data, as the specs read it. */
export interface ArxivEntry {
  readonly id: string;
  readonly title: string;
  readonly authors: readonly string[];
  readonly date: string;
}

/** An author of the data with dozens of papers. */
export const PROLIFIC_AUTHOR = 'Yang Liu';

/** A name on no paper of the data, given to `PAGED_PAPERS` papers of the slice. */
export const PAGED_AUTHOR = 'Zoë Pagewalker';

/**
 * How many papers the made-up author is put on: more than two archive pages' worth (50 each),
 * which no author of the data has, so their own page cannot list them all.
 */
const PAGED_PAPERS = 120;

/** Every `OTHERS_EVERY`th paper of the data joins the slice, a few hundred spread over the quarter. */
const OTHERS_EVERY = 40;

/** An author's name as the archive matches it: NFC, runs of white space as one space, trimmed. */
export const normalizeName = (name: string): string => name.normalize('NFC').replace(/\s+/gu, ' ').trim();

/** A title as a listing shows it: runs of white space as one space, trimmed. */
export const normalizeTitle = (title: string): string => title.replace(/\s+/gu, ' ').trim();

/** The entries that name `author`, matched exactly after normalisation. */
export const papersBy = (entries: readonly ArxivEntry[], author: string): ArxivEntry[] =>
  entries.filter((entry) => entry.authors.some((name) => normalizeName(name) === author));

/** Every name on two papers or more of `entries` (those with a page), with its number of papers. */
export function namesWithPages(entries: readonly ArxivEntry[]): Map<string, number> {
  const papers = new Map<string, number>();
  for (const entry of entries) {
    // A "name" without a letter is debris of an author list, not a person, and gets no page.
    for (const name of new Set(entry.authors.map(normalizeName))) if (/\p{L}/u.test(name)) papers.set(name, (papers.get(name) ?? 0) + 1);
  }
  return new Map([...papers].filter(([, count]) => count >= 2));
}

/**
 * The slice: all of `PROLIFIC_AUTHOR`'s papers and every `OTHERS_EVERY`th other one. The first
 * `PAGED_PAPERS` others without TeX in their title (so a title reads as its text) gain
 * `PAGED_AUTHOR`, spelled as sources do: composed, decomposed, with a no-break or a double space.
 */
function slice(): ArxivEntry[] {
  const spellings = [PAGED_AUTHOR, PAGED_AUTHOR.normalize('NFD'), PAGED_AUTHOR.replace(' ', '\u00a0'), PAGED_AUTHOR.replace(' ', '  ')];
  const entries = readFileSync(DATA, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as ArxivEntry);
  const picked: ArxivEntry[] = [];
  let paged = 0;
  entries.forEach((entry, index) => {
    if (entry.authors.some((name) => normalizeName(name) === PROLIFIC_AUTHOR)) picked.push(entry);
    else if (index % OTHERS_EVERY === 0) {
      if (paged < PAGED_PAPERS && !/[$\\]/.test(entry.title)) {
        picked.push({ ...entry, authors: [...entry.authors, spellings[paged % spellings.length]!] });
        paged += 1;
      } else picked.push(entry);
    }
  });
  if (paged < PAGED_PAPERS) throw new Error(`The slice has only ${paged} papers to give ${PAGED_AUTHOR}; take more of the data.`);
  return picked;
}

/** The served archive of the slice, and the entries it was built from. */
export interface AuthorArchive {
  /** Its address, ending in `/`. */
  readonly site: string;
  /** The slice, as written to the source the archive was built from. */
  readonly entries: readonly ArxivEntry[];
}

/** Playwright's `test`, with `authorArchive`: the slice built with the real command line, once per worker. */
export const test = base.extend<{}, { authorArchive: AuthorArchive }>({
  authorArchive: [
    async ({}, use) => {
      const entries = slice();
      const sources = mkdtempSync(join(tmpdir(), 'papershelf-authors-source-'));
      const source = join(sources, 'authors-slice.jsonl');
      writeFileSync(source, entries.map((entry) => `${JSON.stringify(entry)}\n`).join(''));
      const archive = await buildAndServe('papershelf-authors-', [source]);
      try {
        await use({ site: archive.site, entries });
      } finally {
        await archive.close();
        rmSync(sources, { recursive: true, force: true });
      }
    },
    // Building a few hundred papers takes a while on a busy machine.
    { scope: 'worker', timeout: 180_000 },
  ],
});

export { expect } from '@playwright/test';
