// Loaded with `--import` before Papershelf's own modules when the package is installed in
// another project. Papershelf is written in TypeScript that Node runs by stripping the types,
// which Node refuses to do for files under node_modules; this hook strips them for the
// package's own files only, with Node's own stripper, so what runs is the same code.
import { readFileSync } from 'node:fs';
import { registerHooks, stripTypeScriptTypes } from 'node:module';

const PACKAGE = new URL('../', import.meta.url).href;

registerHooks({
  load(url, context, nextLoad) {
    if (!url.startsWith(PACKAGE) || !url.endsWith('.ts') || url.includes('/node_modules/', PACKAGE.length)) return nextLoad(url, context);
    const source = readFileSync(new URL(url), 'utf8');
    return { format: 'module', source: stripTypeScriptTypes(source, { mode: 'strip', sourceUrl: url }), shortCircuit: true };
  },
});
