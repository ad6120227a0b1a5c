/** `fetch arxiv`: spacing, paging by what came back, empty and short pages, --since and --max, one Atom file the parser reads. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { arxivFileName, arxivSummaryLine, fetchArxiv, type ArxivRun } from '../../src/fetch/fetch-arxiv.ts';
import { spaceRequests } from '../../src/fetch/space-requests.ts';
import { parseArxivAtom } from '../../src/ingest/parse/parse-arxiv-atom.ts';
import { tempDir } from '../support/temp-dir.ts';
import { atomEntries, atomError, atomPage } from './recorded-shapes.ts';
import { send, standInsPerTest, type Answer } from './stand-in-server.ts';

const serve = standInsPerTest();

/** A stand-in holding `entries` of a query: pages as asked for, at most `short` entries each. */
function pages(entries: ReturnType<typeof atomEntries>, short = Infinity): Answer {
  return (request, response) => {
    const query = new URL(request.url, 'http://x').searchParams;
    const start = Number(query.get('start'));
    const count = Math.min(Number(query.get('max_results')), short);
    send(response, 200, atomPage(entries.slice(start, start + count), entries.length, start), { 'content-type': 'application/atom+xml' });
  };
}

const startOf = (url: string) => Number(new URL(url, 'http://x').searchParams.get('start'));
const now = new Date('2026-12-07T18:30:00Z');

/** Runs `fetch arxiv` for `cat:cs.LG` into a new content folder, requests spaced `spacing` ms, other waits instant. */
async function run(origin: string, extra: Partial<ArxivRun> & { spacing?: number } = {}) {
  const content = tempDir('papershelf-fetch-arxiv-');
  const notices: string[] = [];
  const http = { userAgent: 'Papershelf/test', backoffMs: 1, wait: async () => {}, gate: spaceRequests(extra.spacing ?? 0) };
  const outcome = await fetchArxiv({
    queries: ['cat:cs.LG'],
    endpoint: `${origin}/api/query`,
    max: 200,
    content,
    now,
    warn: (line) => notices.push(line),
    http,
    ...extra,
  });
  const sources = join(content, 'sources');
  const files = (() => {
    try {
      return readdirSync(sources);
    } catch {
      return [];
    }
  })();
  return { ...outcome, notices, sources, files, text: files[0] ? readFileSync(join(sources, files[0]), 'utf8') : '' };
}

