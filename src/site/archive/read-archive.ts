/**
 * I/O: an archive's data, read from a content folder in plain Node — the paper files, each
 * validated by the schema the ingest wrote it with, and the taxonomy file. The pages get their
 * data from here (through the build's render plan, or `getArchive`), not from the content
 * collection: a large archive's collection is slow for every Astro process to load, and a
 * sharded build starts several. The collection keeps what only Astro can do: compiling
 * hand-written notes.
 */
import { readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { eachInBatches } from '../../fs/in-batches.ts';
import { mapInWorkers } from '../../build/workers/worker-pool.ts';
import { loadTaxonomies } from '../../ingest/enrich/load-taxonomies.ts';
import { PAPERS_FOLDER, TAXONOMY_FILE } from '../../settings/project-paths.ts';
import { paperSchema, type Paper } from '../../schema/paper.ts';
import type { TaxonomyDefinition } from './build-archive.ts';
import type { RelatedPaper } from '../related/related-papers.ts';
import type { AddressHistory } from '../../ingest/addresses/address-file.ts';
import { readAddresses } from '../../ingest/addresses/read-addresses.ts';

/** What an archive is made of. */
export interface ArchiveData {
  /** Every paper, in file-name order. */
  readonly papers: Paper[];
  readonly definitions: TaxonomyDefinition[];
  /** The notes of papers that have any, by slug. */
  readonly notes: Record<string, string>;
  /** Each paper's related papers, when already computed (src/site/related/related-papers.ts); otherwise the pages compute them. */
  readonly related?: Record<string, RelatedPaper[]> | undefined;
  /** The addresses papers had before (content/addresses.yaml). */
  readonly addresses?: AddressHistory | undefined;
}

/** What a paper file holds, with the size and modification time it had then. */
export interface ReadPaper {
  readonly size: number;
  readonly mtimeMs: number;
  readonly paper: Paper;
  readonly notes: string | null;
}

/**
 * What an earlier read found in each file, by file name: a file that still has the same size
 * and modification time is not read or parsed again. Parsing YAML is most of the cost of
 * reading a large archive, and a new day changes few files.
 */
type ReadCache = Record<string, ReadPaper>;

/** The schema's fields, kept with the cache: papers read when the schema had other fields lack some, so that cache is not used. */
const SCHEMA_FIELDS = Object.keys(paperSchema.shape).join(',');

/**
 * Reads the archive in `contentDir` (with `papers/`), tagged by `taxonomyFile` (default its `taxonomies.yaml`). With `cacheFile`,
 * files unchanged since the last read with the same cache file are taken from it. `known`
 * holds files whose content the caller knows, by file name (an ingest, of the files it just
 * wrote): taken as they are while the file keeps its size and modification time.
 */
export async function readArchiveData(
  contentDir: string,
  cacheFile?: string,
  known?: ReadonlyMap<string, ReadPaper>,
  taxonomyFile: string = join(contentDir, TAXONOMY_FILE),
): Promise<ArchiveData> {
  const dir = join(contentDir, PAPERS_FOLDER);
  const names = (
    await readdir(dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [] as string[];
      throw error;
    })
  )
    .filter((name) => name.endsWith('.mdx'))
    .sort();
  const cached: ReadCache = cacheFile
    ? await readFile(cacheFile, 'utf8').then(
        (text) => {
          const data = JSON.parse(text) as { schema?: string; files?: ReadCache };
          return data.schema === SCHEMA_FIELDS && data.files ? data.files : {};
        },
        () => ({}),
      )
    : {};
  const fresh: ReadCache = {};
  const toParse: { name: string; size: number; mtimeMs: number }[] = [];
  // Whether the cache file must be written again: an entry came from `known`.
  let changed = false;
  await eachInBatches(names, async (name) => {
    const { size, mtimeMs } = await stat(join(dir, name));
    const holds = (entry: ReadPaper | undefined): entry is ReadPaper =>
      entry !== undefined && entry.size === size && entry.mtimeMs === mtimeMs;
    const told = known?.get(name);
    if (holds(told)) {
      fresh[name] = told;
      if (cached[name] !== told) changed = true;
    } else if (holds(cached[name])) fresh[name] = cached[name]!;
    else toParse.push({ name, size, mtimeMs });
  });
  // Parsing YAML is the cost of a first read: spread over the cores.
  const parsed = await mapInWorkers(
    toParse.map(({ name }) => name),
    { task: 'read', shared: { dir }, chunkSize: 250 },
  );
  toParse.forEach(({ name, size, mtimeMs }, n) => (fresh[name] = { size, mtimeMs, ...parsed[n]! }));
  if (cacheFile && (changed || toParse.length > 0 || Object.keys(cached).length !== names.length)) {
    await writeFile(`${cacheFile}.new`, JSON.stringify({ schema: SCHEMA_FIELDS, files: fresh }));
    await rename(`${cacheFile}.new`, cacheFile);
  }
  const papers = names.map((name) => fresh[name]!.paper);
  const notes: Record<string, string> = {};
  for (const name of names) {
    const entry = fresh[name]!;
    if (entry.notes !== null) notes[entry.paper.slug] = entry.notes;
  }
  const definitions = (await loadTaxonomies(taxonomyFile)).map((taxonomy) => ({
    id: taxonomy.id,
    label: taxonomy.label,
    description: taxonomy.description,
    terms: taxonomy.terms.map((term) => ({ id: term.id, label: term.label, description: term.description, parent: term.parent })),
  }));
  return { papers, definitions, notes, addresses: readAddresses(contentDir).history };
}
