/**
 * I/O: the project's own inline scripts, `src/scripts/inline/*.js`, as the markup guard accepts
 * them: by their exact text, trimmed. A page embeds one with
 * `<script is:inline set:html={source} />` (importing it with `?raw`), so the text on the page
 * is the file's; an inline script with any other text stops the build.
 */
import { readdirSync, readFileSync } from 'node:fs';

const FOLDER = new URL('../scripts/inline/', import.meta.url);

let scripts: ReadonlySet<string> | undefined;

/** The texts of the project's inline scripts, read once per process. */
export function inlineScripts(): ReadonlySet<string> {
  scripts ??= new Set(
    readdirSync(FOLDER)
      .filter((name) => name.endsWith('.js'))
      .sort()
      .map((name) => readFileSync(new URL(name, FOLDER), 'utf8').trim())
      .filter((text) => text !== ''),
  );
  return scripts;
}
