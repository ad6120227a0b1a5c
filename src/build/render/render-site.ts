/**
 * I/O: a content folder → a site: pages, search bundles, cards, markup guard. Without a last
 * build, it writes the whole site into an empty folder. With one (its folder and record), it
 * renders only the pages whose fingerprint changed, indexes only the search bundles whose
 * records changed and draws only new cards, into the empty folder, and says which of the last
 * build's files no longer belong: `applyChanges` then brings the last build's folder up to date
 * in place, so a new day costs a few thousand file operations, not a million. Either way the
 * result is byte for byte what a full build writes (tested in test/cli/incremental-build.test.ts).
 * The offline files come after, over the finished site (`writeOfflineFiles`).
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { exists } from '../../fs/exists.ts';
import { eachInBatches } from '../../fs/in-batches.ts';
import { listFiles } from '../../fs/list-files.ts';
import { moveTree } from '../../fs/move-tree.ts';
import type { FileDigest } from '../offline/digest-files.ts';
import { guardHtml } from '../guard/guard-html.ts';
import { mapInWorkers } from '../workers/worker-pool.ts';
import { buildArchive, type Archive } from '../../site/archive/build-archive.ts';
import { citedPaper } from '../../site/formats/cited-paper.ts';
import { readArchiveData, type ArchiveData, type ReadPaper } from '../../site/archive/read-archive.ts';
import { type RelatedInput, type RelatedPaper } from '../../site/related/related-papers.ts';
import { DATA_PAGE_KINDS, dataPages, pageFile, siteData, type KindedPage } from '../../site/pages/site-pages.ts';
import { planSearchShards } from '../search/plan-search-shards.ts';
import { IN_SEARCH_BUNDLE, searchShardSize } from '../search/search-bundles.ts';
import { startSearchBundle } from '../search/write-search-bundle.ts';
import { timed } from '../stage-clock.ts';
import type { BuildRecord } from './build-record.ts';
import { codeVersion } from './code-version.ts';
import { pageFingerprints, sharedObjects } from './page-fingerprints.ts';
import { RENDER_SHARD_PAGES, renderShards } from './render-shards.ts';
import { writeCards } from './write-cards.ts';
import { pageFileTexts, writePageFiles } from './write-page-files.ts';
import { isFileKind } from '../../site/pages/page-files.ts';
import { DEFAULT_SITE } from '../../settings/site-settings.ts';
import { PAPERS_FOLDER } from '../../settings/project-paths.ts';
import { displayPath } from '../../messages/errors.ts';
import { assertNotesCompile } from '../../notes/check-notes.ts';

/** What to render, where, and what may be reused. */
export interface RenderSiteOptions {
  readonly contentDir: string;
  /** An empty folder that receives the site, or with `previous`, what changed in it. */
  readonly into: string;
  /** The site's base path, `/…/`. */
  readonly base: string;
  /** A folder kept between builds of this archive (Astro's root and cache). */
  readonly cacheDir: string;
  /** The last build's folder and its record: what did not change stays there. */
  readonly previous?: { readonly dir: string; readonly record: BuildRecord } | undefined;
  /** The paper files an ingest just wrote, by file name, with what reading them gives (see `readArchiveData`). */
  readonly ingested?: ReadonlyMap<string, ReadPaper> | undefined;
  /** Pages per Astro process; default `RENDER_SHARD_PAGES`. */
  readonly shardSize?: number | undefined;
  readonly verbose?: boolean | undefined;
}

/** What was built, and the record for the next build. */
export interface RenderSiteResult {
  readonly pages: number;
  readonly rendered: number;
  readonly bundles: number;
  readonly bundlesIndexed: number;
  readonly cards: number;
  readonly cardsDrawn: number;
  /** The record for the next build, but for `files`, which the offline step fills in. */
  readonly record: Omit<BuildRecord, 'files'>;
  /** With `previous`: the last build's files that no longer belong (relative paths). */
  readonly stale: readonly string[];
  /** With `previous`: the files written into `into` (relative paths), new or replacing the last build's. */
  readonly written: readonly string[];
  /** With `previous`: the last build's files known to be exactly as it recorded them, which stay. */
  readonly unchanged: ReadonlySet<string>;
  /**
   * The digests of files this build wrote and read in full (pages, cards, citation files…),
   * by path: exact when made, so the offline step need not read them again.
   */
  readonly digests: ReadonlyMap<string, FileDigest>;
}

/** The name of each build's work folder in the cache starts so; one a killed build left is removed by the next. */
export const RENDER_WORK_PREFIX = 'render-';

const digest = (text: string): string => createHash('sha256').update(text).digest('base64url').slice(0, 22);

