/**
 * The text of one Hugo content file: YAML front matter and an empty body. Entry text only ever
 * goes into front matter, written by the YAML library, and templates print it through Go's
 * html/template, which escapes it; the Markdown body stays empty so nothing is ever parsed as
 * Markdown or HTML.
 */
import { stringify } from 'yaml';

/**
 * YAML 1.1 quoting, as the pipeline's own emitter uses: Hugo reads front matter with a YAML 1.1
 * parser, so a title such as `no` or `2024-01-02` must be quoted to stay a string.
 */
const YAML_OPTIONS = { version: '1.1', lineWidth: 0, minContentWidth: 0 } as const;

/** A Hugo content file whose front matter is `frontMatter`. Pure. */
export function hugoPage(frontMatter: Readonly<Record<string, unknown>>): string {
  return `---\n${stringify(frontMatter, YAML_OPTIONS)}---\n`;
}
