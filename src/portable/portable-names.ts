/**
 * The names the portable archive's build step and its browser code agree on. They live in one
 * module with no imports, so both sides can share it.
 */

/** The global the data wrappers call: `__pf_put("<path under the archive root, in a search bundle>", "<base64>")`. */
export const PUT_GLOBAL = '__pf_put';
/** The global the classic Pagefind script defines, holding Pagefind's exports. */
export const PAGEFIND_GLOBAL = '__papershelfPagefind';
/** Pagefind as a classic script, inside the first search bundle, `pagefind/`. */
export const CLASSIC_PAGEFIND = 'pagefind.classic.js';
/** The search UI as one classic script, relative to the archive root. */
export const SEARCH_SCRIPT = '_astro/portable-search.js';
/** What a data file's wrapper is called: the file's name plus this. */
export const WRAPPER_SUFFIX = '.js';
