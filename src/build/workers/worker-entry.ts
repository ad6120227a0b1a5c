/** The one entry file of every worker thread: runs the task the pool names (src/build/workers/worker-tasks.ts) on each chunk it sends. */
import { parentPort, workerData } from 'node:worker_threads';
import { WORKER_TASKS, type TaskName } from './worker-tasks.ts';
import { POOL_MARK } from './pool-mark.ts';

const data = workerData as { [POOL_MARK]?: true; task: TaskName; shared: unknown } | null | undefined;
if (parentPort !== null && data?.[POOL_MARK] === true) {
  const port = parentPort;
  // Messages wait in the port until a listener is attached, so none is lost while the task loads.
  const task = (await WORKER_TASKS[data.task]()) as (shared: unknown, items: readonly unknown[]) => unknown[];
  port.on('message', ({ index, items }: { index: number; items: unknown[] }) => {
    try {
      port.postMessage({ index, answers: task(data.shared, items) });
    } catch (error) {
      port.postMessage({ index, error });
    }
  });
}
