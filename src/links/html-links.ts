/**
 * The links of a built page, found with the project's HTML tokenizer: every URL attribute
 * (`href`, `src`, `srcset`, `action`, …, on any element, `<link>` included), `url()`s in
 * styles, absolute addresses in `<meta content>` (Open Graph, canonical-like tags) and in
 * JSON-LD, and the ids a `#fragment` can point at.
 */
import { scanHtml } from '../html/scan-html.ts';
import { rewriteCssUrls } from '../portable/rewrite-css-urls.ts';
import { rewriteSrcset } from '../portable/rewrite-srcset.ts';
import { isAbsoluteHttp, jsonStrings, type FileLinks, type FoundLink } from './found-link.ts';

/** Attributes that hold one URL, on whatever element they appear. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'poster', 'cite', 'xlink:href', 'background']);
/** Attributes that hold a list of image candidates. */
const SRCSET_ATTRIBUTES = new Set(['srcset', 'imagesrcset']);

/** Each URL of a CSS text (`url()`, `@import`), found by the portable build's CSS scanner. */
export function cssUrls(css: string): string[] {
  const urls: string[] = [];
  rewriteCssUrls(css, (url) => (urls.push(url), url));
  return urls;
}

/** The links and ids of one page. */
export function htmlLinks(html: string): FileLinks {
  const links: FoundLink[] = [];
  const ids = new Set<string>();
  // Inside <style> or a JSON-LD script, their text and where it started.
  let inside: { kind: 'style' | 'json-ld'; text: string; line: number } | null = null;
  scanHtml(html, {
    startTag(tag) {
      const line = tag.sourceCodeLocation?.startLine ?? 1;
      const add = (url: string) => links.push({ url, line });
      for (const { name, value } of tag.attrs) {
        if (URL_ATTRIBUTES.has(name) || (name === 'data' && tag.tagName === 'object')) add(value);
        else if (SRCSET_ATTRIBUTES.has(name)) rewriteSrcset(value, (url) => (add(url), url));
        else if (name === 'style') cssUrls(value).forEach(add);
        else if (name === 'id' || (name === 'name' && tag.tagName === 'a')) ids.add(value);
      }
      if (tag.tagName === 'meta') {
        const content = tag.attrs.find((attribute) => attribute.name === 'content')?.value ?? '';
        const refresh = /^\s*\d+\s*[;,]\s*url\s*=\s*(.+)$/i.exec(content);
        if (refresh) add(refresh[1]!.replace(/^(['"])(.*)\1$/, '$2'));
        else if (isAbsoluteHttp(content)) add(content.trim());
      }
      if (tag.tagName === 'style') inside = { kind: 'style', text: '', line };
      const type = tag.attrs.find((attribute) => attribute.name === 'type')?.value;
      if (tag.tagName === 'script' && type === 'application/ld+json') inside = { kind: 'json-ld', text: '', line };
    },
    text(text) {
      if (inside) inside.text += text.text;
    },
    endTag(tag) {
      if (!inside || (tag.tagName !== 'style' && tag.tagName !== 'script')) return;
      const { kind, text, line } = inside;
      inside = null;
      if (kind === 'style') for (const url of cssUrls(text)) links.push({ url, line });
      else for (const url of jsonLdUrls(text)) links.push({ url, line });
    },
  });
  return { links, ids };
}

/** The absolute addresses in a JSON-LD block; nothing when it is not JSON (the markup guard reports that). */
function jsonLdUrls(text: string): string[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return [];
  }
  return [...jsonStrings(data)].filter(({ value }) => isAbsoluteHttp(value)).map(({ value }) => value.trim());
}
