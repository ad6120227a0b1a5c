/**
 * I/O: renders a set of pages with Astro, in shards of at most `shardSize` pages, one process
 * per shard, one shard after another. Astro holds what it renders in memory until its build
 * ends, so a process per shard keeps memory bounded however large the archive; the shards run
 * in turn because Astro builds of one project share working folders.
 */
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { jobEnv, type RenderJob } from './astro-boundary.ts';
import type { RenderNotes, RenderPlan } from './render-plan.ts';
import type { KindedPage, SiteData } from '../../site/pages/site-pages.ts';
import type { Paper } from '../../schema/paper.ts';
import { RunError } from '../../messages/errors.ts';
import { PROJECT_ROOT } from '../../settings/project-paths.ts';

/** Pages one Astro process renders: its peak memory grows with them (docs/benchmarks.md). */
export const RENDER_SHARD_PAGES = 25_000;

/** Where and how to render. */
export interface RenderOptions {
  /** The content folder (where the notes collection points). */
  readonly contentDir: string;
  /** The settings Astro renders with. */
  readonly settings: RenderJob['settings'];
  /** What the pages every run renders show (src/site/pages/site-pages.ts). */
  readonly site: SiteData;
  /** Papers that have notes, and their notes, by slug. */
  readonly notes: ReadonlyMap<string, { readonly paper: Paper; readonly notes: string }>;
  /** A private folder for plans and each shard's output. */
  readonly workDir: string;
  /** Astro's root for this archive, reused from build to build: its `.astro/` is this archive's alone. */
  readonly astroRoot: string;
  /** Astro's cache folder, reused from build to build. */
  readonly cacheDir: string;
  readonly shardSize?: number | undefined;
  readonly verbose?: boolean | undefined;
  /** The JSON of pages, by path, already made (by fingerprinting); the others are serialized here. */
  readonly pageJson?: ReadonlyMap<string, string> | undefined;
}

/**
 * Names Vite and Astro give `import.meta.env` themselves. A `BASE_URL` in the environment
 * (Vitest sets `BASE_URL=/` for its tests; a shell may have one) wins over the configured
 * base, and every link of a build for `/papershelf/` then leaves it; the other names are
 * dropped so none of them can do the same.
 */
const BUILT_IN_ENV = ['BASE_URL', 'SITE', 'MODE', 'DEV', 'PROD', 'SSR', 'ASSETS_PREFIX'];

/** The environment of an Astro process: ours, without the names Astro defines itself. */
const astroEnv = (): NodeJS.ProcessEnv => Object.fromEntries(Object.entries(process.env).filter(([name]) => !BUILT_IN_ENV.includes(name)));

/** Runs one Astro build in a child process (its plan and notes in files); rejects with its output when it fails. */
function runAstro(outDir: string, plan: { readonly pages: string; readonly notes: string }, options: RenderOptions): Promise<void> {
  const entry = join(PROJECT_ROOT, 'src', 'build', 'render', 'astro-process.ts');
  const args = JSON.stringify({ root: options.astroRoot, outDir, cacheDir: options.cacheDir, verbose: Boolean(options.verbose) });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry, args], {
      cwd: PROJECT_ROOT,
      env: {
        ...astroEnv(),
        ...jobEnv({ settings: options.settings, content: options.contentDir, plan: plan.pages, notes: plan.notes }),
        ASTRO_TELEMETRY_DISABLED: '1',
      },
      // The IPC channel closes when this process ends, however it ends: the Astro process then
      // ends too, instead of writing on into a folder the next build is cleaning up.
      stdio: ['ignore', options.verbose ? 'inherit' : 'pipe', 'pipe', 'ipc'],
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (options.verbose) process.stderr.write(chunk);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else
        reject(
          new RunError(
            `Astro failed to render the pages (${signal ?? `exit code ${code}`}):\n${output.trim().split('\n').slice(-30).join('\n')}`,
          ),
        );
    });
  });
}

/** `JSON.stringify(plan)`, with the JSON of each page taken from `pageJson` where it is there. */
export function planText(plan: RenderPlan, pageJson: ReadonlyMap<string, string> = new Map()): string {
  const pages = plan.pages.map((page) => pageJson.get(page.path) ?? JSON.stringify(page));
  return `{"site":${JSON.stringify(plan.site)},"pages":[${pages.join(',')}]}`;
}

/** The notes of a shard's papers that have any. */
function shardNotes(pages: readonly KindedPage[], options: RenderOptions): RenderNotes {
  const notes: Record<string, { paper: Paper; notes: string }> = {};
  for (const page of pages) {
    const noted = page.kind === 'paper' ? options.notes.get(page.params['slug'] ?? '') : undefined;
    if (noted) notes[noted.paper.slug] = noted;
  }
  return notes;
}

/**
 * Renders `pages` and the pages without data of their own (home, search, 404…, which every run
 * renders). Returns the output folder of each shard, in order.
 */
export async function renderShards(pages: readonly KindedPage[], options: RenderOptions): Promise<string[]> {
  const size = options.shardSize ?? RENDER_SHARD_PAGES;
  const outs: string[] = [];
  // Always at least one run: the pages without data change whenever anything does.
  for (let start = 0; start === 0 || start < pages.length; start += size) {
    const index = outs.length;
    const plan = { pages: join(options.workDir, `plan-${index}.json`), notes: join(options.workDir, `notes-${index}.json`) };
    const outDir = join(options.workDir, `shard-${index}`);
    const shard = pages.slice(start, start + size);
    await mkdir(options.workDir, { recursive: true });
    await writeFile(plan.pages, planText({ site: options.site, pages: shard }, options.pageJson));
    await writeFile(plan.notes, JSON.stringify(shardNotes(shard, options)));
    await runAstro(outDir, plan, options);
    outs.push(outDir);
  }
  return outs;
}
