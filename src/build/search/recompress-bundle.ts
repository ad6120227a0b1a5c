/**
 * Pagefind gzips its files itself, quickly and with one setting for all. A search downloads
 * the engine (`wasm.en.pagefind`), the metadata and an index file per word, so each of those
 * bytes is paid by every reader's first search. zlib's tightest setting finds nothing more in
 * them; libdeflate's slow levels (10 to 12) find a little more (docs/benchmarks.md). Each such
 * file is gzipped again with whichever setting makes it smallest; the bytes inside are
 * untouched, so Pagefind reads the same data. Fragments (one per paper, small) gain next to
 * nothing and are left as they are.
 *
 * The index files are gzipped again only while a first visit downloads all of them for reading
 * offline (`WHOLE_INDEX_BYTES`), where every reader pays for every byte. Past that, a reader
 * fetches an index file or two a search, each only a little smaller, while the second gzip of
 * all of them costs the build CPU time that grows with the archive.
 *
 * libdeflate runs as WebAssembly, so its output is the same on every machine.
 */
import { readdir, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { mapInWorkers } from '../workers/worker-pool.ts';
import { WHOLE_INDEX_BYTES } from './search-bundles.ts';

/**
 * Files of a bundle worth gzipping again: the engines and metadata at its top, its filter files,
 * and its index files while they total at most `WHOLE_INDEX_BYTES`.
 */
async function candidates(bundle: string): Promise<string[]> {
  const inFolder = async (folder: string, ending: string) =>
    (await readdir(join(bundle, folder)).catch(() => [])).filter((name) => name.endsWith(ending)).map((name) => join(bundle, folder, name));
  const chunks = await inFolder('index', '.pf_index');
  const chunkBytes = (await Promise.all(chunks.map(async (path) => (await stat(path)).size))).reduce((sum, size) => sum + size, 0);
  return [
    ...(await inFolder('.', '.pagefind')),
    ...(await inFolder('.', '.pf_meta')),
    ...(await inFolder('filter', '.pf_filter')),
    ...(chunkBytes <= WHOLE_INDEX_BYTES ? chunks : []),
  ];
}

/**
 * I/O: gzips the engine, metadata, filter and (see `candidates`) index files of the Pagefind
 * bundle at `bundle` again, each as small as it gets: on another thread, or with `allCores` on
 * a thread per core.
 */
export async function recompressBundle(bundle: string, { allCores = false } = {}): Promise<void> {
  const paths = await candidates(bundle);
  const threads = paths.length <= 8 ? 0 : allCores ? Math.min(availableParallelism(), 8) : 1;
  await mapInWorkers(paths, { task: 'recompress', shared: null, threads, chunkSize: 8 });
}
