/** What an entry of the catalogue (src/messages/messages.ts) is, and how it is said: one line. */
import { RunError, UserError } from './errors.ts';

/**
 * One entry. `P` lists what it needs to be said. A message that is a function takes them all;
 * a hint that is one takes them too, or the first few (it may also take more than the message).
 */
export interface Message<P extends unknown[] = []> {
  /** The entry's key in this catalogue. */
  readonly name: string;
  /** What is wrong, without a closing period. */
  readonly message: string | ((...params: P) => string);
  /** What to do about it. */
  readonly hint: string | ((...params: P) => string);
  /** What goes between message and hint; `; ` when left out. */
  readonly joiner?: string;
}

/** The parameters of `F`, when it is a function; none when it is a string. */
type ParamsOf<F> = F extends (...params: infer P) => string ? P : [];

/** The longer of two parameter lists, where one starts the other. */
type Longer<A extends unknown[], B extends unknown[]> = B extends [...A, ...unknown[]] ? B : A;

/** What an entry of the catalogue takes: its message's parameters, or its hint's when the hint takes more. */
export type MessageParams<M extends Message<any>> = Longer<ParamsOf<M['message']>, ParamsOf<M['hint']>>;

/** The one line `entry` prints for `params`: its message, its joiner (`; ` unless it says), its hint. */
export function messageLine<M extends Message<any>>(entry: M, ...params: MessageParams<M>): string {
  const message = typeof entry.message === 'function' ? entry.message(...params) : entry.message;
  const hint = typeof entry.hint === 'function' ? entry.hint(...params) : entry.hint;
  return `${message}${entry.joiner ?? '; '}${hint}`;
}

/** A mistake in the command, as the catalogue's `entry` says it for `params`. */
export function userError<M extends Message<any>>(entry: M, ...params: MessageParams<M>): UserError {
  return new UserError(messageLine(entry, ...params));
}

/** A run that could not finish, as the catalogue's `entry` says it for `params`. */
export function runError<M extends Message<any>>(entry: M, ...params: MessageParams<M>): RunError {
  return new RunError(messageLine(entry, ...params));
}
