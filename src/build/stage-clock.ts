/**
 * Where the time of a run goes, stage by stage, for `--report` and the benchmark. The stages
 * are held on `globalThis` because the Astro integration runs in modules Vite loads apart from
 * the command line's own, and both must add to one list.
 */

/** One stage of a run, with wall-clock start and end in milliseconds since the epoch. */
export interface Stage {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

const KEY = Symbol.for('papershelf.stages');
const store = globalThis as typeof globalThis & { [KEY]?: Stage[] };

/** Every stage timed so far in this process, in the order they finished. */
export function stageTimes(): readonly Stage[] {
  return (store[KEY] ??= []);
}

/** Runs `work` as the stage `name`, recording when it started and ended (also when it fails). */
export async function timed<T>(name: string, work: () => Promise<T>): Promise<T> {
  const start = Date.now();
  try {
    return await work();
  } finally {
    (store[KEY] ??= []).push({ name, start, end: Date.now() });
  }
}
