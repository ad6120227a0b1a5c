/**
 * Notes compiled as Astro compiles them (the notes processor, through @astrojs/mdx's renderer)
 * and rendered to HTML: formulas as the abstract's are, everything else as MDX writes it.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import mdxRenderer from '@astrojs/mdx/server.js';
import { Fragment } from 'astro/jsx-runtime';
import { escapeHTML } from 'astro/runtime/server/index.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { findForeignMarkup } from '../../src/build/guard/find-foreign-markup.ts';
import { renderMath } from '../../src/site/math/render-math.ts';
import { notesProcessor } from '../../src/notes/notes-processor.ts';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
  container.addServerRenderer({ renderer: mdxRenderer, name: 'astro:jsx' });
});

const renderer = notesProcessor().createMdxRenderer!({ syntaxHighlight: false }, { optimize: false });
const JSX_RUNTIME = import.meta.resolve('astro/jsx-runtime');

/** The HTML of `notes`, compiled by the notes processor and rendered by Astro's MDX renderer. */
async function renderNotes(notes: string, file = '/archive/content/papers/x.mdx'): Promise<string> {
  const { code } = await (await renderer).process(notes, file, {});
  const module = `${code.replaceAll('"astro/jsx-runtime"', JSON.stringify(JSX_RUNTIME))}\nexport default MDXContent;`;
  const { default: MDXContent } = (await import(`data:text/javascript,${encodeURIComponent(module)}`)) as {
    default: (props: object) => unknown;
  };
  // As @astrojs/mdx's `Content` does: `Fragment` is given to the notes as a component.
  const Content = Object.assign((props: object) => MDXContent({ ...props, components: { Fragment } }), {
    [Symbol.for('mdx-component')]: true,
  });
  return container.renderToString(Content as never);
}

/** A formula as MathText.astro writes it for an abstract: its container, its TeX as written, KaTeX's HTML. */
function mathText(source: string, tex: string, display = false): string {
  return `<span class="${display ? 'math math-display' : 'math'}"><span class="math-tex" aria-hidden="true">${escapeHTML(source)}</span>${renderMath(tex, display)}</span>`;
}

const page = (body: string) =>
  `<!doctype html><html><head><title>t</title></head><body><section class="notes">${body}</section></body></html>`;

describe('notes as Astro renders them', () => {
  it('renders formulas exactly as the abstract does, and leaves money and code as written', async () => {
    const html = await renderNotes('Costs $5 and $10, uses $\\frac{a}{b}$ and \\(x^{2} < 1\\), not `$x$ {y}` or \\{z\\}.\n');
    expect(html).toBe(
      `<p>Costs $5 and $10, uses ${mathText('$\\frac{a}{b}$', '\\frac{a}{b}')} and ${mathText('\\(x^{2} < 1\\)', 'x^{2} < 1')}, not <code>$x$ {y}</code> or {z}.</p>`,
    );
  });

  it('renders a $$ block and a quoted formula over several lines', async () => {
    const display = await renderNotes('$$\n\\sum_{i=1}^{n} i\n- 1\n$$\n');
    expect(display).toBe(`<p>${mathText('$$\n\\sum_{i=1}^{n} i\n- 1\n$$', '\n\\sum_{i=1}^{n} i\n- 1\n', true)}</p>`);
    const quoted = await renderNotes('> See $a +\n> b_{1}$ here.\n');
    expect(quoted).toContain(`<p>See ${mathText('$a +\nb_{1}$', 'a +\nb_{1}')} here.</p>`);
  });

  it('keeps a formula KaTeX refuses as text, and gives the markup guard nothing to find', async () => {
    const refused = await renderNotes('Hostile: $\\href{javascript:alert(1)}{x}$ and $\\htmlId{a}{b}$.\n');
    expect(refused).toBe('<p>Hostile: $\\href{javascript:alert(1)}{x}$ and $\\htmlId{a}{b}$.</p>');
    const rendered = await renderNotes('Fine: $<img src=x onerror=alert(1)>$, $$\\sqrt{x}$$ and $\\overrightarrow{AB}$.\n');
    expect(rendered).toContain('<span class="math-tex" aria-hidden="true">$&lt;img src=x onerror=alert(1)&gt;$</span>');
    expect(findForeignMarkup(page(`${refused}${rendered}`), '/')).toEqual([]);
  });

  it('fails a note MDX cannot read with one line naming its file and line', async () => {
    const failure = await renderNotes('\n\nA first line.\n\nThen {low\n', '/archive/content/papers/bad.mdx').then(
      () => 'no error',
      (error: Error) => `${error.name}: ${error.message}`,
    );
    expect(failure.split('\n')).toHaveLength(1);
    expect(failure).toMatch(
      /^NotesError: \/archive\/content\/papers\/bad\.mdx:5: notes: not valid MDX: Unexpected end of file in expression.*; in notes, `\{` starts code/,
    );
  });
});
