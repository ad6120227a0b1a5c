/** KaTeX's limits on hostile formulas: sizes, expansion, and renderings that reach far outside their line. */
import { describe, expect, it } from 'vitest';
import { renderMath } from '../../src/site/math/render-math.ts';

/** KaTeX's `maxSize` (render-math.ts, `MAX_SIZE`). */
const MAX_SIZE = 10;

/** The HTML part of a rendering (the MathML beside it is not laid out on the page). */
const html = (tex: string) => renderMath(tex, false)?.replace(/<span class="katex-mathml">.*?<\/math><\/span>/s, '') ?? null;

describe('renderMath', () => {
  it.each([
    '\\kern-5000em x',
    '\\hspace{-5000em}x',
    '\\mkern-90000mu x',
    '\\kern-99999in x',
    'a\\\\[-5000em] b',
    '\\raisebox{-5000em}{x}',
    '\\rule[-5000em]{1em}{1em}',
    '\\def\\k{\\kern-5000em}\\k x',
    `${'\\kern-9em '.repeat(3)}x`,
  ])('shows `%s` as written: it would cover the page around it', (tex) => {
    expect(renderMath(tex, false)).toBeNull();
  });

  it('caps large sizes at maxSize and keeps small negative spaces', () => {
    expect(html('\\kern5000em x')).toContain(`margin-right:${MAX_SIZE}em`);
    expect(html('\\rule{5000em}{1em}')).not.toMatch(/5000em/);
    expect(html('\\kern-10em x')).toContain('margin-right:-10em');
    expect(html('C_1 \\!\\rightarrow\\! E\\! \\leftarrow \\!C_2')).not.toBeNull();
  });

  it('stops macro loops', () => {
    expect(renderMath('\\def\\a{\\a\\a}\\a', false)).toBeNull();
  });
});
