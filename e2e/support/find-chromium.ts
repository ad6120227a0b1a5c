/**
 * Which Chromium the browser tests drive, in this order: `$PAPERSHELF_CHROMIUM` (or
 * `$CHROME_PATH`), a system Chromium, Playwright's own download. When there is none and we
 * are root on a Debian-like system, Debian's `chromium` is installed; otherwise the tests stop
 * with one line saying what to do.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const SYSTEM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** Flags for headless Chromium on a machine with no sandbox, no GPU and no network beyond loopback. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function playwrightsOwn(): string | undefined {
  try {
    const path = chromium.executablePath();
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/** The path of a Chromium to test with; installs Debian's as a last resort. */
export function findChromium(): string {
  const fromEnv = process.env['PAPERSHELF_CHROMIUM'] || process.env['CHROME_PATH'];
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`PAPERSHELF_CHROMIUM points at ${fromEnv}, which does not exist.`);
    return fromEnv;
  }
  const found = SYSTEM.find((path) => existsSync(path)) ?? playwrightsOwn();
  if (found) return found;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    process.stderr.write("No Chromium found; installing Debian's chromium package…\n");
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  }
  throw new Error('No Chromium found: install one (e.g. `sudo apt-get install chromium`) or set PAPERSHELF_CHROMIUM=/path/to/chrome.');
}