describe('fetch arxiv', () => {
  it('writes one Atom file, named without a day, that the Atom parser reads entry for entry', async () => {
    const { origin, received } = await serve(pages(atomEntries(25)));
    const result = await run(origin, { pageSize: 10 });
    expect(result.failure).toBeNull();
    expect(received.map((request) => startOf(request.url))).toEqual([0, 10, 20]);
    const query = new URL(received[0]!.url, 'http://x').searchParams;
    expect([query.get('search_query'), query.get('sortBy'), query.get('sortOrder'), query.get('max_results')]).toEqual([
      'cat:cs.LG',
      'submittedDate',
      'descending',
      '10',
    ]);
    expect(result.files).toEqual(['arxiv-cat-cs-lg-20261207T183000Z.atom']);
    const parsed = parseArxivAtom(result.text, 'feed.atom', {});
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries).toHaveLength(25);
    expect(parsed.entries[0]!.fields).toMatchObject({
      id: '2612.00001',
      title: 'Results on 2612.00001 & more',
      authors: ['Ada Lovelace', 'Alan Turing'],
      published: '2026-12-07',
      doi: '10.1000/2612.00001',
      categories: ['cs.LG', 'stat.ML'],
      code_url: 'https://github.com/example/2612.00001',
    });
    // The first page's head, and the entries exactly as the pages had them.
    expect(result.text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n?<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    expect(result.text).toContain('<opensearch:totalResults>25</opensearch:totalResults>');
    expect(result.text).toContain('<arxiv:journal_ref>J. Examples 1 (2026) 1-12</arxiv:journal_ref>');
    expect(result.text).toContain('<title>Results on\n      2612.00025 &amp; more</title>');
    expect(arxivSummaryLine(result.summary)).toBe('fetch arxiv: 1 query, 25 entries; 1 files written');
  });

  it('spaces its requests as asked, one at a time', async () => {
    const { origin, received } = await serve(pages(atomEntries(3)));
    await run(origin, { pageSize: 1, spacing: 150 });
    expect(received).toHaveLength(3);
    const gaps = received.slice(1).map((request, i) => request.at - received[i]!.at);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(148);
  });

  it('advances by the entries that came back when a page is shorter than asked', async () => {
    const { origin, received } = await serve(pages(atomEntries(7), 3));
    const result = await run(origin, { pageSize: 5 });
    expect(received.map((request) => startOf(request.url))).toEqual([0, 3, 6]);
    expect(result.summary.entries).toBe(7);
  });

  it('asks again for a page that comes back empty although more results are announced', async () => {
    const all = atomEntries(4);
    const full = pages(all);
    const { origin, received } = await serve((request, response, n, raw) => {
      if (n === 1) send(response, 200, atomPage([], all.length, 2));
      else full(request, response, n, raw);
    });
    const result = await run(origin, { pageSize: 2 });
    expect(received.map((request) => startOf(request.url))).toEqual([0, 2, 2]);
    expect(result.summary.entries).toBe(4);
  });

  it('gives up on pages that stay empty, writing nothing', async () => {
    const { origin } = await serve((_request, response, n) => send(response, 200, atomPage(n === 0 ? atomEntries(2) : [], 10)));
    const result = await run(origin, { pageSize: 2 });
    expect(result.failure?.message).toMatch(
      /: an empty page 4 times, though 10 results are announced; nothing written for that query — try again later$/,
    );
    expect(result.files).toEqual([]);
  });

  it('stops when a page brings nothing new and no total is announced', async () => {
    const page = atomPage(atomEntries(2), 2).replace(/<opensearch:totalResults>.*\n/, '');
    const { origin, received } = await serve((_request, response) => send(response, 200, page));
    const result = await run(origin, { pageSize: 2 });
    expect(received).toHaveLength(2);
    expect(result.summary.entries).toBe(2);
  });

  it('stops at the first entry published before --since', async () => {
    const { origin, received } = await serve(pages(atomEntries(30)));
    const result = await run(origin, { pageSize: 10, since: '2026-12-01' });
    // Entries 1 to 7 were published from 2026-12-07 back to 2026-12-01.
    expect(result.summary.entries).toBe(7);
    expect(received).toHaveLength(1);
  });

  it('stops at --max entries, asking for no more than it needs', async () => {
    const { origin, received } = await serve(pages(atomEntries(30)));
    const result = await run(origin, { pageSize: 10, max: 15 });
    expect(received.map((request) => new URL(request.url, 'http://x').searchParams.get('max_results'))).toEqual(['10', '5']);
    expect(result.summary.entries).toBe(15);
    expect(parseArxivAtom(result.text, 'feed.atom', {}).entries).toHaveLength(15);
  });

  it('waits out a 503 with Retry-After, and tries again', async () => {
    const waits: number[] = [];
    const full = pages(atomEntries(2));
    const { origin, received } = await serve((request, response, n, raw) => {
      if (n === 0) send(response, 503, 'busy', { 'retry-after': '3' });
      else full(request, response, n, raw);
    });
    const http = { userAgent: 'Papershelf/test', wait: async (ms: number) => void waits.push(ms), gate: spaceRequests(0) };
    const result = await run(origin, { http });
    expect(waits).toEqual([3_000]);
    expect(received).toHaveLength(2);
    expect(result.summary.entries).toBe(2);
  });

  it('stops with the API’s own words for a query it cannot read', async () => {
    const { origin } = await serve((_request, response) => send(response, 200, atomError));
    const result = await run(origin, { queries: ['cat:'] });
    expect(result.failure?.name).toBe('UserError');
    expect(result.failure?.message).toBe(
      'fetch arxiv `cat:`: the arXiv API refused the query: incorrect search_query; check its syntax (https://info.arxiv.org/help/api/user-manual.html#query_details)',
    );
    expect(result.files).toEqual([]);
  });

  it('writes nothing for a query without entries, and says so', async () => {
    const { origin } = await serve((_request, response) => send(response, 200, atomPage([], 0)));
    const result = await run(origin);
    expect(result.files).toEqual([]);
    expect(result.notices).toEqual(['fetch arxiv `cat:cs.LG`: no entries; nothing written for that query; check it, or `--since`']);
  });
});

describe('arxivFileName', () => {
  it('holds the query and the time, and never a YYYY-MM-DD day', () => {
    expect(arxivFileName('cat:cs.LG AND abs:"diffusion"', now)).toBe('arxiv-cat-cs-lg-and-abs-diffusion-20261207T183000Z.atom');
    expect(arxivFileName('all:2026-12-05', now)).toBe('arxiv-all-20261205-20261207T183000Z.atom');
    expect(arxivFileName('"…"', now)).toBe('arxiv-query-20261207T183000Z.atom');
  });
});
