/**
 * How deeply JSON nests, checked before jsonc-parser reads it: the parser recurses once per
 * level of `[` and `{` and runs out of stack a few thousand levels down (a RangeError naming no
 * file), while an entry nests a few levels at most.
 */

/** The deepest nesting of arrays and objects read. */
export const MAX_JSON_DEPTH = 512;

/** The offset of the first `[` or `{` nested deeper than `MAX_JSON_DEPTH` (text in strings skipped), or -1. Linear. */
export function tooDeepAt(text: string): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c) i += 1;
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x5b || code === 0x7b) {
      depth += 1;
      if (depth > MAX_JSON_DEPTH) return i;
    } else if (code === 0x5d || code === 0x7d) depth -= 1;
  }
  return -1;
}

/** The reason given for JSON nested too deeply. */
export const TOO_DEEP = `invalid JSON: nested more than ${MAX_JSON_DEPTH} levels deep (an entry is an object a few levels deep)`;
