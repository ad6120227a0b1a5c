/**
 * The reader script on every page: a light/dark switch that follows the system until used and
 * then remembers the choice, set before the first paint; keys for search (`/`), next and
 * previous paper (`j` / `k`) and their list (`?`); and the page's own keyboard basics — the
 * skip link, a visible focus ring the sticky header never covers — and its print style.
 */
import { expect, test, type Page } from '@playwright/test';

const PAPER = 'papers/successor-heads-recurring-interpretable-attention-heads-in-the-wild/';
const DAY = 'days/2025-03-19/';
/** A paper with outside links (arXiv, PDF), tags and a next paper. */
const LINKED_PAPER = 'papers/aem-attention-entropy-maximization-for-multiple-instance-learning-based-whole/';
/** The page background of each theme, as site.css sets it. */
const BACKGROUND = { light: 'rgb(255, 255, 255)', dark: 'rgb(20, 22, 26)' };

const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const themeSwitch = (page: Page) => page.getByRole('button', { name: 'Dark theme' });

test.describe('the theme switch', () => {
  test('follows the system until used, then keeps the choice across pages and reloads', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(PAPER);
    await expect(themeSwitch(page)).toHaveAttribute('aria-pressed', 'true');
    expect(await page.locator('html').getAttribute('data-theme')).toBeNull();
    expect(await background(page)).toBe(BACKGROUND.dark);
    // The system changes its mind: so does the page, and the switch says so.
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(themeSwitch(page)).toHaveAttribute('aria-pressed', 'false');
    expect(await background(page)).toBe(BACKGROUND.light);

    // Used from the keyboard: Tab to it, press Space.
    await themeSwitch(page).focus();
    await page.keyboard.press('Space');
    await expect(themeSwitch(page)).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await background(page)).toBe(BACKGROUND.dark);
    expect(await page.evaluate(() => localStorage.getItem('papershelf-theme'))).toBe('dark');

    // Another page, light system: the choice wins, and is there before the body is parsed.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.body) return;
        (window as unknown as { themeAtFirstPaint: string | undefined }).themeAtFirstPaint = document.documentElement.dataset['theme'];
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(DAY);
    expect(await page.evaluate(() => (window as unknown as { themeAtFirstPaint: string | undefined }).themeAtFirstPaint)).toBe('dark');
    expect(await background(page)).toBe(BACKGROUND.dark);
    await expect(themeSwitch(page)).toHaveAttribute('aria-pressed', 'true');

    // And back to light, by a click, under a dark system.
    await page.emulateMedia({ colorScheme: 'dark' });
    await themeSwitch(page).click();
    await expect(themeSwitch(page)).toHaveAttribute('aria-pressed', 'false');
    expect(await background(page)).toBe(BACKGROUND.light);
    await page.reload();
    expect(await background(page)).toBe(BACKGROUND.light);
  });

  test('is hidden when scripts cannot run, since it would do nothing', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(new URL(PAPER, test.info().project.use.baseURL).href);
    await expect(page.locator('[data-theme-switch]')).toBeHidden();
    await context.close();
  });
});

