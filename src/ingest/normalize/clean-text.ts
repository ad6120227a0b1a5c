/** Control characters that never belong in paper metadata: C0 except tab and LF, DEL, C1. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Combining marks allowed on one character in any text. Longer runs are cut before NFC, whose
 * canonical reordering takes time quadratic in a run's length; no script stacks more than a
 * handful.
 */
export const MARKS_KEPT = 16;
const LONG_PILE = new RegExp(`(\\p{M}{${MARKS_KEPT}})\\p{M}+`, 'gu');
const LONG_RUN = new RegExp(`\\p{M}{${MARKS_KEPT + 1}}`, 'u');
/**
 * True when `text` has a run of more than `MARKS_KEPT` combining marks: NFC would be slow on it,
 * and `cleanText` cuts the run (and says so) before normalising.
 */
export const hasLongMarkRun = (text: string): boolean => LONG_RUN.test(text);
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
 * `line` without the spaces and tabs that end it. A loop, not `/[ \t]+\n/`: a regular
 * expression retries a long run of spaces from each of its characters (time quadratic in the
 * run).
 */
function trimLineEnd(line: string): string {
  let end = line.length;
  while (end > 0 && (line.charCodeAt(end - 1) === 0x20 || line.charCodeAt(end - 1) === 0x09)) end -= 1;
  return end === line.length ? line : line.slice(0, end);
}

/**
 * Makes untrusted text safe to store: lone surrogates become U+FFFD, control characters are
 * removed, the text is NFC-normalised (so `é` typed two ways is one string for dedup, slugs and
 * search) and trimmed. `singleLine` also folds runs of white space, line breaks included, into
 * one space — right for titles and names, wrong for abstracts, whose line breaks must stay.
 * Every step is linear in the text's length.
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
  const cut = value.replace(LONG_PILE, '$1');
  const marksCut = cut !== value;
  value = cut.normalize('NFC');
  if (singleLine) {
    const piled = value.replace(MARK_PILE, '$1');
    if (marksCut || piled !== value) changes.push('kept at most 4 combining marks on a character');
    value = piled;
  } else if (marksCut) {
    changes.push(`kept at most ${MARKS_KEPT} combining marks on a character`);
  }
  if (MOJIBAKE.test(value)) changes.push('looks like UTF-8 read as Latin-1 (such as `Ã©` for `é`); check the source encoding');
  if (singleLine) value = value.replace(/\s+/g, ' ');
  // Most abstracts have no space before a line break: the split is skipped for them.
  else if (/[ \t]\n/.test(value)) value = value.split('\n').map(trimLineEnd).join('\n');
  value = value.trim();
  return { value, changes };
}
