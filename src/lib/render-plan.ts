/**
 * Which pages this Astro run renders. A plain `astro build` renders every page; the build
 * planner (src/pipeline/render/) instead names the pages that changed, or one shard of a large
 * archive, in a file given by `PAPERSHELF_RENDER_PLAN`, and reuses the rest from the last build.
 */
import { readFileSync } from 'node:fs';
import type { SitePage } from './site-pages.ts';

/** The environment variable naming the plan file: a JSON array of page paths below the base. */
export const RENDER_PLAN_ENV = 'PAPERSHELF_RENDER_PLAN';

/** Set when `papershelf build` drives Astro: the integration then leaves guard, index and offline files to it. */
export const ORCHESTRATED_ENV = 'PAPERSHELF_ORCHESTRATED';

let plan: ReadonlySet<string> | null | undefined;

/** The paths to render, or null for all of them. */
export function plannedPaths(): ReadonlySet<string> | null {
  if (plan === undefined) {
    const file = process.env[RENDER_PLAN_ENV];
    plan = file ? new Set(JSON.parse(readFileSync(file, 'utf8')) as string[]) : null;
  }
  return plan;
}

/** The routes of `pages` this run renders, as `getStaticPaths` returns them. */
export function routesToRender<Props>(pages: readonly SitePage<Props>[]): { params: Record<string, string | undefined>; props: Props }[] {
  const paths = plannedPaths();
  return pages.filter((page) => paths === null || paths.has(page.path)).map(({ params, props }) => ({ params, props }));
}
