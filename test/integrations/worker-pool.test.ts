import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { digestFiles, type DigestRequest, type FileDigest } from '../../src/build/offline/digest-files.ts';
import { mapInWorkers } from '../../src/build/workers/worker-pool.ts';
import { tempDir } from '../support/temp-dir.ts';

/** Files of different sizes, so that threads finish their chunks in no set order. */
function files(count: number): { dir: string; requests: DigestRequest[] } {
  const dir = tempDir('papershelf-pool-');
  const requests = Array.from({ length: count }, (_, n) => {
    writeFileSync(join(dir, `f${n}`), 'x'.repeat(((n * 7919) % 13) * 20_000));
    return { path: `f${n}` };
  });
  return { dir, requests };
}

describe('mapInWorkers', () => {
  it('hands every answer to onAnswers once, in item order, as the threads work on', async () => {
    const { dir, requests } = files(60);
    const delivered: { start: number; answers: readonly FileDigest[] }[] = [];
    const answers = await mapInWorkers(requests, {
      task: 'digest',
      shared: { dir },
      threads: 2,
      chunkSize: 4,
      onAnswers: (start, chunk) => delivered.push({ start, answers: chunk }),
    });
    expect(answers).toEqual(digestFiles({ dir }, requests));
    expect(delivered.map(({ start }) => start)).toEqual(Array.from({ length: 15 }, (_, n) => n * 4));
    expect(delivered.flatMap((chunk) => chunk.answers)).toEqual(answers);
  });

  it('hands the answers over at once when the task runs in this thread', async () => {
    const { dir, requests } = files(5);
    const starts: number[] = [];
    const answers = await mapInWorkers(requests, {
      task: 'digest',
      shared: { dir },
      threads: 0,
      onAnswers: (start) => starts.push(start),
    });
    expect(answers).toHaveLength(5);
    expect(starts).toEqual([0]);
  });

  it('fails with the error onAnswers throws, however late', async () => {
    const { dir, requests } = files(12);
    for (const failAt of [0, 8]) {
      const handed: number[] = [];
      const run = mapInWorkers(requests, {
        task: 'digest',
        shared: { dir },
        threads: 2,
        chunkSize: 4,
        onAnswers: (start) => {
          handed.push(start);
          if (start === failAt) throw new Error(`no room for chunk ${start}`);
        },
      });
      await expect(run).rejects.toThrow(`no room for chunk ${failAt}`);
      // Nothing is handed over after the failure, however many answers were still on their way.
      expect(handed).toEqual(Array.from({ length: failAt / 4 + 1 }, (_, n) => n * 4));
    }
  });
});
