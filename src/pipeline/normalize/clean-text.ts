/** Control characters that never belong in paper metadata: C0 except tab and LF, DEL, C1. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** More combining marks on one character than any script needs ("Zalgo" text breaks layouts). */
const MARK_PILE = /(\p{M}{4})\p{M}+/gu;
/** UTF-8 read as Latin-1 or Windows-1252: `Ã©` for é, `â€™` for ’. */
const MOJIBAKE = /Ã[\u0080-\u00bf]|â€[\u0080-\u00bf\u2018-\u201e\u2122\u0153\u0161]/;

/** Cleaned text and what cleaning had to change, for the report. */
export interface CleanedText {
  readonly value: string;
  readonly changes: string[];
}

/**
 * Makes untrusted text safe to store: lone surrogates become U+FFFD, control characters are
 * removed, the text is NFC-normalised (so `é` typed two ways is one string for dedup, slugs and
 * search) and trimmed. `singleLine` also folds runs of white space, line breaks included, into
 * one space — right for titles and names, wrong for abstracts, whose line breaks are kept.
 */
export function cleanText(raw: string, { singleLine }: { singleLine: boolean }): CleanedText {
  const changes: string[] = [];
  let value = raw;
  if (!value.isWellFormed()) {
    value = value.toWellFormed();
    changes.push('replaced unpaired surrogate code units with U+FFFD');
  }
  const controls = value.match(CONTROL);
  if (controls) {
    value = value.replace(CONTROL, singleLine ? ' ' : '');
    const names = [...new Set(controls.map((c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`))];
    changes.push(`removed control characters (${names.join(', ')})`);
  }
  // A byte-order mark inside text is invisible, and a sign of files glued together.
  if (value.includes('\ufeff')) {
    value = value.replaceAll('\ufeff', '');
    changes.push('removed byte-order marks (U+FEFF) inside the text');
  }
  value = value.normalize('NFC');
  const piled = value.replace(MARK_PILE, '$1');
  if (singleLine && piled !== value) {
    value = piled;
    changes.push('kept at most 4 combining marks on a character');
  }
  if (MOJIBAKE.test(value)) changes.push('looks like UTF-8 read as Latin-1 (such as `Ã©` for `é`); check the source encoding');
  value = singleLine ? value.replace(/\s+/g, ' ').trim() : value.replace(/[ \t]+\n/g, '\n').trim();
  return { value, changes };
}
