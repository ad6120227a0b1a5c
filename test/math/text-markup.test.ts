import { describe, expect, it } from 'vitest';
import { hasTextMarkup, textRuns } from '../../src/site/math/text-markup.ts';

describe('text-mode TeX in entry text', () => {
  it('shows bold, italics and code as styled runs of plain text', () => {
    expect(textRuns(String.raw`We present \textbf{LoRA-Drop}, an \emph{adaptive} method in \texttt{torch}.`)).toEqual([
      { text: 'We present ', style: null },
      { text: 'LoRA-Drop', style: 'strong' },
      { text: ', an ', style: null },
      { text: 'adaptive', style: 'em' },
      { text: ' method in ', style: null },
      { text: 'torch', style: 'code' },
      { text: '.', style: null },
    ]);
  });

  it('reads escapes, nested commands and links as text', () => {
    expect(
      textRuns(
        String.raw`\textbf{45--55\% fewer \emph{KV} updates} \& more at \href{https://x.example/}{our site}, \url{https://y.example/}`,
      ),
    ).toEqual([
      { text: '45--55% fewer ', style: 'strong' },
      { text: 'KV', style: 'em' },
      { text: ' updates', style: 'strong' },
      { text: ' & more at our site, https://y.example/', style: null },
    ]);
  });

  it('leaves what it does not know, and braces that never close, as written', () => {
    const text = String.raw`a \method{X} and \textbf{unclosed and \cite{k} \$5`;
    expect(textRuns(text)).toEqual([{ text: String.raw`a \method{X} and \textbf{unclosed and \cite{k} $5`, style: null }]);
    expect(hasTextMarkup('plain text, 5% and {braces}')).toBe(false);
    expect(hasTextMarkup(String.raw`\emph{x}`)).toBe(true);
    expect(hasTextMarkup(String.raw`50\%`)).toBe(true);
  });

  it('never turns text into markup: a run holds exactly the characters it was given', () => {
    const hostile = String.raw`\textbf{<script>alert(1)</script>} \href{javascript:alert(1)}{<img src=x onerror=alert(1)>}`;
    expect(textRuns(hostile)).toEqual([
      { text: '<script>alert(1)</script>', style: 'strong' },
      { text: ' <img src=x onerror=alert(1)>', style: null },
    ]);
  });
});
