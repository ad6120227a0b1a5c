/**
 * The text-mode TeX that arXiv abstracts carry outside formulas — `\textbf{…}`, `\emph{…}`,
 * `\texttt{…}`, `\href{url}{text}`, escaped `\%`, `\&`… (common in abstracts) — read as styled
 * runs of plain text, so pages show bold and italics instead of backslashes, and the search
 * index reads the words. Never markup: the runs are text, and the page escapes them. A command
 * it does not know, or one whose braces do not close, stays as written. Pure.
 */

/** How a run of text is shown. */
export type TextStyle = 'strong' | 'em' | 'code' | null;

/** A run of text in one style. */
export type TextRun = { readonly text: string; readonly style: TextStyle };

/** Commands whose one argument is text, and the style it takes (null: shown plain). */
const STYLED: Readonly<Record<string, TextStyle>> = {
  textbf: 'strong',
  textit: 'em',
  textsl: 'em',
  emph: 'em',
  texttt: 'code',
  textsc: null,
  textrm: null,
  textsf: null,
  textnormal: null,
  textup: null,
  underline: null,
  uline: null,
  text: null,
  mbox: null,
  url: null,
};

/** Characters TeX wants escaped in text, and only those: `\%` reads %. */
const ESCAPED = /\\([%&_#$])/g;

/** The brace group starting at `open` (a `{`): its content and the index after it, or null when it never closes. A backslash escapes the next character. */
export function braceGroup(text: string, open: number): { content: string; end: number } | null {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return { content: text.slice(open + 1, i), end: i + 1 };
  }
  return null;
}

/** True when `text` holds text-mode TeX that `textRuns` reads: its runs differ from the text as written. */
export function hasTextMarkup(text: string): boolean {
  const runs = textRuns(text);
  return runs.some((run) => run.style !== null) || runs.map((run) => run.text).join('') !== text;
}

/** `text` (outside formulas) as runs of plain text, each in one style; adjacent runs of a style are one. */
export function textRuns(text: string, style: TextStyle = null): TextRun[] {
  const runs: TextRun[] = [];
  const add = (more: string, as: TextStyle) => {
    if (more === '') return;
    const last = runs.at(-1);
    if (last && last.style === as) runs[runs.length - 1] = { text: last.text + more, style: as };
    else runs.push({ text: more, style: as });
  };
  let plain = 0;
  const command = /\\([a-zA-Z]+)\{/g;
  for (let match = command.exec(text); match; match = command.exec(text)) {
    const name = match[1]!;
    const open = match.index + match[0].length - 1;
    const known = name in STYLED || name === 'href';
    const first = known ? braceGroup(text, open) : null;
    // \href{url}{text} shows its text; the address is not made a link (it is entry text).
    const second = name === 'href' && first && text[first.end] === '{' ? braceGroup(text, first.end) : null;
    if (!first || (name === 'href' && !second)) continue;
    add(text.slice(plain, match.index).replace(ESCAPED, '$1'), style);
    const inner = name === 'href' ? second! : first;
    for (const run of textRuns(inner.content, name === 'href' ? style : (STYLED[name] ?? style))) add(run.text, run.style);
    plain = inner.end;
    command.lastIndex = inner.end;
  }
  add(text.slice(plain).replace(ESCAPED, '$1'), style);
  return runs;
}
