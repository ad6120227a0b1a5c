/** The build's lines of work run at once; a failure is reported only once every line has settled. */
import { describe, expect, it } from 'vitest';
import { runTogether } from '../../src/build/run-together.ts';

const after = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('runTogether', () => {
  it('runs every line at once and gives each result by name', async () => {
    const started: string[] = [];
    const result = await runTogether({
      slow: async () => (started.push('slow'), after(30, 1)),
      fast: async () => (started.push('fast'), after(1, 'two')),
    });
    expect(result).toEqual({ slow: 1, fast: 'two' });
    expect(started).toEqual(['slow', 'fast']);
  });

  it('lets a line wait for a promise started before, and each runs once', async () => {
    let runs = 0;
    const shared = after(5, 'related').then((value) => ((runs += 1), value));
    const result = await runTogether({
      related: () => shared,
      pages: async () => `pages with ${await shared}`,
    });
    expect(result).toEqual({ related: 'related', pages: 'pages with related' });
    expect(runs).toBe(1);
  });

  it('reports the first failure in the order given, only after every line has settled', async () => {
    const settled: string[] = [];
    const run = runTogether({
      index: async () => {
        await after(30, null);
        settled.push('index');
        throw new Error('index failed');
      },
      cards: async () => {
        await after(1, null);
        settled.push('cards');
        throw new Error('cards failed');
      },
      pages: async () => {
        await after(60, null);
        settled.push('pages');
        return 'done';
      },
    });
    await expect(run).rejects.toThrow('index failed');
    expect(settled).toEqual(['cards', 'index', 'pages']);
  });
});