/** Pages whose fingerprint is unchanged and whose file in the last build is still the one it wrote. */
async function reusablePages(fingerprints: ReadonlyMap<string, string>, previous: RenderSiteOptions['previous']): Promise<Set<string>> {
  const reusable = new Set<string>();
  if (!previous) return reusable;
  const unchanged = [...fingerprints].filter(([path, fingerprint]) => previous.record.pages[path] === fingerprint).map(([path]) => path);
  await eachInBatches(unchanged, async (path) => {
    const file = pageFile(path);
    const known = previous.record.files[file];
    const found = await stat(join(previous.dir, file)).catch(() => null);
    if (known && found && found.size === known.size && found.mtimeMs === known.mtimeMs) reusable.add(path);
  });
  return reusable;
}

/** Writes the search bundles whose records changed into `into`. Returns every bundle's hash, how many were indexed, and the unchanged ones. */
async function writeSearch(archive: Archive, data: ArchiveData, salt: string, options: RenderSiteOptions) {
  const shards = planSearchShards(archive, searchShardSize(), new Map(Object.entries(data.notes)));
  const hashes: Record<string, string> = {};
  const kept: string[] = [];
  let indexed = 0;
  // Each bundle is finished while Pagefind indexes the next.
  const finishing: Promise<number>[] = [];
  try {
    for (const [index, shard] of shards.entries()) {
      const hash = digest(`${salt}\0${shard.bundle}\0${JSON.stringify(shard.records)}`);
      hashes[shard.bundle] = hash;
      const { previous } = options;
      if (previous && previous.record.search[shard.bundle] === hash && (await exists(join(previous.dir, shard.bundle)))) {
        kept.push(shard.bundle);
        continue;
      }
      finishing.push(
        (await startSearchBundle(shard.records, join(options.into, shard.bundle), { merged: index > 0, last: index === shards.length - 1 }))
          .finished,
      );
      indexed += 1;
    }
  } finally {
    await pagefind.close();
  }
  await Promise.all(finishing);
  return { hashes, bundles: shards.length, indexed, kept };
}

/** Every paper's related papers, by slug, worked out on a worker thread. */
async function relatedInWorker(archive: Archive): Promise<Record<string, RelatedPaper[]>> {
  const papers: RelatedInput[] = archive.days.flatMap((day) =>
    day.papers.map(({ slug, title, abstract, date, terms }) => ({ slug, title, abstract, date, terms })),
  );
  const [related] = await mapInWorkers([papers], {
    task: 'related',
    shared: null,
    threads: 1,
    chunkSize: 1,
  });
  return related ?? {};
}

