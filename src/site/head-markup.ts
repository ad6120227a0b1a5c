/**
 * The owner's `<head>` elements (the config's `head`) as HTML, written by this one function so
 * that the markup guard (src/build/guard/) can accept exactly this text in a page's head and
 * nothing else: the same markup anywhere else — in a paper's title, say — is still caught.
 * Attribute values are escaped; element text was checked not to close its element
 * (src/settings/config-schema.ts). Pure.
 */
import type { HeadElement } from '../settings/config-schema.ts';

const escapeAttribute = (value: string): string => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** One element: `<script src="…" defer></script>`, `<meta name="…" content="…">`. */
function elementMarkup(element: HeadElement): string {
  const attributes = Object.entries(element.attrs)
    .filter(([, value]) => value !== false)
    .map(([name, value]) => (value === true ? ` ${name}` : ` ${name}="${escapeAttribute(String(value))}"`))
    .join('');
  const open = `<${element.tag}${attributes}>`;
  return element.tag === 'meta' || element.tag === 'link' ? open : `${open}${element.content ?? ''}</${element.tag}>`;
}

/** The HTML of `elements`, one a line; empty for none. */
export function headMarkup(elements: readonly HeadElement[]): string {
  return elements.map(elementMarkup).join('\n');
}
