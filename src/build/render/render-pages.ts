/**
 * The pages Astro renders, rendered (src/build/render/render-shards.ts) in this archive's
 * private folder and then moved into the folder that receives the build, which may be on
 * another file system. Returns the files moved, relative to that folder.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { moveTree } from '../../fs/move-tree.ts';
import type { BuildContext } from '../build-context.ts';
import type { PagePlan } from '../plan/plan-pages.ts';
import { timed } from '../stage-clock.ts';
import { renderShards } from './render-shards.ts';
import { brandOf } from '../../site/brand.ts';

/** The name of each build's render folder in the cache starts so; one a killed build left is removed by the next. */
export const RENDER_WORK_PREFIX = 'render-';

/** Renders the pages of `plan` that Astro renders into `context.into`. */
export async function renderPages(plan: PagePlan, context: BuildContext): Promise<string[]> {
  const work = await mkdtemp(join(context.cache, RENDER_WORK_PREFIX));
  try {
    const { site, base, searchBundleSize, verbose } = context.settings;
    const outs = await timed('render', () =>
      renderShards(plan.toRender, {
        contentDir: context.content,
        settings: { site, base, searchBundleSize, brand: brandOf(context.settings) },
        site: plan.site,
        notes: plan.notes,
        workDir: join(work, 'shards'),
        astroRoot: join(context.cache, 'root'),
        cacheDir: join(context.cache, 'astro'),
        shardSize: context.shardSize,
        verbose,
        pageJson: plan.pageJson,
      }),
    );
    return await timed('assemble', async () => {
      let moved: string[] = [];
      for (const out of outs) moved = moved.concat(await moveTree(out, context.into));
      return moved;
    });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
