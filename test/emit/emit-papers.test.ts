import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapInWorkers } from '../../src/build/workers/worker-pool.ts';
import { loadTaxonomies } from '../../src/ingest/enrich/load-taxonomies.ts';
import { emitPaperFiles, type EmitRequest } from '../../src/ingest/emit/emit-papers.ts';
import { normalizeEntry } from '../../src/ingest/normalize/normalize-entry.ts';
import type { Entry } from '../../src/schema/paper.ts';

const root = join(import.meta.dirname, '..', '..');

describe('emitPaperFiles', () => {
  it('gives the same files on worker threads as in this one, in order', async () => {
    const taxonomies = await loadTaxonomies(join(root, 'content', 'taxonomies.yaml'));
    const lines = readFileSync(join(root, 'test', 'fixtures', 'sources', 'jsonl-slice', 'papers.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean);
    const entries = lines.flatMap((line, n): Entry[] => {
      const located = normalizeEntry({ fields: JSON.parse(line), file: 'papers.jsonl', line: n + 1 }).entry;
      return located ? [located.entry] : [];
    });
    expect(entries.length).toBeGreaterThan(10);
    const requests: EmitRequest[] = entries.map((entry, n) => ({
      entry,
      slug: `paper-${n}`,
      notes: n === 3 ? '\nRead this first.\n' : '',
      source: `papers.jsonl:${n + 1}`,
    }));
    const here = emitPaperFiles({ taxonomies }, requests);
    const threaded = await mapInWorkers(requests, {
      task: 'emit',
      shared: { taxonomies },
      threads: 2,
      chunkSize: 3,
    });
    expect(threaded).toEqual(here);
    expect(here[3]!.paper).toBeNull(); // a file with notes is read, not handed over
    expect(here[0]!.text).toContain(entries[0]!.title);
  });
});
