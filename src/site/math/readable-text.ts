/**
 * Entry text with its formulas made readable as plain text, for what cannot show rendered
 * math: the search index and its excerpts, and short links to other papers. Delimiters go,
 * common commands become their symbols (`\alpha` → α, `\leq` → ≤), font and text commands
 * leave their argument (`\mathbf{x}` → x), `\frac{a}{b}` reads a/b, sub- and superscripts
 * stay as written (`x^2`). Text outside formulas reads as text-markup.ts reads it (`\textbf{x}`
 * → x, `\%` → %). Not a TeX renderer: what it does not know it keeps, without the backslash. Pure.
 */
import { findMath } from './find-math.ts';
import { braceGroup, textRuns } from './text-markup.ts';

/** Commands written as one symbol. */
const SYMBOLS: Readonly<Record<string, string>> = {
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ε',
  varepsilon: 'ε',
  zeta: 'ζ',
  eta: 'η',
  theta: 'θ',
  vartheta: 'ϑ',
  iota: 'ι',
  kappa: 'κ',
  lambda: 'λ',
  mu: 'μ',
  nu: 'ν',
  xi: 'ξ',
  pi: 'π',
  varpi: 'ϖ',
  rho: 'ρ',
  varrho: 'ϱ',
  sigma: 'σ',
  varsigma: 'ς',
  tau: 'τ',
  upsilon: 'υ',
  phi: 'ϕ',
  varphi: 'φ',
  chi: 'χ',
  psi: 'ψ',
  omega: 'ω',
  Gamma: 'Γ',
  Delta: 'Δ',
  Theta: 'Θ',
  Lambda: 'Λ',
  Xi: 'Ξ',
  Pi: 'Π',
  Sigma: 'Σ',
  Upsilon: 'Υ',
  Phi: 'Φ',
  Psi: 'Ψ',
  Omega: 'Ω',
  ell: 'ℓ',
  hbar: 'ℏ',
  infty: '∞',
  partial: '∂',
  nabla: '∇',
  emptyset: '∅',
  varnothing: '∅',
  forall: '∀',
  exists: '∃',
  neg: '¬',
  times: '×',
  cdot: '·',
  div: '÷',
  pm: '±',
  mp: '∓',
  ast: '∗',
  star: '⋆',
  circ: '∘',
  bullet: '•',
  oplus: '⊕',
  otimes: '⊗',
  le: '≤',
  leq: '≤',
  ge: '≥',
  geq: '≥',
  neq: '≠',
  ne: '≠',
  approx: '≈',
  sim: '~',
  simeq: '≃',
  cong: '≅',
  equiv: '≡',
  propto: '∝',
  ll: '≪',
  gg: '≫',
  in: '∈',
  notin: '∉',
  ni: '∋',
  subset: '⊂',
  subseteq: '⊆',
  supset: '⊃',
  supseteq: '⊇',
  cup: '∪',
  cap: '∩',
  setminus: '∖',
  wedge: '∧',
  land: '∧',
  vee: '∨',
  lor: '∨',
  perp: '⊥',
  parallel: '∥',
  mid: '|',
  vert: '|',
  Vert: '‖',
  to: '→',
  rightarrow: '→',
  leftarrow: '←',
  gets: '←',
  leftrightarrow: '↔',
  Rightarrow: '⇒',
  Leftarrow: '⇐',
  Leftrightarrow: '⇔',
  implies: '⇒',
  iff: '⇔',
  mapsto: '↦',
  uparrow: '↑',
  downarrow: '↓',
  longrightarrow: '⟶',
  sum: '∑',
  prod: '∏',
  int: '∫',
  oint: '∮',
  sqrt: '√',
  angle: '∠',
  triangle: '△',
  top: '⊤',
  bot: '⊥',
  dagger: '†',
  ldots: '…',
  dots: '…',
  cdots: '⋯',
  vdots: '⋮',
  ddots: '⋱',
  prime: '′',
  degree: '°',
  langle: '⟨',
  rangle: '⟩',
  lceil: '⌈',
  rceil: '⌉',
  lfloor: '⌊',
  rfloor: '⌋',
  lbrace: '{',
  rbrace: '}',
  lvert: '|',
  rvert: '|',
  lVert: '‖',
  rVert: '‖',
  '%': '%',
  $: '$',
  '&': '&',
  '#': '#',
  _: '_',
  '{': '{',
  '}': '}',
  '|': '‖',
};

/** Commands that only space or size: they read as a space, or as nothing. */
const SPACES: Readonly<Record<string, string>> = {
  ',': ' ',
  ';': ' ',
  ':': ' ',
  ' ': ' ',
  quad: ' ',
  qquad: ' ',
  '!': '',
  '\\': ' ',
  newline: ' ',
};
const SILENT = new Set([
  'left',
  'right',
  'big',
  'Big',
  'bigg',
  'Bigg',
  'bigl',
  'bigr',
  'Bigl',
  'Bigr',
  'biggl',
  'biggr',
  'middle',
  'displaystyle',
  'textstyle',
  'scriptstyle',
  'limits',
  'nolimits',
  'nonumber',
  'notag',
  // Fonts, text and accents: their argument is what reads.
  'mathbf',
  'mathrm',
  'mathit',
  'mathsf',
  'mathtt',
  'mathcal',
  'mathbb',
  'mathfrak',
  'mathscr',
  'mathnormal',
  'boldsymbol',
  'bm',
  'pmb',
  'text',
  'textbf',
  'textit',
  'textrm',
  'textsf',
  'texttt',
  'textnormal',
  'emph',
  'mbox',
  'operatorname',
  'mathop',
  'hat',
  'bar',
  'tilde',
  'vec',
  'dot',
  'ddot',
  'overline',
  'underline',
  'widehat',
  'widetilde',
  'overrightarrow',
]);

/** `\name` → its reading; arguments in braces are read on their own (`\mathbf{x}` → x). */
function readCommand(name: string): string {
  return SYMBOLS[name] ?? SPACES[name] ?? (SILENT.has(name) ? '' : name);
}

/** One formula's TeX read as plain text. */
export function readableTex(tex: string): string {
  let out = '';
  for (let i = 0; i < tex.length;) {
    const char = tex[i]!;
    if (char === '\\') {
      const name = /^(?:[a-zA-Z]+|.)/s.exec(tex.slice(i + 1))?.[0] ?? '';
      i += 1 + name.length;
      // \frac{a}{b} → a/b, with parentheses around a part that is more than one token.
      if ((name === 'frac' || name === 'dfrac' || name === 'tfrac') && tex[i] === '{') {
        const top = braceGroup(tex, i);
        const bottom = top && tex[top.end] === '{' ? braceGroup(tex, top.end) : null;
        if (top && bottom) {
          const part = (content: string) => {
            const read = readableTex(content).trim();
            return /^[\p{L}\p{N}.]+$/u.test(read) ? read : `(${read})`;
          };
          out += `${part(top.content)}/${part(bottom.content)}`;
          i = bottom.end;
          continue;
        }
      }
      out += readCommand(name);
    } else if (char === '{' || char === '}') {
      i += 1;
    } else {
      out += char === '~' ? ' ' : char;
      i += 1;
    }
  }
  return out.replace(/[ \t]+/g, ' ').trim();
}

/** `text` with its formulas read as plain text (see the module comment). */
export function readableText(text: string): string {
  return findMath(text)
    .map((piece) =>
      piece.kind === 'math'
        ? readableTex(piece.tex)
        : textRuns(piece.text)
            .map((run) => run.text)
            .join(''),
    )
    .join('');
}
