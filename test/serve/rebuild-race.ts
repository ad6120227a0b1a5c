/**
 * Preloaded into a `papershelf serve` process by the tests (`node --import`), so that the race
 * a rebuild runs against the server happens every time: the server has found a file, and the
 * file is gone when it opens it.
 *
 * - `vanishing.html` is removed for good just before the server opens it.
 * - `swapped.html` is away only while the server's first open of it runs, as a file is
 *   between the two renames of a rebuild's swap.
 *
 * Opening is patched where every reader goes through it (`fs.open`, which `createReadStream`
 * calls, and `fs.promises.open`), so the race does not depend on how the server reads.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { basename } from 'node:path';

const named = (path: unknown, name: string): path is string => typeof path === 'string' && basename(path) === name;
let swapped = false;

/** Does to `path` what the race does before it is opened; returns what to do once the open is over. */
function race(path: unknown): () => void {
  if (named(path, 'vanishing.html')) fs.rmSync(path, { force: true });
  if (!named(path, 'swapped.html') || swapped) return () => {};
  swapped = true;
  fs.renameSync(path, `${path}.away`);
  return () => fs.renameSync(`${path}.away`, path);
}

const open = fs.open as (...args: unknown[]) => void;
fs.open = ((path: unknown, ...rest: unknown[]) => {
  const callback = rest.pop() as (...results: unknown[]) => void;
  const after = race(path);
  open(path, ...rest, (...results: unknown[]) => {
    after();
    callback(...results);
  });
}) as typeof fs.open;

const openPromise = fs.promises.open;
fs.promises.open = ((path: fs.PathLike, flags?: string | number, mode?: fs.Mode) => {
  const after = race(path);
  return openPromise(path, flags, mode).finally(after);
}) as typeof fs.promises.open;

syncBuiltinESMExports();
