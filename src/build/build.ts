/**
 * A build, step by step: sources → papers → an archive at the destination, search included.
 * `papershelf build` and `astro build` (through src/integrations/papershelf.ts) both run it.
 *
 * The archive is assembled in a scratch folder beside the destination and published only when
 * every step has succeeded, so a failed build leaves the destination exactly as it was. Built
 * again into the same destination, only what changed is rendered, indexed and drawn again, and
 * the result is byte for byte what a full build writes. docs/architecture.md draws the steps,
 * the processes and threads they run in, and where each file of the archive comes from.
 */
import { chmod, copyFile, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { exists } from '../fs/exists.ts';
import { ingestProject, withContentLock, type ReadSettings } from '../ingest/ingest-project.ts';
import { ingestSources, type IngestResult } from '../ingest/ingest-sources.ts';
import { displayPath } from '../messages/errors.ts';
import { assertNotesCompile } from '../notes/check-notes.ts';
import type { Settings } from '../settings/settings.ts';
import { PAPERS_FOLDER, PROJECT_CONTENT, PROJECT_ROOT, TAXONOMY_FILE } from '../settings/project-paths.ts';
import { buildArchive, type Archive } from '../site/archive/build-archive.ts';
import { readArchiveData, type ArchiveData, type ReadPaper } from '../site/archive/read-archive.ts';
import type { RelatedPaper } from '../site/related/related-papers.ts';
import { useBase } from '../site/urls.ts';
import type { BuildContext } from './build-context.ts';
import { writeCards } from './cards/write-cards.ts';
import { cardBrand } from './cards/card-brand.ts';
import { compareBuilds } from './compare/compare-builds.ts';
import { dataFileTexts, writeDataFiles } from './data-files/write-data-files.ts';
import { writeDataset, type WrittenDataset } from './dataset/write-dataset.ts';
import { guardHtml } from './guard/guard-html.ts';
import { headMarkup } from '../site/head-markup.ts';
import { Ledger } from './ledger.ts';
import { planPages, type PagePlan } from './plan/plan-pages.ts';
import { relatePapers } from './plan/relate-papers.ts';
import { cachesOf, openBuildTarget, type BuildTarget } from './publish/build-target.ts';
import { ARCHIVE_MARKER } from './publish/output-folder.ts';
import { copyBrandFiles } from './publish/copy-brand-files.ts';
import { publishArchive } from './publish/publish-archive.ts';
import { readBuildRecord } from './render/build-record.ts';
import { codeVersion } from './render/code-version.ts';
import { renderPages } from './render/render-pages.ts';
import { runTogether } from './run-together.ts';
import { writeSearch } from './search/write-search.ts';
import { timed } from './stage-clock.ts';

/** What to build, from what, and where. */
export interface BuildRequest {
  readonly settings: Settings;
  /** Build exactly these sources; with none, the content folder's own sources, ingested into it first. */
  readonly sources: readonly string[];
  /** How the sources are read. */
  readonly read: ReadSettings;
  /** The output folder, the zip, or both. */
  readonly out?: string | undefined;
  readonly zip?: string | undefined;
  /** Make the archive work opened from disk (implied by `zip`). */
  readonly portable?: boolean | undefined;
  /** Pages per Astro process (tests use a few). */
  readonly shardSize?: number | undefined;
}

/** What a build made: all pages, search bundles and cards, and how many of them anew. */
export interface BuildStats {
  readonly pages: number;
  readonly rendered: number;
  readonly bundles: number;
  readonly bundlesIndexed: number;
  readonly cards: number;
  readonly cardsDrawn: number;
}

/** The ingest's outcome, and what was built: `built` is null when invalid entries stopped the build. */
export interface BuildOutcome extends IngestResult {
  readonly built: BuildStats | null;
}

/** Builds the archive `request` asks for. */
export async function build(request: BuildRequest): Promise<BuildOutcome> {
  const { settings, sources } = request;
  useBase(settings.base);
  // 1. The destination, proved Papershelf's own (or new, or empty) and held for this build.
  const target = await openBuildTarget(
    { out: request.out, zip: request.zip },
    { projects: [settings.root, PROJECT_ROOT], content: settings.content, sources },
    cachesOf(settings.root),
  );
  try {
    if (sources.length > 0) {
      // 2. Sources → papers: exactly these, into the archive's private content folder, never the project's.
      const content = join(target.cache, 'content');
      await mkdir(content, { recursive: true });
      // The taxonomies: the command's, else the archive's (config `taxonomies`), else the project's own.
      const taxonomies = (await exists(settings.taxonomies)) ? settings.taxonomies : join(PROJECT_CONTENT, TAXONOMY_FILE);
      await copyFile(request.read.taxonomyFile ?? taxonomies, join(content, TAXONOMY_FILE));
      const ingested = await timed('ingest', () => ingestSources(sources, { ...request.read, contentDir: content }));
      return { ...ingested, built: ingested.written ? await buildContent(content, ingested.written.fresh, target, request) : null };
    }
    // 2. Sources → papers: the content folder's own, which no other ingest touches until the archive is built.
    return await withContentLock(settings.content, async () => {
      const ingested = await timed('ingest', () =>
        ingestProject(settings.content, [], { ...request.read, taxonomyFile: settings.taxonomies }),
      );
      return {
        ...ingested,
        built: ingested.written ? await buildContent(settings.content, ingested.written.fresh, target, request) : null,
      };
    });
  } catch (error) {
    // A system error that names no file (a write on a full disk) happened writing the archive.
    const system = error as NodeJS.ErrnoException;
    if (typeof system.code === 'string' && typeof system.syscall === 'string' && system.path === undefined)
      system.path = target.destination;
    throw error;
  } finally {
    target.release();
  }
}

/** Builds the archive of the content folder `content` into the target. `ingested`: the paper files the ingest just wrote. */
async function buildContent(
  content: string,
  ingested: ReadonlyMap<string, ReadPaper>,
  target: BuildTarget,
  request: BuildRequest,
): Promise<BuildStats> {
  const { settings } = request;
  const portable = Boolean(request.portable || target.zip);
  const recordFile = join(target.cache, 'build-record.json');
  // 3. The last build: reused only by a plain `--out` that an earlier build marked (a portable
  //    archive is rewritten in place, so it is always built whole).
  const { out } = target;
  const record = out && !portable && (await exists(join(out, ARCHIVE_MARKER))) ? await readBuildRecord(recordFile) : null;
  await mkdir(target.cache, { recursive: true });
  const scratch = await target.scratch();
  try {
    const context: BuildContext = {
      settings,
      content,
      cache: target.cache,
      into: await readableFolder(join(scratch, 'site')),
      last: record && out ? { dir: out, record } : undefined,
      codeVersion: await codeVersion(settings),
      ledger: new Ledger(),
      shardSize: request.shardSize,
    };
    // 4. The archive, read once: papers, notes, taxonomies. Astro processes get the props of their pages, never the archive.
    // The content folder's taxonomies are the settings' (config `taxonomies`); a build of sources copied its own in.
    const taxonomies = content === request.settings.content ? request.settings.taxonomies : join(content, TAXONOMY_FILE);
    const read = await timed('read', () => readArchiveData(content, join(target.cache, 'papers-read.json'), ingested, taxonomies));
    // 5. Every note MDX cannot read stops the build here, each in one line, before anything renders.
    await timed('notes', () => assertNotesCompile(join(content, PAPERS_FOLDER), Object.keys(read.notes)));
    const archive = buildArchive(read.papers, read.definitions, undefined, read.addresses, read.notes);

    // 6. Five lines of work at once: related papers (a worker thread, started first: on a new
    //    day they are the longest step), the archive's download (deflated on libuv's threads;
    //    the home page shows its size), the search index (Pagefind's process; it needs no
    //    related papers), the cards (a worker thread when there are many), and the pages
    //    (Astro's processes; steps 6a–6c below), which wait for the related papers and the download.
    const related = timed('related', () => relatePapers(archive));
    const download = timed('dataset', () =>
      writeDataset(archive.papers, { into: context.into, address: new URL(settings.base, settings.site).href, last: context.last }),
    );
    const { pages, search, cards, dataset } = await runTogether({
      related: () => related,
      dataset: () => download,
      search: () => timed('index', () => writeSearch(archive, read.notes, searchOptions(context))),
      cards: () =>
        timed('cards', () => writeCards(read.papers, { into: context.into, previous: context.last, brand: cardBrand(settings) })),
      pages: () => makePages(context, read, archive, related, download),
    });
    context.ledger.add(cards.digests);
    context.ledger.add(dataset.digests);
    // The owner's logo and favicon (papershelf.config.mjs), beside the pages that link to them.
    await copyBrandFiles(settings, context.into);

    // 7. Against the last build: which of its files stay as they are, and which no longer belong.
    const changes = await compareBuilds(context, pages, cards, search, dataset);
    // 8. The offline files, then the archive published at the destination.
    const finished = {
      record: { pages: Object.fromEntries(pages.fingerprints), search: search.hashes, cards: cards.hashes, dataset: dataset.hash },
      changes,
    };
    await publishArchive(context, target, finished, { portable, scratch, recordFile });
    return {
      pages: pages.fingerprints.size,
      rendered: pages.toRender.length + pages.toWrite.length,
      bundles: search.bundles,
      bundlesIndexed: search.indexed,
      cards: cards.cards,
      cardsDrawn: cards.drawn,
    };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/**
 * The pages: planned, then rendered by Astro while this process makes the data files' text,
 * then checked for foreign markup while the data files are written straight into their
 * folders (written beside Astro's pages and moved, they would cost a folder per paper).
 */
async function makePages(
  context: BuildContext,
  read: ArchiveData,
  archive: Archive,
  related: Promise<Record<string, RelatedPaper[]>>,
  download: Promise<WrittenDataset>,
): Promise<PagePlan> {
  // 6a. Every page's props and fingerprint; which changed since the last build.
  const plan = await planPages(context, read, archive, related, download);
  // 6b. Render the changed pages; make the changed data files.
  const { rendered, dataFiles } = await runTogether({
    rendered: () => renderPages(plan, context),
    dataFiles: () => dataFileTexts(plan.toWrite, new URL(context.settings.site)),
  });
  // 6c. Guard the new pages; write the data files.
  const papers = displayPath(join(context.content, PAPERS_FOLDER));
  const { guarded, written } = await runTogether({
    guarded: () =>
      timed('guard', () =>
        guardHtml(context.into, context.settings.base, { files: rendered, papers, head: headMarkup(context.settings.head) }),
      ),
    written: () => writeDataFiles(dataFiles, context.into),
  });
  context.ledger.add(guarded.digests);
  context.ledger.add(written);
  return plan;
}

/** Where the search step writes, from the context. */
const searchOptions = (context: BuildContext) => ({
  into: context.into,
  bundleSize: context.settings.searchBundleSize,
  codeVersion: context.codeVersion,
  last: context.last,
});

/**
 * Makes the folder `dir`, readable by all: the published archive is copied to web servers, which
 * read it as another user. A file system without modes (FAT, on a USB stick) refuses; its
 * folders are readable anyway.
 */
async function readableFolder(dir: string): Promise<string> {
  await mkdir(dir);
  await chmod(dir, 0o755).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPERM' && error.code !== 'ENOTSUP' && error.code !== 'EOPNOTSUPP') throw error;
  });
  return dir;
}
