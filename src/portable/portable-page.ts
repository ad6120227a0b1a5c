/**
 * One built page made readable from disk: every internal URL relative to the page, module
 * scripts (which cannot run from `file://`) removed, and on the search page a classic script
 * that runs the same search UI. The page is tokenized by a real HTML parser and only the
 * exact source spans of the attributes and elements concerned are replaced, so entry text —
 * an abstract reading `href="/papers/"` — can never be mistaken for markup and stays as it is.
 */
import type { StartTag } from 'parse5-sax-parser';
import { relativeRoot, relativeUrl, type UrlKind } from './relative-url.ts';
import { rewriteCssUrls } from './rewrite-css-urls.ts';
import { rewriteSrcset } from './rewrite-srcset.ts';
import { scanHtml } from '../html/scan-html.ts';

/**
 * How each attribute that holds a URL is rewritten. `content` (on `<meta>`) and the canonical
 * link are left absolute on purpose: they name the hosted page for reference managers and
 * search engines, and a canonical URL must be absolute anyway.
 */
const URL_ATTRIBUTES: Readonly<Record<string, UrlKind | 'srcset' | 'css'>> = {
  href: 'link',
  src: 'link',
  action: 'link',
  formaction: 'link',
  poster: 'link',
  cite: 'link',
  background: 'link',
  'xlink:href': 'link',
  srcset: 'srcset',
  imagesrcset: 'srcset',
  style: 'css',
  // The search page's root for joining result paths onto: a prefix, never a page.
  'data-base': 'prefix',
};

/** `<link rel>` values that make the browser fetch something only a server can serve. */
const SERVER_ONLY_LINKS = new Set(['modulepreload', 'manifest', 'serviceworker']);

/** What to do with a page. */
export interface PortablePageOptions {
  /** The page's file path relative to the archive root, `/`-separated, e.g. `papers/x/index.html`. */
  readonly pagePath: string;
  /** The base path the archive was built for, ending in `/` (`PAPERSHELF_BASE`, default `/`). */
  readonly base: string;
  /** The search UI's classic script, its path relative to the archive root, added to the page holding the search UI. */
  readonly searchScript: string;
}

type Location = NonNullable<StartTag['sourceCodeLocation']>;
/** A start tag's location also holds each attribute's span (parse5's LocationWithAttributes, typed loosely by the SAX parser). */
type TagLocation = Location & { readonly attrs?: Readonly<Record<string, Location>> };

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** The page `html` rewritten for reading from disk. */
export function portablePage(html: string, options: PortablePageOptions): string {
  const { pagePath, base } = options;
  const edits: Edit[] = [];
  const link = (url: string, kind: UrlKind = 'link') => relativeUrl(url, pagePath, base, kind);
  let dropping: Location | null = null;
  let styleOpen = false;
  let searchPage = false;
  let headEnd = -1;

  scanHtml(html, {
    startTag(tag) {
      const where: TagLocation | null | undefined = tag.sourceCodeLocation;
      if (!where || dropping) return;
      const attribute = (name: string) => tag.attrs.find((item) => item.name === name)?.value;
      const rel = new Set((attribute('rel') ?? '').toLowerCase().split(/\s+/));
      if (tag.tagName === 'script' && attribute('type')?.trim().toLowerCase() === 'module') {
        // Removed up to its end tag. Pages keep no module scripts: they cannot load from file://.
        dropping = where;
        return;
      }
      if (tag.tagName === 'link' && [...rel].some((value) => SERVER_ONLY_LINKS.has(value))) {
        edits.push({ start: where.startOffset, end: where.endOffset, text: '' });
        return;
      }
      if (tag.tagName === 'style') styleOpen = true;
      if (tag.attrs.some((item) => item.name === 'data-search')) searchPage = true;
      // A former address's page sends the reader on with a refresh: its target must open from disk too.
      const refresh = /^(\s*\d+\s*;\s*url=)(.+)$/i.exec(attribute('content') ?? '');
      const contentSpan = where.attrs?.['content'];
      if (tag.tagName === 'meta' && attribute('http-equiv')?.toLowerCase() === 'refresh' && refresh && contentSpan) {
        const next = `${refresh[1]}${link(refresh[2]!.trim())}`;
        if (next !== attribute('content'))
          edits.push({ start: contentSpan.startOffset, end: contentSpan.endOffset, text: `content="${escapeAttribute(next)}"` });
      }
      for (const { name, value } of tag.attrs) {
        const kind = URL_ATTRIBUTES[name];
        const span = where.attrs?.[name];
        if (!kind || !span || (name === 'href' && rel.has('canonical'))) continue;
        const next =
          kind === 'srcset'
            ? rewriteSrcset(value, (url) => link(url))
            : kind === 'css'
              ? rewriteCssUrls(value, (url) => link(url))
              : link(value, kind);
        if (next !== value) edits.push({ start: span.startOffset, end: span.endOffset, text: `${name}="${escapeAttribute(next)}"` });
      }
    },
    endTag(tag) {
      const where = tag.sourceCodeLocation;
      if (!where) return;
      if (dropping) {
        if (tag.tagName === 'script') {
          edits.push({ start: dropping.startOffset, end: where.endOffset, text: '' });
          dropping = null;
        }
        return;
      }
      if (tag.tagName === 'style') styleOpen = false;
      if (tag.tagName === 'head' && headEnd === -1) headEnd = where.startOffset;
    },
    text(text) {
      const where = text.sourceCodeLocation;
      if (!styleOpen || !where) return;
      // Style text is raw: no entities, so the source span is the text itself.
      const next = rewriteCssUrls(text.text, (url) => link(url));
      if (next !== text.text) edits.push({ start: where.startOffset, end: where.endOffset, text: next });
    },
  });
  // An unterminated module script runs to the end of the page.
  if (dropping !== null) edits.push({ start: (dropping as Location).startOffset, end: html.length, text: '' });
  if (searchPage) {
    const tag = `<script src="${escapeAttribute(relativeRoot(pagePath) + options.searchScript)}" defer></script>`;
    const at = headEnd === -1 ? html.length : headEnd;
    edits.push({ start: at, end: at, text: tag });
  }
  return applyEdits(html, edits);
}

/** Applies non-overlapping edits, in source order. */
function applyEdits(html: string, edits: readonly Edit[]): string {
  let out = '';
  let copied = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start || a.end - b.end)) {
    if (edit.start < copied) continue;
    out += html.slice(copied, edit.start) + edit.text;
    copied = edit.end;
  }
  return out + html.slice(copied);
}
