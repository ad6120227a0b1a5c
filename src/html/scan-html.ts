/**
 * Runs parse5's spec-conforming tokenizer over a whole page synchronously and hands each
 * token, with its source offsets, to `handlers`. parse5's SAX parser is a stream; feeding
 * it the page in one piece and finishing it by hand keeps the rewriting functions pure.
 */
import { SAXParser, type EndTag, type StartTag, type Text } from 'parse5-sax-parser';

/** What to do with each kind of token; all optional. */
export interface HtmlHandlers {
  startTag?(tag: StartTag): void;
  endTag?(tag: EndTag): void;
  text?(text: Text): void;
}

const ignore = () => {};

/**
 * Tokenizes `html`, calling `handlers` in document order, before returning. Tokens carry their
 * source offsets.
 */
export function scanHtml(html: string, handlers: HtmlHandlers): void {
  const parser = new SAXParser({ sourceCodeLocationInfo: true });
  if (handlers.startTag) parser.on('startTag', handlers.startTag);
  if (handlers.endTag) parser.on('endTag', handlers.endTag);
  if (handlers.text) parser.on('text', handlers.text);
  // _transform and _final run the tokenizer synchronously (see parse5-sax-parser's source);
  // going through write()/end() would deliver the last tokens on a later tick.
  parser._transform(html, 'utf8', ignore);
  parser._final(ignore);
  parser.destroy();
}
