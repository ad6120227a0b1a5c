/** The tokens of a page that the markup guard acts on, to compare two tokenizers (src/html/). */
import type { HtmlHandlers } from '../../src/html/scan-html.ts';

/**
 * The tokens the guard acts on, one string each; consecutive text inside a script is one token.
 * Names are compared in lower case, as the guard reads them: inside SVG parse5 gives back
 * SVG's camelCase (`viewBox`, `linearGradient`).
 */
export function tokensBy(scan: (html: string, handlers: HtmlHandlers) => unknown, html: string): { tokens: string[]; read: boolean } {
  const tokens: string[] = [];
  let inScript = false;
  const read = scan(html, {
    startTag(tag) {
      tokens.push(
        JSON.stringify(['<', tag.tagName.toLowerCase(), tag.attrs.map(({ name, value }) => [name.toLowerCase(), value]), tag.selfClosing]),
      );
      inScript = tag.tagName.toLowerCase() === 'script';
    },
    endTag(tag) {
      tokens.push(JSON.stringify(['</', tag.tagName.toLowerCase()]));
      inScript = false;
    },
    text(text) {
      if (!inScript) return;
      const last = tokens.at(-1);
      if (last?.startsWith('["text"')) tokens[tokens.length - 1] = JSON.stringify(['text', (JSON.parse(last) as string[])[1] + text.text]);
      else tokens.push(JSON.stringify(['text', text.text]));
    },
  });
  return { tokens, read: read !== false };
}
