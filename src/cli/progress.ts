/**
 * Progress for long runs: a single self-rewriting line on an interactive terminal, nothing
 * at all in CI or when output is piped, so logs and the output contract stay clean.
 */

/** Reports how far a step has come. */
export interface Progress {
  tick(done: number): void;
  finish(): void;
}

const SILENT: Progress = { tick: () => {}, finish: () => {} };

/** Whether progress lines may be drawn: standard error is a terminal and this is not CI. */
export function progressWanted(stream: NodeJS.WriteStream = process.stderr): boolean {
  return Boolean(stream.isTTY) && !process.env['CI'];
}

/** A progress line for `label` out of `total` items, redrawn at most every 100 ms. */
export function startProgress(label: string, total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!progressWanted(stream) || total < 1000) return SILENT;
  let last = 0;
  const draw = (done: number) => stream.write(`\r${label}: ${done}/${total} (${Math.floor((done / total) * 100)}%)`);
  return {
    tick(done) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      draw(done);
    },
    finish() {
      draw(total);
      stream.write('\n');
    },
  };
}
