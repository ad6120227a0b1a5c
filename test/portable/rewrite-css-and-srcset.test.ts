import { describe, expect, it } from 'vitest';
import { rewriteCssUrls } from '../../src/portable/rewrite-css-urls.ts';
import { rewriteSrcset } from '../../src/portable/rewrite-srcset.ts';

const mark = (url: string) => (url.startsWith('/') ? `R${url}` : url);

describe('rewriteCssUrls', () => {
  it('rewrites url() in every quoting, and @import strings', () => {
    expect(rewriteCssUrls('a{background:url(/a.png)}', mark)).toBe('a{background:url(R/a.png)}');
    expect(rewriteCssUrls('a{background:URL( "/a.png" )}', mark)).toBe('a{background:URL( "R/a.png" )}');
    expect(rewriteCssUrls("@font-face{src:url('/f.woff2') format('woff2')}", mark)).toBe(
      "@font-face{src:url('R/f.woff2') format('woff2')}",
    );
    expect(rewriteCssUrls('@import "/x.css";@import url(/y.css);', mark)).toBe('@import "R/x.css";@import url(R/y.css);');
  });

  it('leaves comments, other strings and look-alike names alone', () => {
    const css = '/* url(/a.png) */a::before{content:"url(/b.png)"}b{background:myurl(/c)}c{--x:"/d"}';
    expect(rewriteCssUrls(css, mark)).toBe(css);
  });

  it('leaves external and data URLs to the rewrite function', () => {
    expect(rewriteCssUrls('a{background:url(data:image/png;base64,AA==)}', mark)).toBe('a{background:url(data:image/png;base64,AA==)}');
  });

  it('escapes what would end the URL early', () => {
    expect(rewriteCssUrls('a{b:url(/x)}', () => 'a b(c).png')).toBe('a{b:url(a\\20 b\\28 c\\29 .png)}');
  });
});

describe('rewriteSrcset', () => {
  it('rewrites each candidate and keeps its descriptors', () => {
    expect(rewriteSrcset('/a.png 1x, /b.png 2x', mark)).toBe('R/a.png 1x, R/b.png 2x');
    expect(rewriteSrcset(' /a.png,  /b.png  640w ,https://x/c.png', mark)).toBe('R/a.png, R/b.png 640w, https://x/c.png');
    // As in the HTML standard, a comma inside a run of non-space characters is part of the URL.
    expect(rewriteSrcset('/a,b.png 1x', mark)).toBe('R/a,b.png 1x');
    expect(rewriteSrcset('/a.png,/b.png 1x', mark)).toBe('R/a.png,/b.png 1x');
  });
});
