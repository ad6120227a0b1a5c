/**
 * The build's concurrency, declared in one place: lines of work that run at once. Every line
 * settles before a failure is reported, so nothing still writes into a folder that is being
 * cleaned up; the first failure, in the order given, is the one thrown.
 */

/** The result of every line, by name. */
type Results<Lines> = { [Name in keyof Lines]: Lines[Name] extends () => Promise<infer Result> ? Result : never };

/** Starts every line of `lines`, in the order given; returns their results by name once all are done. */
export async function runTogether<Lines extends Record<string, () => Promise<unknown>>>(lines: Lines): Promise<Results<Lines>> {
  const names = Object.keys(lines);
  const settled = await Promise.allSettled(names.map((name) => lines[name]!()));
  const failed = settled.find((outcome) => outcome.status === 'rejected');
  if (failed) throw failed.reason;
  return Object.fromEntries(names.map((name, n) => [name, (settled[n] as PromiseFulfilledResult<unknown>).value])) as Results<Lines>;
}
