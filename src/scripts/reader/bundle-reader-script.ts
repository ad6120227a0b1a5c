/**
 * I/O: bundles start-reader.ts into the minified classic script pages inline, and, run as a
 * command (`npm run reader-script`), writes it into reader-script.ts. The generated file is
 * checked in so that pages and the markup guard read the same text without a build step;
 * test/site/reader-script.test.ts fails when it is stale.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ENTRY = fileURLToPath(new URL('./start-reader.ts', import.meta.url));
const OUTPUT = fileURLToPath(new URL('./reader-script.ts', import.meta.url));

/** The reader script as pages inline it: one minified classic script (an IIFE). */
export async function bundleReaderScript(): Promise<string> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    write: false,
    legalComments: 'none',
    tsconfigRaw: {},
  });
  return result.outputFiles[0]!.text.trim();
}

/** The source of reader-script.ts holding `script`. */
export function readerScriptModule(script: string): string {
  return `// Generated from start-reader.ts by bundle-reader-script.ts (\`npm run reader-script\`). Do not edit.
/** The inline script of every page (theme, keys, copy buttons, offline registration), minified. The markup guard allows exactly this text. */
export const READER_SCRIPT = ${JSON.stringify(script)};
`;
}

if (import.meta.main) await writeFile(OUTPUT, readerScriptModule(await bundleReaderScript()));
