/**
 * Phrases of the taxonomy file as regular expressions: whole words, plural endings and version
 * numbers allowed, spaces matching spaces or hyphens, and many phrases folded into one
 * expression through a trie of their shared prefixes.
 */

/** Every dash-like code point writers use for a hyphen: ‐ ‑ ‒ – — ― − ﹣ －. */
const DASHES = /[\u2010-\u2015\u2212\uFE63\uFF0D]/g;
/** Whole-word edges: not next to a letter, digit or combining mark of any script. */
const BEFORE = '(?<![\\p{L}\\p{N}\\p{M}])';
/** After a phrase: a plural ending or a version number ("Mamba2"), then a word edge. */
const AFTER = '(?:e?s|\\d+(?:\\.\\d+)*)?(?![\\p{L}\\p{N}\\p{M}])';
/** What a `*` in an exclude phrase stands for: one word, which may contain apostrophes. */
const ANY_WORD = "[\\p{L}\\p{N}\\p{M}']+";

/** The text as the matcher sees it: NFC, every dash a `-`, curly apostrophes straight, soft hyphens gone. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .replace(DASHES, '-')
    .replace(/[\u2019\u02BC]/g, "'")
    .replace(/\u00AD/g, '');
}

/** The lookup key of a phrase or of matched text: separators dropped, lower-cased unless case matters. */
export function keyOf(text: string, caseSensitive: boolean): string {
  const key = normalizeText(text).replace(/[\s-]+/g, '');
  return caseSensitive ? key : key.toLowerCase();
}

/** A phrase as regular-expression atoms: one per character, a loose separator class, or `*` for one word. */
function phraseAtoms(phrase: string, caseSensitive: boolean): string[] {
  const atoms: string[] = [];
  normalizeText(phrase.trim())
    .split(/([\s-]+)/)
    .forEach((part, i) => {
      if (i % 2 === 1) atoms.push(part.includes('-') ? '[\\s-]*' : '[\\s-]+');
      else if (part === '*') atoms.push(ANY_WORD);
      else for (const char of caseSensitive ? part : part.toLowerCase()) atoms.push(char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
    });
  return atoms;
}

/** A trie of atom sequences; `end` marks where a phrase ends. */
interface Trie {
  readonly children: Map<string, Trie>;
  end: boolean;
}

/** The most atoms left on any path below `node`. */
function depth(node: Trie): number {
  let deepest = 0;
  for (const child of node.children.values()) deepest = Math.max(deepest, 1 + depth(child));
  return deepest;
}

/**
 * The trie as a regular expression. Alternatives are tried in order, so at each branch the
 * deepest subtree comes first and stopping comes last: the longest phrase wins, as it would
 * in an alternation sorted longest first.
 */
function trieSource(node: Trie): string {
  const branches = [...node.children].sort(([, a], [, b]) => depth(b) - depth(a)).map(([atom, child]) => atom + trieSource(child));
  if (branches.length === 0) return '';
  if (branches.length === 1 && !node.end) return branches[0] ?? '';
  return `(?:${branches.join('|')}${node.end ? '|' : ''})`;
}

/**
 * One regular expression for many phrases, with shared prefixes factored out ("graph (neural
 * network|convolution|…)"): a plain alternation of every phrase scans abstracts far more
 * slowly.
 */
export function unionOf(phrases: Iterable<string>, caseSensitive: boolean): RegExp | null {
  const root: Trie = { children: new Map(), end: false };
  for (const phrase of phrases) {
    let node = root;
    for (const atom of phraseAtoms(phrase, caseSensitive)) {
      let child = node.children.get(atom);
      if (child === undefined) node.children.set(atom, (child = { children: new Map(), end: false }));
      node = child;
    }
    node.end = true;
  }
  if (root.children.size === 0) return null;
  return new RegExp(`${BEFORE}${trieSource(root)}${AFTER}`, caseSensitive ? 'gu' : 'giu');
}