test.describe('the keys', () => {
  test('`/` focuses the search box, and typed into a field it is only a letter', async ({ page }) => {
    await page.goto(PAPER);
    await page.keyboard.press('/');
    await expect(page.getByRole('searchbox', { name: 'Search papers' })).toBeFocused();
    await page.keyboard.type('a/b');
    await expect(page.getByRole('searchbox', { name: 'Search papers' })).toHaveValue('a/b');
    // The search page's own box comes before the header's.
    await page.goto('search/');
    await page.keyboard.press('/');
    await expect(page.locator('#search-input')).toBeFocused();
  });

  test('`j` and `k` move through a listing, and the focused paper is never under the header', async ({ page }) => {
    await page.setViewportSize({ width: 1000, height: 500 });
    await page.goto(DAY);
    const titles = page.locator('.paper-item-title a');
    await page.keyboard.press('j');
    await expect(titles.nth(0)).toBeFocused();
    for (let step = 0; step < 6; step += 1) await page.keyboard.press('j');
    await expect(titles.nth(6)).toBeFocused();
    await page.keyboard.press('k');
    await expect(titles.nth(5)).toBeFocused();
    // Tab backwards up the page: every focused element shows below the sticky header.
    const headerBottom = (await page.locator('.site-header').boundingBox())!.height;
    for (let step = 0; step < 5; step += 1) {
      await page.keyboard.press('Shift+Tab');
      const box = await page.evaluate(() => document.activeElement!.getBoundingClientRect().top);
      expect(box).toBeGreaterThanOrEqual(headerBottom);
    }
  });

  test('`j` and `k` on a paper page go to the next and previous paper of its day', async ({ page }) => {
    await page.goto(PAPER);
    const next = await page.locator('.pager a[rel="next"]').getAttribute('href');
    await page.keyboard.press('j');
    await expect(page).toHaveURL(new RegExp(`${next}$`));
    await page.keyboard.press('k');
    await expect(page).toHaveURL(new RegExp(`${PAPER}$`));
  });

  test('keys do nothing with Ctrl, Alt or Meta held, or while typing in a field or editable text', async ({ page }) => {
    await page.goto(PAPER);
    for (const key of ['Control+j', 'Alt+j', 'Meta+k', 'Control+/']) await page.keyboard.press(key);
    await expect(page).toHaveURL(new RegExp(`${PAPER}$`));
    await expect(page.getByRole('searchbox', { name: 'Search papers' })).not.toBeFocused();
    await page.evaluate(() => {
      const note = document.createElement('div');
      note.contentEditable = 'true';
      note.id = 'note';
      document.querySelector('main')!.append(note);
    });
    await page.locator('#note').click();
    await page.keyboard.type('jk?/');
    await expect(page.locator('#note')).toHaveText('jk?/');
    await expect(page).toHaveURL(new RegExp(`${PAPER}$`));
    await expect(page.getByRole('dialog')).toBeHidden();
  });

  test('`?` lists the keys in a dialog that Escape closes, giving focus back', async ({ page }) => {
    await page.goto(DAY);
    await page.keyboard.press('j');
    const focused = page.locator('.paper-item-title a').first();
    await expect(focused).toBeFocused();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard keys' });
    await expect(dialog).toBeVisible();
    await expect(dialog.locator('dt')).toHaveText(['/', 'j', 'k', '?']);
    // Inside the dialog the reader's keys rest: `j` does not move the page behind it.
    await page.keyboard.press('j');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(focused).toBeFocused();
    // The Close button does the same.
    await page.keyboard.press('?');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
  });
});

test.describe('keyboard basics', () => {
  test('the skip link is the first stop, shows when focused, and moves to the content', async ({ page }) => {
    await page.goto(PAPER);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement!.closest('main') !== null)).toBe(true);
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`every kind of control shows a focus ring of at least 3:1 against the page in the ${theme} theme`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(LINKED_PAPER);
      const controls = [
        '.skip-link',
        '.brand',
        '#site-search-input',
        '.site-search button',
        '[data-theme-switch]',
        '.site-nav a',
        '.paper-links a',
        '.tag',
        '.pager a',
      ];
      for (const selector of controls) {
        await page.locator(selector).first().focus();
        await page.keyboard.press('Shift+Tab');
        await page.keyboard.press('Tab');
        const ring = await page.evaluate((selector) => {
          const style = getComputedStyle(document.activeElement!);
          return {
            focused: document.activeElement!.matches(selector),
            style: style.outlineStyle,
            width: parseFloat(style.outlineWidth),
            color: style.outlineColor,
            page: getComputedStyle(document.body).backgroundColor,
          };
        }, selector);
        expect(ring.focused, selector).toBe(true);
        expect(ring.style, selector).not.toBe('none');
        expect(ring.width, selector).toBeGreaterThanOrEqual(2);
        expect(contrast(ring.color, ring.page), selector).toBeGreaterThanOrEqual(3);
      }
    });
  }
});

test('a printed paper is black on white, without the site around it, with outside addresses spelled out', async ({ page }) => {
  await page.goto(LINKED_PAPER);
  await themeSwitch(page).click(); // the dark theme, chosen: print ignores it
  await page.emulateMedia({ media: 'print' });
  for (const selector of ['.site-header', '.site-nav', '.pager', '.related', '.skip-link'])
    await expect(page.locator(selector)).toBeHidden();
  for (const selector of ['h1', '.eyebrow', '.abstract-text', '.paper-terms', '.paper-links'])
    await expect(page.locator(selector)).toBeVisible();
  expect(await background(page)).toBe('rgb(255, 255, 255)');
  expect(await page.locator('.abstract-text').evaluate((node) => getComputedStyle(node).color)).toBe('rgb(0, 0, 0)');
  const outside = page.locator('.paper-links a').first();
  const address = await outside.getAttribute('href');
  expect(address).toMatch(/^https:/);
  expect(await outside.evaluate((node) => getComputedStyle(node, '::after').content)).toBe(`" (${address})"`);
  // Links inside the archive keep their text only.
  expect(await page.locator('.eyebrow a').evaluate((node) => getComputedStyle(node, '::after').content)).toBe('none');
});

/** WCAG contrast ratio of two `rgb(…)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, b] = color
      .match(/[\d.]+/g)!
      .slice(0, 3)
      .map((part) => {
        const value = Number(part) / 255;
        return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
