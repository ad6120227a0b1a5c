/**
 * An archive built again into the same `--out` after its sources changed must be, byte for
 * byte, the archive a fresh build of the new sources writes — while rendering only the pages
 * that changed and indexing only the search bundles whose papers changed.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../support/fingerprint.ts';
import { runCli } from './run-cli.ts';
import { tempDir } from '../support/temp-dir.ts';

const root = join(import.meta.dirname, '..', '..');
const work = tempDir('papershelf-incremental-');
/** Small search bundles, so that the archive has several and only some change. */
const env = { PAPERSHELF_SEARCH_BUNDLE_SIZE: '40' };

// Four consecutive days of real entries: three of up to 40 papers to start with, then a day of
// 12 — a day small beside the archive, as a real day is, so that it changes few related lists.
const entries = readFileSync(join(root, '..', 'shared', 'data', 'arxiv-2026q1.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as { id: string; date: string; title: string; upvotes?: number | null });
const days = [...new Set(entries.map((entry) => entry.date))].sort().slice(0, 4);
const ofDay = (day: string, count: number) => entries.filter((entry) => entry.date === day).slice(0, count);
const write = (name: string, list: readonly object[]) => {
  const file = join(work, name);
  writeFileSync(file, list.map((entry) => JSON.stringify(entry)).join('\n') + '\n');
  return file;
};
const firstDays = write(
  'first-days.jsonl',
  days.slice(0, 3).flatMap((day) => ofDay(day, 40)),
);
const newDay = write('new-day.jsonl', ofDay(days[3]!, 12));

/** Builds `sources` into `out`; returns what the build line says it rendered and indexed. */
function build(sources: readonly string[], out: string) {
  const report = join(work, 'report.json');
  const run = runCli(['build', ...sources, '--out', out, '--report', report], root, env);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return (
    JSON.parse(readFileSync(report, 'utf8')) as {
      build: { pages: number; rendered: number; bundles: number; bundlesIndexed: number; cards: number; cardsDrawn: number };
    }
  ).build;
}

describe('an incremental build', () => {
  const out = join(work, 'growing');

  it('adds a day of papers, rendering only what the new day touches, and equals a fresh build', () => {
    const first = build([firstDays], out);
    expect(first.rendered).toBe(first.pages);
    expect(first.cardsDrawn).toBe(first.cards);
    expect(first.bundles).toBeGreaterThan(1);

    const unchangedPage = join(out, 'days', days[0]!, 'index.html');
    const inode = statSync(unchangedPage).ino;
    const second = build([firstDays, newDay], out);
    // A page the new day does not touch is the very file the last build wrote: updated in place.
    expect(statSync(unchangedPage).ino).toBe(inode);
    expect(second.pages).toBeGreaterThan(first.pages);
    expect(second.rendered).toBeLessThan(second.pages / 2);
    expect(second.bundlesIndexed).toBeLessThan(second.bundles);
    // Only the new day's papers get new link-preview cards.
    expect(second.cardsDrawn).toBe(12);
    expect(second.cards).toBe(first.cards + 12);

    const fresh = join(work, 'fresh-after-adding');
    build([firstDays, newDay], fresh);
    expect(fingerprint(out)).toBe(fingerprint(fresh));
  });

  it('follows an edited title and a removed paper, and still equals a fresh build', () => {
    const edited = readFileSync(firstDays, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; title: string })
      .filter((_, index) => index !== 5)
      .map((entry, index) => (index === 0 ? { ...entry, title: `${entry.title}: revised` } : entry));
    const removedSlug = (JSON.parse(readFileSync(firstDays, 'utf8').trim().split('\n')[5]!) as { id: string }).id;
    expect(existsSync(join(out, 'papers', removedSlug))).toBe(true);
    const sources = [write('edited.jsonl', edited), newDay];
    const third = build(sources, out);
    expect(third.rendered).toBeLessThan(third.pages);
    expect(third.cardsDrawn).toBe(1);

    // Updated in place: the removed paper's folder is gone, and nothing is left beside the archive.
    expect(existsSync(join(out, 'papers', removedSlug))).toBe(false);
    expect(readdirSync(work).filter((name) => name.startsWith('.growing-'))).toEqual([]);

    const fresh = join(work, 'fresh-after-editing');
    build(sources, fresh);
    expect(fingerprint(out)).toBe(fingerprint(fresh));
  });

  it('with a new origin renders every page again, swaps in a new folder, and equals a fresh build', () => {
    const sources = [join(work, 'edited.jsonl'), newDay];
    const card = join(out, 'cards', 'site.png');
    const page = join(out, 'index.html');
    const before = { card: statSync(card).ino, page: statSync(page).ino };
    const moved = { ...env, PAPERSHELF_SITE: 'https://example.org' };
    const run = runCli(['build', ...sources, '--out', out], root, moved);
    expect(run.status).toBe(0);
    // The cards do not show the origin: linked into the new folder, the very same files.
    expect(statSync(card).ino).toBe(before.card);
    expect(statSync(page).ino).not.toBe(before.page);
    const fresh = join(work, 'fresh-at-new-origin');
    expect(runCli(['build', ...sources, '--out', fresh], root, moved).status).toBe(0);
    expect(fingerprint(out)).toBe(fingerprint(fresh));
    // Back to the first origin, for the next test.
    build(sources, out);
  });

  it('with nothing changed renders only the pages every build renders and indexes nothing', () => {
    const sources = [join(work, 'edited.jsonl'), newDay];
    const before = fingerprint(out);
    const again = build(sources, out);
    expect(again.rendered).toBe(0);
    expect(again.bundlesIndexed).toBe(0);
    expect(again.cardsDrawn).toBe(0);
    expect(fingerprint(out)).toBe(before);
  });
});
