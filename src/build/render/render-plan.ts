/**
 * The render plan: what one Astro run renders, written by the build (src/build/build.ts) to a
 * file its job names (src/build/render/astro-boundary.ts). It carries the pages with their
 * props and the site-wide data, and beside it, in a file of its own, the notes of the papers
 * it renders, so an Astro run never reads or recomputes the archive. Without a plan
 * (`astro dev`), the routes compute every page from the archive.
 *
 * The notes have a file of their own because the content collection, which wants only them,
 * loads in a module graph of its own: reading them from the plan parsed the plan twice and
 * held it twice for the whole run.
 */
import { readFileSync } from 'node:fs';
import type { Paper } from '../../schema/paper.ts';
import { renderJob } from './astro-boundary.ts';
import type { KindedPage, SiteData } from '../../site/pages/site-pages.ts';

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
    const file = renderJob()?.plan;
    plan = file ? (JSON.parse(readFileSync(file, 'utf8')) as RenderPlan) : null;
  }
  return plan;
}

/** This run's notes, or null for a run without a plan. Read on each call: the content collection loads once a run. */
export function readPlanNotes(): RenderNotes | null {
  const file = renderJob()?.notes;
  return file ? (JSON.parse(readFileSync(file, 'utf8')) as RenderNotes) : null;
}
