/**
 * The one crossing between a build and the Astro processes it starts. A build hands each Astro
 * process its job — the settings, the content folder, and the files holding the render plan
 * and the notes — in one environment variable; Astro's configuration, the content collection
 * and the routes read it back here. An Astro process without a job (a plain `astro dev`, or
 * the `astro build` that hands the build over to src/build/build.ts) reads the user's settings,
 * config file included.
 */
import { loadSettings, type Settings } from '../../settings/settings.ts';
import { brandOf, type Brand } from '../../site/brand.ts';

/** The environment variable that carries a job into an Astro process. */
const JOB_ENV = 'PAPERSHELF_RENDER_JOB';

/** What one Astro process renders, and with what. */
export interface RenderJob {
  readonly settings: Pick<Settings, 'site' | 'base' | 'searchBundleSize'> & { readonly brand: Brand };
  /** The content folder the notes collection reads. */
  readonly content: string;
  /** The render plan (JSON of `RenderPlan`, src/build/render/render-plan.ts). */
  readonly plan: string;
  /** The notes of the plan's papers (JSON of `RenderNotes`). */
  readonly notes: string;
}

/** The environment entries that hand `job` to an Astro process. */
export function jobEnv(job: RenderJob): Record<string, string> {
  return { [JOB_ENV]: JSON.stringify(job) };
}

let job: RenderJob | null | undefined;

/** This process's job, or null in an Astro process that a build did not start. */
export function renderJob(): RenderJob | null {
  if (job === undefined) {
    const text = process.env[JOB_ENV];
    job = text ? (JSON.parse(text) as RenderJob) : null;
  }
  return job;
}

let users: Promise<RenderJob['settings'] & { readonly content: string; readonly taxonomies?: string }> | undefined;

/** The settings Astro renders with: the job's, else the user's (environment, config file, defaults), read once. */
export function astroSettings(): Promise<RenderJob['settings'] & { readonly content: string; readonly taxonomies?: string }> {
  const current = renderJob();
  if (current) return Promise.resolve({ ...current.settings, content: current.content });
  users ??= loadSettings().then((settings) => {
    const { site, base, searchBundleSize, content, taxonomies } = settings;
    return { site, base, searchBundleSize, content, taxonomies, brand: brandOf(settings) };
  });
  return users;
}
