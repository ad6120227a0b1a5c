/** `fetch hf`: paging a day, writing its file (atomically, only when it changes, never over a stranger's file), keeping the papers a listing drops. */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fetchHf, hfSummaryLine, type HfRun } from '../../src/fetch/fetch-hf.ts';
import { dailyPapersUrl, nextLink } from '../../src/fetch/fetch-hf-day.ts';
import { parseHfDailyPapers } from '../../src/ingest/parse/parse-hf-daily-papers.ts';
import { tempDir } from '../support/temp-dir.ts';
import { hfItems } from './recorded-shapes.ts';
import { send, standInsPerTest } from './stand-in-server.ts';

const serve = standInsPerTest();

/** The query of a received request. */
const queryOf = (url: string) => new URL(url, 'http://x').searchParams;

/** Runs `fetch hf` for `days` into a new content folder (or `content`), with instant waits; notices collected. */
async function run(origin: string, days: string[], content = tempDir('papershelf-fetch-hf-'), extra: Partial<HfRun> = {}) {
  const notices: string[] = [];
  const http = { userAgent: 'Papershelf/test', backoffMs: 1, wait: async () => {} };
  const outcome = await fetchHf({ days, content, endpoint: origin, http, warn: (line) => notices.push(line), ...extra });
  return { ...outcome, notices, content, sources: join(content, 'sources') };
}

const day = '2026-12-05';
const fileOf = (sources: string, d = day) => join(sources, `hf-daily-papers-${d}.json`);

