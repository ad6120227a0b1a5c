/**
 * The entry point of one Astro build in a process of its own: the build planner starts one per
 * shard of pages, so the memory Astro holds for the pages it renders is returned to the system
 * when the shard is done. Settings arrive in the environment (content folder, render plan) and
 * as one JSON argument (where to write).
 *
 * Astro's root is the archive's private folder, not the project: Astro keeps the state of a
 * project's content (`.astro/`: which notes compile to which modules) under its root, and a
 * build of other sources must not leave its state where the project's own build reads it. The
 * project's configuration, templates and public files are named explicitly instead.
 */
import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'astro';
import { PROJECT_ROOT } from '../../settings/project-paths.ts';
import { writeInPlace } from './write-in-place.ts';

// This process only renders: its page writes need not leave the thread (see write-in-place.ts).
writeInPlace();
// The build that started this process is gone (killed): nothing will use what it renders.
process.on('disconnect', () => process.exit(1));
// Listening keeps the channel open, which alone would keep this process alive after the build.
process.channel?.unref();

const { root, outDir, cacheDir, verbose } = JSON.parse(process.argv[2] ?? '{}') as {
  root: string;
  outDir: string;
  cacheDir: string;
  verbose: boolean;
};
mkdirSync(root, { recursive: true });
// Astro looks for the configuration file relative to the root.
const configFile = relative(root, join(PROJECT_ROOT, 'astro.config.mjs'));
await build({ root, configFile, outDir, cacheDir, logLevel: verbose ? 'info' : 'warn' });
