/**
 * Requests one at a time, each starting at least a given time after the one before finished:
 * the arXiv API's terms ask for three seconds.
 */

/** Runs one request (every try of it goes through the gate). */
export type Gate = <T>(request: () => Promise<T>) => Promise<T>;

/** A gate that lets one request through at a time, `spacingMs` after the last one ended. */
export function spaceRequests(spacingMs: number): Gate {
  let lastEnd = Number.NEGATIVE_INFINITY;
  let queue: Promise<unknown> = Promise.resolve();
  return <T>(request: () => Promise<T>): Promise<T> => {
    const turn = queue.then(async () => {
      // A loop: a timer may fire a fraction of a millisecond before the clock says it should.
      for (let delay = lastEnd + spacingMs - performance.now(); delay > 0; delay = lastEnd + spacingMs - performance.now()) {
        await new Promise((resolve) => setTimeout(resolve, Math.ceil(delay)));
      }
      try {
        return await request();
      } finally {
        lastEnd = performance.now();
      }
    });
    // The next request waits for this one, whether it succeeded or not.
    queue = turn.catch(() => {});
    return turn;
  };
}

/** The gate that lets every request through at once (requests are still made one after another by their callers). */
export const noGate: Gate = (request) => request();
