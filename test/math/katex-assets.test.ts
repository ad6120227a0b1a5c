/** KaTeX's files as the archive serves them: woff2 fonts only, every one the stylesheet names. */
import { describe, expect, it } from 'vitest';
import { katexFile, katexFiles, katexStylesheet, KATEX_STYLESHEET } from '../../src/site/math/katex-assets.ts';

describe('katex assets', () => {
  it('cuts each font to its woff2 source', () => {
    const css =
      '@font-face{font-family:KaTeX_AMS;src:url(fonts/KaTeX_AMS-Regular.woff2) format("woff2"),url(fonts/KaTeX_AMS-Regular.woff) format("woff"),url(fonts/KaTeX_AMS-Regular.ttf) format("truetype")}';
    expect(katexStylesheet(css)).toMatch(
      /^@font-face\{font-family:KaTeX_AMS;src:url\(fonts\/KaTeX_AMS-Regular\.woff2\) format\("woff2"\)\}\n/,
    );
  });

  it('serves the stylesheet and exactly the fonts it names, with no other URL', () => {
    const css = katexFile(KATEX_STYLESHEET) as string;
    const named = [...css.matchAll(/url\(([^)]*)\)/g)].map((match) => match[1]);
    expect(new Set(named)).toEqual(new Set(katexFiles().filter((file) => file !== KATEX_STYLESHEET)));
    expect(named.every((url) => url?.endsWith('.woff2'))).toBe(true);
    expect(css).toContain('.math .katex{user-select:none}');
  });
});
