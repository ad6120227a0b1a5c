/**
 * The notes' math, rendered: a Sätteri HAST plugin that finds the formulas mark-note-math.ts
 * fenced in the notes' text and renders each one as entry text's formulas are
 * (src/components/MathText.astro): KaTeX's HTML, made by the project's own render path
 * (src/site/math/render-math.ts: `trust: false`, size and expansion limits), in a `.math`
 * container that also holds the formula's TeX as written, so copying a passage gives its TeX
 * and the markup guard (src/build/guard/math-markup.ts) checks it as it checks any formula.
 * A formula KaTeX cannot render faithfully stays text, exactly as written.
 */
import type { Element, ElementContent, Text } from 'hast';
import type { HastPluginDefinition } from 'satteri';
import type { MdxJsxTextElementHast } from 'satteri';
import { renderMath } from '../site/math/render-math.ts';
import { FORMULA_END, FORMULA_START } from './mark-note-math.ts';

/** A fenced formula in a text node's value, or a stray fence (never expected, dropped). */
const FENCED = new RegExp(`${FORMULA_START}([^${FORMULA_START}${FORMULA_END}]*)${FORMULA_END}|[${FORMULA_START}${FORMULA_END}]`, 'g');

/** A formula's delimiters: how long the opening and closing ones are, and whether it is displayed. */
function delimiters(source: string): { length: number; display: boolean } {
  if (source.startsWith('$$')) return { length: 2, display: true };
  if (source.startsWith('\\[')) return { length: 2, display: true };
  if (source.startsWith('\\(')) return { length: 2, display: false };
  return { length: 1, display: false };
}

/** A formula as the page shows it: the container of MathText.astro, or the source as text when KaTeX refuses it. */
function formulaNode(source: string): ElementContent {
  const { length, display } = delimiters(source);
  const html = renderMath(source.slice(length, source.length - length), display);
  if (html === null) return { type: 'text', value: source };
  // KaTeX's HTML goes in as `<Fragment set:html>`, as in MathText.astro: MDX output has no raw HTML.
  const rendering: MdxJsxTextElementHast = {
    type: 'mdxJsxTextElement',
    name: 'Fragment',
    attributes: [{ type: 'mdxJsxAttribute', name: 'set:html', value: html }],
    children: [],
  };
  const tex: Element = {
    type: 'element',
    tagName: 'span',
    properties: { className: ['math-tex'], ariaHidden: 'true' },
    children: [{ type: 'text', value: source }],
  };
  return {
    type: 'element',
    tagName: 'span',
    properties: { className: display ? ['math', 'math-display'] : ['math'] },
    children: [tex, rendering],
  };
}

/** A text node's value cut into text and formulas; null when it holds no fence. */
export function renderNoteText(value: string): ElementContent[] | null {
  if (!value.includes(FORMULA_START) && !value.includes(FORMULA_END)) return null;
  const nodes: ElementContent[] = [];
  let at = 0;
  const text = (to: number) => {
    if (to > at) nodes.push({ type: 'text', value: value.slice(at, to) } satisfies Text);
  };
  for (const match of value.matchAll(FENCED)) {
    text(match.index);
    if (match[1] !== undefined) nodes.push(formulaNode(match[1]));
    at = match.index + match[0].length;
  }
  text(value.length);
  return nodes;
}

/** The plugin, for `hastPlugins` (see notes-processor.ts). */
export const noteMathPlugin: HastPluginDefinition = {
  name: 'papershelf-note-math',
  text(node, ctx) {
    const nodes = renderNoteText(node.value);
    if (nodes) ctx.replaceNode(node, nodes);
  },
};
