/**
 * The one script every page runs: inline in <head>, so it sets the chosen theme before the
 * first paint (no flash of the other theme), and classic rather than a module, so it also runs
 * from `file://`. It is bundled and minified into reader-script.ts; keep it small, it is on
 * every page, including paper pages that otherwise load no JavaScript.
 *
 * Keys: `/` focuses the search box; `j` / `k` move focus to the next / previous paper of a
 * listing (day, term and search pages), or, on a page without one (a paper's), follow the
 * pager's next / previous link; `?` opens the list of keys.
 *
 * Copy buttons (`[data-copy=<id>]`, the paper page's "Copy BibTeX") are hidden until this runs,
 * and copy the text of the element with that id.
 *
 * Offline: on a hosted archive, registers the service worker (src/offline/service-worker.js),
 * so that any page a reader opens, a paper's included, starts keeping what they read.
 */
import { keyAction, stepIndex } from './key-action.ts';
import { otherTheme, storedTheme, THEME_KEY, type Theme } from './theme-choice.ts';

// Named once: the minifier can shorten a local name, not a global one.
const doc = document;
const root = doc.documentElement;
const system = matchMedia('(prefers-color-scheme:dark)');
const find = <T extends Element>(selector: string): T | null => doc.querySelector<T>(selector);

// Storage can be blocked (privacy settings, some file:// setups); the choice then lasts for the page.
try {
  const chosen = storedTheme(localStorage.getItem(THEME_KEY));
  if (chosen) root.dataset['theme'] = chosen;
} catch {}

/** The theme on screen: the reader's choice, else the system's. */
const shown = (): Theme => (root.dataset['theme'] as Theme | undefined) || (system.matches ? 'dark' : 'light');

/** Copies the text of the element a `[data-copy]` button names, and says so in the button's status line. */
async function copyText(button: HTMLElement): Promise<void> {
  const text = doc.getElementById(button.dataset['copy'] ?? '');
  const status = button.parentElement?.querySelector('[role=status]');
  if (!text || !status) return;
  status.textContent = '';
  try {
    await navigator.clipboard.writeText(text.textContent ?? '');
    status.textContent = 'Copied';
  } catch {
    // No clipboard access (file://, permissions): select the text for the reader to copy.
    getSelection()?.selectAllChildren(text);
    status.textContent = doc.execCommand('copy') ? 'Copied' : 'Selected: press Ctrl+C';
  }
}

/** The switch is hidden until this script runs (without it the button would do nothing), and shows its state. */
function syncSwitch(): void {
  const button = find<HTMLElement>('[data-theme-switch]');
  if (button) {
    button.hidden = false;
    button.setAttribute('aria-pressed', String(shown() === 'dark'));
  }
}
doc.addEventListener('DOMContentLoaded', () => {
  syncSwitch();
  doc.querySelectorAll<HTMLElement>('[data-copy]').forEach((button) => (button.hidden = false));
});
system.addEventListener('change', syncSwitch);

doc.addEventListener('click', (event) => {
  const copy = (event.target as Element).closest?.<HTMLElement>('[data-copy]');
  if (copy) void copyText(copy);
  if (!(event.target as Element).closest?.('[data-theme-switch]')) return;
  const theme = otherTheme(shown());
  root.dataset['theme'] = theme;
  try {
    localStorage.setItem(THEME_KEY, theme);
  } catch {}
  syncSwitch();
});

/** `j` / `k`: through the listing's papers, else to the neighbouring paper. */
function move(step: 1 | -1): void {
  const papers = [...doc.querySelectorAll<HTMLElement>('.paper-item-title a,.result-title a')];
  if (papers.length > 0) {
    const current = papers.findIndex((link) => link.closest('li')?.contains(doc.activeElement));
    papers[stepIndex(current, papers.length, step)]?.focus();
  } else {
    const link = find<HTMLAnchorElement>(`.pager [rel=${step > 0 ? 'next' : 'prev'}]`);
    if (link) location.href = link.href;
  }
}

doc.addEventListener('keydown', (event) => {
  const target = event.target as HTMLElement;
  // Keys typed into a field belong to the field; while the list of keys is open, Escape and Tab are the only keys.
  const typing = target.isContentEditable || !!target.closest?.('input,textarea,select');
  const action = event.defaultPrevented || find('dialog[open]') ? undefined : keyAction(event, typing);
  if (!action) return;
  event.preventDefault();
  if (action === 'help') find<HTMLDialogElement>('[data-keys-dialog]')?.showModal();
  else if (action !== 'search') move(action === 'next' ? 1 : -1);
  else {
    // The page's own search box (search page, 404 page) before the header's.
    const box = find<HTMLInputElement>('main [type=search]') ?? find<HTMLInputElement>('[type=search]');
    box?.focus();
    box?.select();
  }
});

// A hosted archive's pages link its manifest at `<base>manifest.webmanifest`; the worker sits
// beside it, and its default scope, the folder it is in, is the base. A portable archive links
// no manifest (src/portable/portable-page.ts drops the link), so from disk nothing registers.
// After `load`, so the worker's first downloads never slow the page down.
// A page that opened while the worker was taking over is neither controlled by it nor among the
// pages it kept then; it asks the worker to keep it.
addEventListener('load', () => {
  const manifest = find<HTMLLinkElement>('link[rel=manifest]');
  const workers = navigator.serviceWorker;
  if (!manifest || !workers) return;
  workers.register(new URL('sw.js', manifest.href)).then(
    () => workers.ready.then((registration) => workers.controller || registration.active?.postMessage('keep')),
    () => {},
  );
});
