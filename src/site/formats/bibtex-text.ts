/**
 * Untrusted text as the value of a BibTeX field. Every character that BibTeX or TeX reads as
 * syntax is written as a TeX command that prints it (`{` → `\textbraceleft{}`, `\` →
 * `\textbackslash{}`, `%` → `\%` …), so the only braces in the result are balanced pairs this
 * module writes: no text can end its field, its entry, or run a TeX command. TeX ligatures
 * (`--`, `''`, `?``) are broken with `{}`, so the text prints as written.
 *
 * TeX math (`$…$`, `$$…$$`, `\(…\)`) is written as it is, found by the rule the ingest's BibTeX
 * reader uses too (bibtex-math.ts), so titles like `$\mathcal{O}(n)$` typeset as math and read
 * back unchanged. A math span is written as it is only when it is harmless: braces balanced,
 * none of `% # & $` or TeX's `^^` character codes, and only the math commands listed below
 * (`\frac`, `\alpha`…, never `\input` or `\def`); otherwise it is escaped like other text.
 */
import { escapedAt, mathEnd } from './bibtex-math.ts';

/** Characters BibTeX or TeX would read as syntax, and the commands that print them instead. */
const ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}',
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '%': '\\%',
  '&': '\\&',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  // In TeX's default font encoding these three print as ¡, ¿ and —.
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '|': '\\textbar{}',
};

/** Character pairs TeX prints as one other character (`--` as –, `''` as ”). */
const LIGATURES = new Set(['--', "''", '``', '?`', '!`', ',,']);

/** The commands this module writes itself. */
export const ESCAPE_COMMANDS: ReadonlySet<string> = new Set([
  'textbackslash',
  'textbraceleft',
  'textbraceright',
  'textasciitilde',
  'textasciicircum',
  'textless',
  'textgreater',
  'textbar',
]);

/** Math commands a math span written as it is may use: symbols, fonts and layout, none of which reads files, defines macros or writes. */
export const MATH_COMMANDS: ReadonlySet<string> = new Set(
  [
    'alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu xi pi varpi rho varrho sigma varsigma tau upsilon phi varphi chi psi omega',
    'Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega',
    'mathcal mathbb mathbf mathrm mathit mathsf mathtt mathfrak boldsymbol bm text textbf textit textrm textsf texttt operatorname displaystyle mathop limits',
    'frac dfrac tfrac sqrt binom left right middle big Big bigg Bigg bigl bigr Bigl Bigr overline underline hat widehat tilde widetilde bar vec dot ddot',
    'sum prod int iint oint lim log ln exp sin cos tan max min arg argmax argmin sup inf det dim',
    'leq le geq ge neq ne approx sim simeq cong equiv propto ll gg in notin ni subset subseteq supset supseteq cup cap setminus emptyset varnothing',
    'forall exists neg lnot land lor wedge vee to rightarrow leftarrow Rightarrow Leftarrow leftrightarrow Leftrightarrow mapsto implies iff mid parallel perp',
    'infty partial nabla cdot cdots ldots dots vdots ddots times div pm mp circ star ast bullet oplus otimes odot prime ell hbar top bot',
    'langle rangle lceil rceil lfloor rfloor lVert rVert Vert vert lbrace rbrace quad qquad',
  ].flatMap((group) => group.split(' ')),
);

/** Control symbols (`\` and one non-letter) a math span written as it is may use: escaped braces, bars, spaces. */
const MATH_SYMBOLS = new Set(['{', '}', '|', ',', ';', ':', '!', ' ', '_', '\\']);

/** True when a math span may be written as it is (see the module comment). */
export function isHarmlessMath(span: string): boolean {
  const inner = span.startsWith('$$') || span.startsWith('\\(') ? span.slice(2, -2) : span.slice(1, -1);
  // A `$` inside would end the math early and open more: `$\\A$$…` is `$\\A$` then math left open.
  if (/[%#&$\r\n]|\^\^/.test(inner)) return false;
  // BibTeX counts every brace, escaped or not.
  let depth = 0;
  for (const char of inner) {
    if (char === '{') depth += 1;
    else if (char === '}' && --depth < 0) return false;
  }
  if (depth !== 0) return false;
  for (const [, word, symbol] of inner.matchAll(/\\(?:([A-Za-z]+)|([^A-Za-z]|$))/g)) {
    if (word !== undefined ? !MATH_COMMANDS.has(word) : !MATH_SYMBOLS.has(symbol ?? '')) return false;
  }
  return true;
}

/** A run of letters, marks and digits: a word, or the word part of `GPT-4`. */
const WORD = /[\p{L}\p{M}\p{N}]+/uy;

/** True when a style that lowercases titles would wrongly change `word`: `BERT`, `LLaMA`, `3D`, or a lone capital such as `I`. */
function needsCaseProtection(word: string, first: boolean): boolean {
  const letters = [...word];
  return letters.slice(1).some((letter) => /\p{Lu}/u.test(letter)) || (!first && letters.length === 1 && /\p{Lu}/u.test(word));
}

/** Options for `bibtexText`. */
export interface BibtexTextOptions {
  /**
   * Braces words that a style lowercasing titles would change (`{BERT}`, `{LLaMA}`), and math.
   * For titles; names are never recased. Default false.
   */
  readonly protectCase?: boolean;
}

/** `text` as the content of a braced BibTeX field (without the outer braces). */
export function bibtexText(text: string, options: BibtexTextOptions = {}): string {
  let out = '';
  let firstWord = true;
  for (let i = 0; i < text.length;) {
    const char = text[i]!;
    if ((char === '$' || text.startsWith('\\(', i)) && !escapedAt(text, i)) {
      const end = mathEnd(text, i);
      if (end !== -1 && isHarmlessMath(text.slice(i, end))) {
        out += options.protectCase ? `{${text.slice(i, end)}}` : text.slice(i, end);
        i = end;
        firstWord = false;
        continue;
      }
    }
    WORD.lastIndex = i;
    const word = WORD.exec(text)?.[0];
    if (word !== undefined) {
      out += options.protectCase && needsCaseProtection(word, firstWord) ? `{${word}}` : word;
      i += word.length;
      firstWord = false;
      continue;
    }
    const codePoint = String.fromCodePoint(text.codePointAt(i)!);
    if (i > 0 && LIGATURES.has(`${text[i - 1]}${char}`)) out += '{}';
    out += ESCAPES[codePoint] ?? codePoint;
    i += codePoint.length;
  }
  return out;
}

/**
 * A URL or DOI as a verbatim BibTeX field (`url`, `doi`): written as it is, since styles print
 * these without TeX, except that braces and backslashes, which could end the field, and `$`,
 * which some readers take for math even there, are percent-encoded: the same address to a
 * server or DOI resolver. Validated URLs and DOIs have no white space.
 */
export function bibtexVerbatim(value: string): string {
  return value.replace(/[{}\\$\s]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