describe('fetch hf', () => {
  it('writes a day as its raw items, which the daily-papers parser reads with the listing day', async () => {
    const items = hfItems(day, 3);
    const { origin, received } = await serve((_request, response) => send(response, 200, JSON.stringify(items)));
    const { summary, failure, sources } = await run(origin, [day]);
    expect(failure).toBeNull();
    expect(queryOf(received[0]!.url).get('date')).toBe(day);
    expect(queryOf(received[0]!.url).get('limit')).toBe('100');
    const text = readFileSync(fileOf(sources), 'utf8');
    expect(text).toBe(`${JSON.stringify(items, null, 2)}\n`);
    expect(readdirSync(sources)).toEqual([`hf-daily-papers-${day}.json`]);
    const parsed = parseHfDailyPapers(text, fileOf(sources), {});
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries.map((entry) => [entry.fields['id'], entry.fields['date'], entry.fields['code_url']])).toEqual([
      ['2612.00001', day, 'https://github.com/example/2612-00001'],
      ['2612.00002', day, 'https://github.com/example/2612-00002'],
      ['2612.00003', day, 'https://github.com/example/2612-00003'],
    ]);
    expect(hfSummaryLine(summary)).toBe('fetch hf: 1 day fetched, 3 papers new, 0 changed; 1 files written, 0 unchanged');
  });

  it('makes the content folder when there is none yet', async () => {
    const { origin } = await serve((_request, response) => send(response, 200, JSON.stringify(hfItems(day, 1))));
    const content = join(tempDir('papershelf-fetch-hf-'), 'new', 'content');
    const { failure, sources } = await run(origin, [day], content);
    expect(failure).toBeNull();
    expect(readdirSync(sources)).toEqual([`hf-daily-papers-${day}.json`]);
    expect(readdirSync(content)).toEqual(['sources']);
  });

  it('follows a Link: rel="next" header to the next page', async () => {
    const { origin, received } = await serve((request, response) => {
      if (queryOf(request.url).get('cursor') === null)
        send(response, 200, JSON.stringify(hfItems(day, 2)), { link: `</api/daily_papers?date=${day}&cursor=abc>; rel="next"` });
      else send(response, 200, JSON.stringify(hfItems(day, 1, 3)), { link: `</api/daily_papers?date=${day}>; rel="first"` });
    });
    const { summary, sources } = await run(origin, [day]);
    expect(received.map((request) => queryOf(request.url).get('cursor'))).toEqual([null, 'abc']);
    expect(summary.added).toBe(3);
    expect((JSON.parse(readFileSync(fileOf(sources), 'utf8')) as unknown[]).length).toBe(3);
  });

  it('pages by p= while pages come back full, and stops at a short page', async () => {
    const { origin, received } = await serve((request, response) => {
      const page = Number(queryOf(request.url).get('p') ?? 0);
      send(response, 200, JSON.stringify(page < 2 ? hfItems(day, 2, page * 2 + 1) : hfItems(day, 1, 5)));
    });
    const { summary } = await run(origin, [day], undefined, { limit: 2 });
    expect(received.map((request) => queryOf(request.url).get('p'))).toEqual([null, '1', '2']);
    expect(summary.added).toBe(5);
  });

  it('stops paging when a server ignores p= and repeats the first page', async () => {
    const { origin, received } = await serve((_request, response) => send(response, 200, JSON.stringify(hfItems(day, 2))));
    const { summary } = await run(origin, [day], undefined, { limit: 2 });
    expect(received).toHaveLength(2);
    expect(summary.added).toBe(2);
  });

  it('writes nothing for a day without papers, and says so', async () => {
    const { origin } = await serve((_request, response) => send(response, 200, '[]'));
    const { summary, notices, sources } = await run(origin, [day]);
    expect(notices).toEqual([`fetch hf ${day}: no papers listed; nothing written for that day`]);
    expect(() => readdirSync(sources)).toThrow();
    expect(hfSummaryLine(summary)).toBe(
      'fetch hf: 1 day fetched (1 without papers), 0 papers new, 0 changed; 0 files written, 0 unchanged',
    );
  });

  it('leaves an unchanged day untouched: same bytes, same modification time', async () => {
    const { origin } = await serve((_request, response) => send(response, 200, JSON.stringify(hfItems(day, 2))));
    const first = await run(origin, [day]);
    const before = statSync(fileOf(first.sources));
    const bytes = readFileSync(fileOf(first.sources));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const again = await run(origin, [day], first.content);
    expect(again.summary).toMatchObject({ added: 0, changed: 0, written: 0, unchanged: 1 });
    expect(readFileSync(fileOf(first.sources))).toEqual(bytes);
    expect(statSync(fileOf(first.sources)).mtimeMs).toBe(before.mtimeMs);
  });

  it('keeps the papers a shrunk listing no longer has, and says so', async () => {
    let items = hfItems(day, 3);
    const { origin } = await serve((_request, response) => send(response, 200, JSON.stringify(items)));
    const first = await run(origin, [day]);
    items = [{ ...hfItems(day, 1)[0]!, numComments: 5 }];
    const again = await run(origin, [day], first.content);
    const stored = JSON.parse(readFileSync(fileOf(first.sources), 'utf8')) as { paper: { id: string }; numComments: number }[];
    expect(stored.map((item) => item.paper.id)).toEqual(['2612.00001', '2612.00002', '2612.00003']);
    expect(stored[0]!.numComments).toBe(5);
    expect(again.summary).toMatchObject({ added: 0, changed: 1, written: 1 });
    expect(again.notices).toEqual([
      `fetch hf ${day}: warning: 2 papers of \`${fileOf(first.sources)}\` no longer listed; kept in the file (a day only gains papers); delete the file and fetch again to take the listing as it is`,
    ]);
  });

  it('refuses to replace a file Papershelf did not write, and leaves it as it is', async () => {
    const content = tempDir('papershelf-fetch-hf-');
    mkdirSync(join(content, 'sources'));
    const foreign = fileOf(join(content, 'sources'));
    writeFileSync(foreign, '{"my": "notes"}\n');
    const { origin } = await serve((_request, response) => send(response, 200, JSON.stringify(hfItems(day, 2))));
    const { failure, summary } = await run(origin, [day], content);
    expect(failure?.name).toBe('UserError');
    expect(failure?.message).toBe(
      `fetch hf ${day}: \`${foreign}\` is not a daily-papers file; Papershelf never replaces a file it did not write; move it aside, then fetch again`,
    );
    expect(readFileSync(foreign, 'utf8')).toBe('{"my": "notes"}\n');
    expect(summary.written).toBe(0);
  });

  it('stops at a day the server keeps failing: the days before are written, that day is left as it was', async () => {
    const content = tempDir('papershelf-fetch-hf-');
    mkdirSync(join(content, 'sources'));
    const stored = `${JSON.stringify(hfItems('2026-12-06', 1), null, 2)}\n`;
    writeFileSync(fileOf(join(content, 'sources'), '2026-12-06'), stored);
    const { origin, received } = await serve((request, response) => {
      if (queryOf(request.url).get('date') === '2026-12-05') send(response, 200, JSON.stringify(hfItems(day, 2)));
      else send(response, 503, 'busy');
    });
    const { failure, summary, sources } = await run(origin, ['2026-12-05', '2026-12-06', '2026-12-07'], content);
    expect(failure?.name).toBe('RunError');
    expect(failure?.message).toBe(
      `fetch hf 2026-12-06: ${dailyPapersUrl(origin, '2026-12-06', 100, 0)}: 503 Service Unavailable after 4 tries; nothing written for that day — try again later`,
    );
    expect(received).toHaveLength(5);
    expect(readFileSync(fileOf(sources, '2026-12-06'), 'utf8')).toBe(stored);
    expect(readdirSync(sources).sort()).toEqual(['hf-daily-papers-2026-12-05.json', 'hf-daily-papers-2026-12-06.json']);
    expect(summary).toMatchObject({ days: 1, written: 1 });
  });

  it('tries a truncated answer again and writes the whole one', async () => {
    const items = hfItems(day, 2);
    const { origin } = await serve((_request, response, n) =>
      send(response, 200, n === 0 ? JSON.stringify(items).slice(0, 100) : JSON.stringify(items)),
    );
    const { summary, sources } = await run(origin, [day]);
    expect(summary.added).toBe(2);
    expect(JSON.parse(readFileSync(fileOf(sources), 'utf8'))).toEqual(items);
  });
});

describe('nextLink', () => {
  it('finds rel="next" among other links and resolves it', () => {
    const base = 'https://huggingface.co/api/daily_papers?date=2026-12-05';
    expect(nextLink('<https://huggingface.co/api/x?p=1>; rel="next", <https://huggingface.co/api/x?p=9>; rel="last"', base)).toBe(
      'https://huggingface.co/api/x?p=1',
    );
    expect(nextLink('</api/x?cursor=a>; rel=next', base)).toBe('https://huggingface.co/api/x?cursor=a');
    expect(nextLink('</api/x?p=0>; rel="prev"', base)).toBeNull();
    expect(nextLink(null, base)).toBeNull();
  });
});
