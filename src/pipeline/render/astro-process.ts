/**
 * The entry point of one Astro build in a process of its own: the build planner starts one per
 * shard of pages, so the memory Astro holds for the pages it renders is returned to the system
 * when the shard is done. Settings arrive in the environment (content folder, render plan) and
 * as one JSON argument (where to write).
 */
import { build } from 'astro';
import { PROJECT_ROOT } from '../project-paths.ts';
import { writeInPlace } from './write-in-place.ts';

// This process only renders: its page writes need not leave the thread (see write-in-place.ts).
writeInPlace();

const { outDir, cacheDir, verbose } = JSON.parse(process.argv[2] ?? '{}') as { outDir: string; cacheDir: string; verbose: boolean };
await build({ root: PROJECT_ROOT, outDir, cacheDir, logLevel: verbose ? 'info' : 'warn' });
