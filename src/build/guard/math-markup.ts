/**
 * What the markup guard accepts inside a math container: the HTML and MathML that KaTeX
 * builds from TeX (src/site/math/render-math.ts), and nothing else. Formulas are entry text,
 * so their markup is held to an allow-list — elements, attributes, style properties and
 * values KaTeX writes with `trust: false` — and no URL, script, link or image can pass. Outside
 * a container, none of KaTeX's own elements (`<math>`, `<svg>`…) is ever written. Pure.
 */
import type { StartTag } from 'parse5-sax-parser';

/** The class of the element a formula is rendered in (src/components/MathText.astro). */
export const MATH_CLASS = 'math';

/** True when `tag` opens a math container: `<span class="math">` or `<span class="math math-display">`, with no other attribute. */
export function isMathContainer(tag: StartTag): boolean {
  if (tag.tagName !== 'span' || tag.attrs.length !== 1) return false;
  const [attribute] = tag.attrs;
  return attribute!.name === 'class' && (attribute!.value === MATH_CLASS || attribute!.value === `${MATH_CLASS} ${MATH_CLASS}-display`);
}

/** Attributes every element in a formula may carry. */
const COMMON = ['class', 'style'];

/** KaTeX's elements, each with the attributes it writes besides `COMMON`. */
const ELEMENTS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries({
    // HTML: the visible rendering; `aria-hidden` keeps it from screen readers, which read the MathML.
    span: ['aria-hidden'],
    // MathML, for screen readers, with the TeX in its annotation.
    math: ['xmlns', 'display'],
    semantics: [],
    annotation: ['encoding'],
    mrow: [],
    mi: ['mathvariant'],
    mn: ['mathvariant'],
    mo: ['mathvariant', 'stretchy', 'fence', 'separator', 'lspace', 'rspace', 'minsize', 'maxsize', 'largeop', 'movablelimits', 'accent'],
    mtext: ['mathvariant'],
    ms: [],
    mspace: ['width', 'height', 'depth', 'linebreak', 'mathbackground'],
    msup: [],
    msub: [],
    msubsup: [],
    mfrac: ['linethickness'],
    msqrt: [],
    mroot: [],
    mover: ['accent'],
    munder: ['accentunder'],
    munderover: ['accent', 'accentunder'],
    mstyle: ['scriptlevel', 'displaystyle', 'mathcolor', 'mathsize', 'mathbackground'],
    mpadded: ['width', 'height', 'depth', 'lspace', 'voffset', 'mathbackground'],
    mphantom: [],
    menclose: ['notation', 'mathbackground'],
    mtable: ['rowspacing', 'columnspacing', 'columnalign', 'columnlines', 'rowlines', 'width', 'displaystyle'],
    mtr: ['columnalign'],
    mlabeledtr: [],
    mtd: ['columnalign', 'width'],
    // SVG: stretchy arrows, radicals, braces, lines; shapes only, never a link or an image.
    svg: ['xmlns', 'width', 'height', 'viewbox', 'preserveaspectratio'],
    path: ['d'],
    line: ['x1', 'y1', 'x2', 'y2', 'stroke-width'],
  }).map(([name, attributes]) => [name, new Set([...COMMON, ...attributes])]),
);

/** The CSS properties KaTeX sets inline: sizes, offsets, borders and colours. */
const STYLE_PROPERTIES = new Set([
  'height',
  'width',
  'min-width',
  'top',
  'bottom',
  'left',
  'position',
  'vertical-align',
  'margin',
  'margin-top',
  'margin-right',
  'margin-left',
  'padding-left',
  'border',
  'border-width',
  'border-style',
  'border-color',
  'border-top-width',
  'border-right-width',
  'border-right-style',
  'border-bottom-width',
  'color',
  'background-color',
  'text-shadow',
]);

/** Namespaces a formula's root elements declare. */
const NAMESPACES = new Set(['http://www.w3.org/1998/Math/MathML', 'http://www.w3.org/2000/svg']);

/**
 * A style value KaTeX writes: lengths, keywords, colours (`#abc`, names) and `calc(…)`. No
 * other function (`url(…)`, `expression(…)`, `var(…)`), no quote, backslash, comment or `;`.
 */
function isPlainStyleValue(value: string): boolean {
  return /^[-#\w.% )]*$/.test(value.replace(/calc\(/g, ''));
}

/** Why `tag`, inside a math container, is not KaTeX's markup; null when it is. */
export function foreignInMath(tag: StartTag): string | null {
  const allowed = ELEMENTS.get(tag.tagName.toLowerCase());
  if (!allowed) return `<${tag.tagName}> element in a formula`;
  for (const { name, value } of tag.attrs) {
    const attribute = name.toLowerCase();
    if (!allowed.has(attribute)) return `<${tag.tagName} ${attribute}=…> attribute in a formula`;
    if (attribute === 'xmlns' && !NAMESPACES.has(value)) return `<${tag.tagName} xmlns="${value.slice(0, 40)}"> in a formula`;
    if (attribute === 'class' && !/^[\w -]*$/.test(value)) return `<${tag.tagName} class="${value.slice(0, 40)}"> in a formula`;
    if (attribute === 'style') {
      for (const declaration of value.split(';')) {
        if (declaration.trim() === '') continue;
        const colon = declaration.indexOf(':');
        const property = declaration.slice(0, colon).trim().toLowerCase();
        if (colon < 0 || !STYLE_PROPERTIES.has(property) || !isPlainStyleValue(declaration.slice(colon + 1).trim())) {
          return `<${tag.tagName} style="${declaration.trim().slice(0, 40)}"> in a formula`;
        }
      }
    }
  }
  return null;
}

/** True for elements only a formula holds: outside a container, they mean text became markup. */
export const isMathOnlyElement = (name: string): boolean => name !== 'span' && ELEMENTS.has(name);