/** Builds the site of `options.contentDir` into `options.into`. */
export async function renderSite(options: RenderSiteOptions): Promise<RenderSiteResult> {
  await mkdir(options.cacheDir, { recursive: true });
  // Astro renders inside the project (its bundled code finds the project's packages from
  // there); what it made then joins `into`, which may be on another file system.
  const work = await mkdtemp(join(options.cacheDir, RENDER_WORK_PREFIX));
  try {
    // 1. The archive, read once; Astro processes get the props of their pages, never the archive.
    const read = await timed('read', () =>
      readArchiveData(options.contentDir, join(options.cacheDir, 'papers-read.json'), options.ingested),
    );
    // Every note MDX cannot read stops the build here, each in one line, before anything renders.
    await timed('notes', () => assertNotesCompile(join(options.contentDir, PAPERS_FOLDER), Object.keys(read.notes)));
    const salt = await codeVersion();
    const plain = buildArchive(read.papers, read.definitions);

    // Related papers need the whole archive: computed once, not in each Astro process, and on
    // a thread of their own, started first: on an incremental build they are the longest step.
    const relating = timed('related', () => relatedInWorker(plain));
    relating.catch(() => {}); // awaited below; a failure must not go unhandled meanwhile

    // 2. Search records need no related papers: Pagefind indexes them in its own process while
    //    this one works out related papers and the pages, and Astro renders.
    const indexing = timed('index', () => writeSearch(plain, read, salt, options));
    // The link-preview cards need only the papers: drawn on a thread of their own meanwhile.
    const drawing = timed('cards', () => writeCards(read.papers, options));
    const rendering = (async () => {
      // 3. Every page's props, once; which changed since the last build; render those. The pages
      //    that show no related papers are planned while the related papers are worked out.
      const siteWide = siteData(plain);
      const shared = sharedObjects(new Set<object>(read.papers.flatMap((paper) => [paper, citedPaper(paper)])));
      // The JSON fingerprinting makes of the pages Astro renders is what their render plan holds.
      const kept = { json: new Map<string, string>(), limit: options.shardSize ?? RENDER_SHARD_PAGES };
      const fingerprint = (pages: readonly KindedPage[]) => pageFingerprints(pages, siteWide.navigation, read.notes, salt, shared, kept);
      const others = dataPages(
        plain,
        DATA_PAGE_KINDS.filter((kind) => kind !== 'paper'),
      );
      const otherPrints = await fingerprint(others);
      const otherReused = await reusablePages(otherPrints, options.previous);

      const archive: Archive = { ...plain, related: new Map(Object.entries(await relating)) };
      const papers = dataPages(archive, ['paper']);
      const paperPrints = await fingerprint(papers);
      const pages = [...papers, ...others];
      const fingerprints = new Map([...paperPrints, ...otherPrints]);
      const paperReused = await reusablePages(paperPrints, options.previous);
      const reused = new Set([...paperReused, ...otherReused]);
      const toRender = pages.filter((page) => !reused.has(page.path));
      for (const path of reused) kept.json.delete(path);
      const bySlug = new Map(read.papers.map((paper) => [paper.slug, paper]));
      const notes = new Map(Object.entries(read.notes).map(([slug, text]) => [slug, { paper: bySlug.get(slug)!, notes: text }]));
      // Astro renders in processes of its own; meanwhile this one makes the text of the feeds,
      // citation files and sitemaps, written once Astro's pages are in place.
      const rendering = timed('render', () =>
        renderShards(
          toRender.filter((page) => !isFileKind(page.kind)),
          {
            contentDir: options.contentDir,
            site: siteWide,
            notes,
            workDir: join(work, 'shards'),
            astroRoot: join(options.cacheDir, 'root'),
            cacheDir: join(options.cacheDir, 'astro'),
            shardSize: options.shardSize,
            verbose: options.verbose,
            pageJson: kept.json,
          },
        ),
      );
      const origin = new URL(process.env['PAPERSHELF_SITE'] || DEFAULT_SITE);
      const [filesDone, outsDone] = await Promise.allSettled([
        pageFileTexts(
          toRender.filter((page) => isFileKind(page.kind)),
          origin,
        ),
        rendering,
      ]);
      if (filesDone.status === 'rejected') throw filesDone.reason;
      if (outsDone.status === 'rejected') throw outsDone.reason;
      return { fingerprints, reused, toRender, files: filesDone.value, outs: outsDone.value };
    })();
    // 4. Once Astro is done (search and cards may still be at work, in folders of their own),
    //    assemble the new pages and check them for foreign markup. Feeds, citation files and
    //    sitemaps are written straight into their folders meanwhile: written beside Astro's
    //    pages and moved, they cost the disk a folder per paper made, emptied and removed.
    const checking = rendering.then(async (done) => {
      const rendered = await timed('assemble', async () => {
        let moved: string[] = [];
        for (const out of done.outs) moved = moved.concat(await moveTree(out, options.into));
        return moved;
      });
      const [guarded, filed] = await Promise.allSettled([
        timed('guard', () =>
          guardHtml(options.into, options.base, { files: rendered, papers: displayPath(join(options.contentDir, PAPERS_FOLDER)) }),
        ),
        writePageFiles(done.files, options.into),
      ]);
      if (guarded.status === 'rejected') throw guarded.reason;
      if (filed.status === 'rejected') throw filed.reason;
      return { ...done, digests: [guarded.value.digests, filed.value] };
    });
    // All settle before any failure is reported, so nothing still writes into the folder being cleaned up.
    const [checkingDone, indexingDone, drawingDone] = await Promise.allSettled([checking, indexing, drawing]);
    if (checkingDone.status === 'rejected') throw checkingDone.reason;
    if (indexingDone.status === 'rejected') throw indexingDone.reason;
    if (drawingDone.status === 'rejected') throw drawingDone.reason;
    const cards = drawingDone.value;
    const { fingerprints, reused, toRender, digests } = checkingDone.value;
    const search = indexingDone.value;

    // 5. Against the last build: which of its files stay as they are, and which no longer belong.
    const unchanged = new Set([...[...reused].map(pageFile), ...cards.reused]);
    let stale: string[] = [];
    const written = options.previous ? await listFiles(options.into) : [];
    if (options.previous) {
      const writtenHere = new Set(written);
      const pageFiles = new Set([...fingerprints.keys()].map(pageFile));
      const keptBundles = new Set(search.kept);
      const belongs = (path: string) =>
        writtenHere.has(path) ||
        pageFiles.has(path) ||
        Object.hasOwn(cards.hashes, path) ||
        keptBundles.has(IN_SEARCH_BUNDLE.exec(path)?.[0] ?? '');
      stale = Object.keys(options.previous.record.files).filter((path) => !belongs(path));
    }

    return {
      pages: fingerprints.size,
      rendered: toRender.length,
      bundles: search.bundles,
      bundlesIndexed: search.indexed,
      cards: cards.cards,
      cardsDrawn: cards.drawn,
      record: { pages: Object.fromEntries(fingerprints), search: search.hashes, cards: cards.hashes },
      stale,
      written,
      unchanged,
      digests: new Map([...digests, cards.digests].flatMap((part) => [...part])),
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
