import { describe, expect, it } from 'vitest';
import { keyAction, stepIndex, type KeyPress } from '../../src/scripts/reader/key-action.ts';
import { otherTheme, storedTheme } from '../../src/scripts/reader/theme-choice.ts';
import { bundleReaderScript, readerScriptModule } from '../../src/scripts/reader/bundle-reader-script.ts';
import { READER_SCRIPT } from '../../src/scripts/reader/reader-script.ts';
import { readFileSync } from 'node:fs';

const press = (key: string, held: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, altKey: false, metaKey: false, ...held });

describe('keyAction', () => {
  it('maps the four keys', () => {
    expect(['/', 'j', 'k', '?'].map((key) => keyAction(press(key), false))).toEqual(['search', 'next', 'previous', 'help']);
  });

  it('ignores other keys, capitals and names of object properties', () => {
    for (const key of ['J', 'K', 'a', 'Escape', 'Enter', ' ', 'constructor', 'toString', '__proto__'])
      expect(keyAction(press(key), false), key).toBeUndefined();
  });

  it('stays out of the way while the reader types or holds Ctrl, Alt or Meta', () => {
    expect(keyAction(press('/'), true)).toBeUndefined();
    expect(keyAction(press('j', { ctrlKey: true }), false)).toBeUndefined();
    expect(keyAction(press('k', { altKey: true }), false)).toBeUndefined();
    expect(keyAction(press('?', { metaKey: true }), false)).toBeUndefined();
  });
});

describe('stepIndex', () => {
  it('starts at the first paper whichever way', () => {
    expect(stepIndex(-1, 5, 1)).toBe(0);
    expect(stepIndex(-1, 5, -1)).toBe(0);
  });

  it('moves one step and stops at both ends', () => {
    expect(stepIndex(2, 5, 1)).toBe(3);
    expect(stepIndex(2, 5, -1)).toBe(1);
    expect(stepIndex(4, 5, 1)).toBe(4);
    expect(stepIndex(0, 5, -1)).toBe(0);
  });
});

describe('theme choice', () => {
  it('reads only the two themes from storage', () => {
    expect([storedTheme('light'), storedTheme('dark'), storedTheme(null), storedTheme('auto'), storedTheme('')]).toEqual([
      'light',
      'dark',
      null,
      null,
      null,
    ]);
  });

  it('switches to the other theme', () => {
    expect([otherTheme('light'), otherTheme('dark')]).toEqual(['dark', 'light']);
  });
});

describe('the inline reader script', () => {
  it('is the current bundle of start-reader.ts (run `npm run reader-script` when this fails)', async () => {
    const script = await bundleReaderScript();
    expect(READER_SCRIPT).toBe(script);
    expect(readFileSync(new URL('../../src/scripts/reader/reader-script.ts', import.meta.url), 'utf8')).toBe(readerScriptModule(script));
  });

  // Theme, keys, the Cite button's copy and the offline worker's registration: the only script
  // on a paper page, so it stays small.
  it('stays under 2,176 bytes and cannot close its <script> element early', () => {
    expect(new TextEncoder().encode(READER_SCRIPT).length).toBeLessThan(2176);
    expect(READER_SCRIPT).not.toMatch(/<\/script|<!--/i);
  });
});
