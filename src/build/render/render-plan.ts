/**
 * The render plan: what one Astro run renders, written by the build planner
 * (src/build/render/) to a file named by `PAPERSHELF_RENDER_PLAN`. It carries the pages with
 * their props and the site-wide data, and beside it, in a file named by
 * `PAPERSHELF_RENDER_NOTES`, the notes of the papers it renders, so an Astro run never reads or
 * recomputes the archive: at 100,000 papers that was most of a run's own time. Without a plan
 * (a plain `astro build`, `astro dev`), the routes compute every page from the archive.
 *
 * The notes have a file of their own because the content collection, which wants only them,
 * loads in a module graph of its own: reading them from the plan parsed the plan twice (65 MB of
 * JSON at 13,292 papers) and held it twice for the whole run.
 */
import { readFileSync } from 'node:fs';
import type { Paper } from '../../schema/paper.ts';
import type { KindedPage, SiteData } from '../../site/pages/site-pages.ts';

/** The environment variable naming the plan file (JSON of `RenderPlan`). */
export const RENDER_PLAN_ENV = 'PAPERSHELF_RENDER_PLAN';

/** The environment variable naming the notes file (JSON of `RenderNotes`). */
export const RENDER_NOTES_ENV = 'PAPERSHELF_RENDER_NOTES';

/** Set when `papershelf build` drives Astro: the integration then leaves guard, index and offline files to it. */
export const ORCHESTRATED_ENV = 'PAPERSHELF_ORCHESTRATED';

/** One Astro run's work. */
export interface RenderPlan {
  readonly site: SiteData;
  readonly pages: readonly KindedPage[];
}

/** The notes of the papers among a plan's pages that have notes, with their data, by slug. */
export type RenderNotes = Readonly<Record<string, { readonly paper: Paper; readonly notes: string }>>;

let plan: RenderPlan | null | undefined;

/** This run's plan, read once, or null for a run without one. */
export function readPlanFile(): RenderPlan | null {
  if (plan === undefined) {
    const file = process.env[RENDER_PLAN_ENV];
    plan = file ? (JSON.parse(readFileSync(file, 'utf8')) as RenderPlan) : null;
  }
  return plan;
}

/** This run's notes, or null for a run without a plan. Read on each call: the content collection loads once a run. */
export function readPlanNotes(): RenderNotes | null {
  const file = process.env[RENDER_NOTES_ENV];
  return file ? (JSON.parse(readFileSync(file, 'utf8')) as RenderNotes) : null;
}
