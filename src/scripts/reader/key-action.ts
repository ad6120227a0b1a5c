/**
 * The reader's keys, decided without the DOM so the rules can be tested: `/` search, `j` / `k`
 * next / previous paper, `?` the list of keys. Pure; the page wiring is in start-reader.ts.
 */

/** What a key asks the page to do. */
export type KeyAction = 'search' | 'next' | 'previous' | 'help';

/** The parts of a `keydown` event that decide the action. */
export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly altKey: boolean;
  readonly metaKey: boolean;
}

const ACTIONS = new Map<string, KeyAction>([
  ['/', 'search'],
  ['j', 'next'],
  ['k', 'previous'],
  ['?', 'help'],
]);

/**
 * The action for a key press, or undefined when the key is not one of ours, when Ctrl, Alt or Meta
 * is held (those belong to the browser and the system), or when the reader is typing in a
 * field. Shift is allowed: it is how `?` is typed on most layouts, and `J` is not `j`.
 */
export function keyAction(press: KeyPress, typing: boolean): KeyAction | undefined {
  return typing || press.ctrlKey || press.altKey || press.metaKey ? undefined : ACTIONS.get(press.key);
}

/**
 * The item to focus when moving `step` through `count` items from `current` (-1: none has
 * focus yet, so either key starts at the first). Stops at both ends rather than wrapping, so
 * holding `j` does not jump from the last paper back to the top.
 */
export function stepIndex(current: number, count: number, step: 1 | -1): number {
  if (current < 0) return 0;
  return Math.min(count - 1, Math.max(0, current + step));
}
