/**
 * Every page of the archive with its props, its fingerprint, and whether the last build's file
 * can stay: a page whose fingerprint is unchanged and whose file is still the one the last
 * build wrote is not rendered again. The pages that show no related papers are planned while
 * the related papers are worked out on their thread.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { eachInBatches } from '../../fs/in-batches.ts';
import type { Archive } from '../../site/archive/build-archive.ts';
import type { ArchiveData } from '../../site/archive/read-archive.ts';
import type { DatasetSummary } from '../../site/formats/archive-dataset.ts';
import { citedPaper } from '../../site/formats/cited-paper.ts';
import { isFileKind } from '../../site/pages/page-files.ts';
import { DATA_PAGE_KINDS, dataPages, pageFile, siteData, type KindedPage, type SiteData } from '../../site/pages/site-pages.ts';
import type { RelatedPaper } from '../../site/related/related-papers.ts';
import type { Paper } from '../../schema/paper.ts';
import type { BuildContext, LastBuild } from '../build-context.ts';
import { pageFingerprints, sharedObjects } from '../render/page-fingerprints.ts';
import { RENDER_SHARD_PAGES } from '../render/render-shards.ts';

/** The pages of a build. */
export interface PagePlan {
  /** What the pages without data of their own show, and the navigation. */
  readonly site: SiteData;
  /** Every page's fingerprint, by path. */
  readonly fingerprints: ReadonlyMap<string, string>;
  /** The pages whose last build's file stays, by path. */
  readonly reused: ReadonlySet<string>;
  /** The pages Astro renders. */
  readonly toRender: readonly KindedPage[];
  /** The data files the build writes itself. */
  readonly toWrite: readonly KindedPage[];
  /** The JSON of pages to render, by path, as fingerprinting made it: what the render plan holds. */
  readonly pageJson: ReadonlyMap<string, string>;
  /** Papers that have notes, with their notes, by slug. */
  readonly notes: ReadonlyMap<string, { readonly paper: Paper; readonly notes: string }>;
}

/** Pages whose fingerprint is unchanged and whose file in the last build is still the one it wrote. */
async function reusablePages(fingerprints: ReadonlyMap<string, string>, last: LastBuild | undefined): Promise<Set<string>> {
  const reusable = new Set<string>();
  if (!last) return reusable;
  const unchanged = [...fingerprints].filter(([path, fingerprint]) => last.record.pages[path] === fingerprint).map(([path]) => path);
  await eachInBatches(unchanged, async (path) => {
    const file = pageFile(path);
    const known = last.record.files[file];
    const found = await stat(join(last.dir, file)).catch(() => null);
    if (known && found && found.size === known.size && found.mtimeMs === known.mtimeMs) reusable.add(path);
  });
  return reusable;
}

/**
 * Plans every page of `archive` (read as `read`); the paper pages wait for `related`. The home
 * page shows the size of the archive's download, `dataset`, which the plan waits for last.
 */
export async function planPages(
  context: BuildContext,
  read: ArchiveData,
  archive: Archive,
  related: Promise<Record<string, RelatedPaper[]>>,
  dataset?: Promise<{ readonly summary: DatasetSummary }>,
): Promise<PagePlan> {
  const site = siteData(archive, context.settings.searchBundleSize, context.settings.title);
  const shared = sharedObjects(new Set<object>(read.papers.flatMap((paper) => [paper, citedPaper(paper)])));
  const kept = { json: new Map<string, string>(), limit: context.shardSize ?? RENDER_SHARD_PAGES };
  const fingerprint = (pages: readonly KindedPage[]) =>
    pageFingerprints(pages, site.navigation, read.notes, context.codeVersion, shared, kept);

  const others = dataPages(
    archive,
    DATA_PAGE_KINDS.filter((kind) => kind !== 'paper'),
    context.settings.title,
  );
  const otherPrints = await fingerprint(others);
  const otherReused = await reusablePages(otherPrints, context.last);

  const papers = dataPages({ ...archive, related: new Map(Object.entries(await related)) }, ['paper']);
  const paperPrints = await fingerprint(papers);
  const paperReused = await reusablePages(paperPrints, context.last);

  const reused = new Set([...paperReused, ...otherReused]);
  for (const path of reused) kept.json.delete(path);
  const changed = [...papers, ...others].filter((page) => !reused.has(page.path));
  const bySlug = new Map(read.papers.map((paper) => [paper.slug, paper]));
  return {
    // Only pages without data of their own show it, and those are rendered on every build: no fingerprint holds it.
    site: dataset ? { ...site, dataset: (await dataset).summary } : site,
    fingerprints: new Map([...paperPrints, ...otherPrints]),
    reused,
    toRender: changed.filter((page) => !isFileKind(page.kind)),
    toWrite: changed.filter((page) => isFileKind(page.kind)),
    pageJson: kept.json,
    notes: new Map(Object.entries(read.notes).map(([slug, text]) => [slug, { paper: bySlug.get(slug)!, notes: text }])),
  };
}
