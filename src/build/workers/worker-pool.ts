/**
 * Spreads one task over worker threads, for the passes that read every file of a built site.
 * The parent sends chunks of items on demand, so a slow chunk never holds up the others, and
 * puts the answers back in item order: the result does not depend on which thread ran what.
 *
 * A task is named from the registry (src/build/workers/worker-tasks.ts); every thread runs the
 * one entry file beside this module, which loads that task. Node runs it with type stripping.
 * When the entry is not on disk (this module bundled somewhere else), or there are few items,
 * the task runs in this thread instead.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { PROJECT_ROOT } from '../../settings/project-paths.ts';
import { POOL_MARK } from './pool-mark.ts';
import { WORKER_TASKS, type TaskName, type TaskOf } from './worker-tasks.ts';

/** What every chunk of a task shares, the items it takes, and what it answers for each. */
type SharedOf<Name extends TaskName> = Parameters<TaskOf<Name>>[0];
type ItemOf<Name extends TaskName> = Parameters<TaskOf<Name>>[1][number];
type AnswerOf<Name extends TaskName> = ReturnType<TaskOf<Name>>[number];

/** How `mapInWorkers` runs a task. */
export interface PoolOptions<Name extends TaskName> {
  /** The task, by its name in the registry. */
  readonly task: Name;
  /** Sent once to every worker (structured-cloned). */
  readonly shared: SharedOf<Name>;
  /** Worker threads. Default: one per core, at most 8, and none for fewer than 500 items; 0 runs in this thread. */
  readonly threads?: number | undefined;
  /** Items per message. Default 100. */
  readonly chunkSize?: number | undefined;
  /** Told how many items have their answers, as chunks come back. */
  readonly onProgress?: ((done: number) => void) | undefined;
  /**
   * Given the answers as soon as they and all answers before them are in, in item order
   * (`start` is the index of the first item answered): the caller can put them to use while
   * the threads work on.
   */
  readonly onAnswers?: ((start: number, answers: readonly AnswerOf<Name>[]) => void) | undefined;
}

/** Below this many items, starting threads costs more than it saves. */
const FEW_ITEMS = 500;
/** More threads than this only contend for the disk. */
const MAX_THREADS = 8;

/** Chunks a thread holds at once: the one it works on and one in reserve. */
const CHUNKS_AHEAD = 2;

/** The worker entry on disk: beside this module, or where it lives in the project when this module was bundled. */
function entryFile(): string | null {
  const name = 'worker-entry.ts';
  const here = new URL(name, import.meta.url);
  const candidates = [...(here.protocol === 'file:' ? [fileURLToPath(here)] : []), join(PROJECT_ROOT, 'src', 'build', 'workers', name)];
  return candidates.find((file) => existsSync(file)) ?? null;
}

/** Runs `task` over `items` on worker threads (or in this thread), returning the answers of all chunks, in item order. */
export async function mapInWorkers<Name extends TaskName>(
  items: readonly ItemOf<Name>[],
  options: PoolOptions<Name>,
): Promise<AnswerOf<Name>[]> {
  type Item = ItemOf<Name>;
  type Answer = AnswerOf<Name>;
  const chunkSize = options.chunkSize ?? 100;
  const chunks: (readonly Item[])[] = [];
  for (let start = 0; start < items.length; start += chunkSize) chunks.push(items.slice(start, start + chunkSize));
  const wanted = options.threads ?? (items.length < FEW_ITEMS ? 0 : Math.min(availableParallelism(), MAX_THREADS));
  const threads = Math.min(wanted, chunks.length);
  const entry = threads > 0 ? entryFile() : null;
  if (entry === null) {
    const task = (await WORKER_TASKS[options.task]()) as (shared: SharedOf<Name>, items: readonly Item[]) => Answer[];
    const answers = task(options.shared, items);
    options.onAnswers?.(0, answers);
    return answers;
  }

  const answers: Answer[][] = new Array(chunks.length);
  const workers: Worker[] = [];
  try {
    let next = 0;
    let done = 0;
    /** The first chunk not yet handed to `onAnswers`. */
    let delivered = 0;
    const deliver = () => {
      for (; delivered < chunks.length && answers[delivered] !== undefined; delivered += 1) {
        options.onAnswers?.(delivered * chunkSize, answers[delivered]!);
      }
    };
    await new Promise<void>((resolve, reject) => {
      let running = threads;
      /** Set once `onAnswers` has thrown: answers still on their way are dropped, not handed over. */
      let failed = false;
      /** Per thread: sends it the next chunk, if any is left. */
      const senders: (() => void)[] = [];
      for (let n = 0; n < threads; n += 1) {
        const worker = new Worker(entry, { workerData: { [POOL_MARK]: true, task: options.task, shared: options.shared } });
        workers.push(worker);
        /** Chunks sent to this thread and not yet answered. */
        let pending = 0;
        /** Sends the next chunk, if any is left. */
        const send = (): void => {
          if (next >= chunks.length) return;
          worker.postMessage({ index: next, items: chunks[next] });
          next += 1;
          pending += 1;
        };
        worker.on('message', (reply: { index: number; answers?: Answer[]; error?: unknown }) => {
          if (failed) return;
          if (reply.answers === undefined) return reject(reply.error);
          pending -= 1;
          answers[reply.index] = reply.answers;
          done += reply.answers.length;
          options.onProgress?.(done);
          // More work goes out first, so the thread works while this one takes in the answers.
          send();
          try {
            deliver();
          } catch (error) {
            failed = true;
            return reject(error);
          }
          if (pending === 0 && --running === 0) resolve();
        });
        worker.on('error', reject);
        // Before the work is done no worker exits on its own; afterwards this is a no-op.
        worker.on('exit', (code) => reject(new Error(`worker thread of task ${options.task} stopped early, with exit code ${code}`)));
        senders.push(send);
      }
      // Each thread gets a chunk (there are at least as many chunks as threads), then each one
      // more in reserve: when it answers while this thread is busy (planning pages, writing
      // files), it goes on with that one instead of waiting to be sent the next.
      for (let round = 0; round < CHUNKS_AHEAD; round += 1) for (const send of senders) send();
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return answers.flat();
}
