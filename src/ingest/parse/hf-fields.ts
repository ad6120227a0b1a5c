/**
 * The fields of a Hugging Face daily-papers item, and which of them the archive keeps. The API
 * carries many fields about the listing itself (comments, who submitted it, thumbnails, media);
 * those are named here and set aside without a word. Any field named nowhere here is new to the
 * archive and is warned about, once per field and file (see parse-hf-daily-papers.ts), so a
 * field the API adds is noticed rather than dropped unseen. Pure.
 */
import type { Node } from 'jsonc-parser';

/** Fields of the item (`[{…}]`): kept, or read as a fallback for the paper's own. */
const ITEM_READ = ['paper', 'publishedAt', 'title', 'summary', 'upvotes', 'submittedOnDailyAt'];
/** Listing-only fields of the item, deliberately not kept. */
const ITEM_LISTING = ['thumbnail', 'numComments', 'submittedBy', 'mediaUrls', 'isAuthorParticipating', 'organization'];
/** Fields of `paper` that are kept or read. */
const PAPER_READ = ['id', 'title', 'summary', 'authors', 'publishedAt', 'submittedOnDailyAt', 'upvotes', 'githubRepo', 'projectPage'];
/**
 * Fields of `paper` deliberately not kept: Hugging Face's own records (`discussionId`,
 * `submittedOnDailyBy`, `organization`, `withdrawnAt`), its machine-written `ai_summary` and
 * `ai_keywords` (tags are the user's vocabulary; auto-tagging derives the rest), counts that
 * change by the hour (`githubStars`, `numComments`), and media.
 */
const PAPER_LISTING = [
  'discussionId',
  'submittedOnDailyBy',
  'ai_summary',
  'ai_keywords',
  'githubStars',
  'mediaUrls',
  'organization',
  'withdrawnAt',
  'numComments',
  'isAuthorParticipating',
];

const ITEM_KNOWN = new Set([...ITEM_READ, ...ITEM_LISTING]);
const PAPER_KNOWN = new Set([...PAPER_READ, ...PAPER_LISTING]);

/** A field of an item the archive does not know, and where its name is written. */
export interface UnexpectedField {
  /** `numLikes`, or `paper.numLikes` for a field of the paper object. */
  readonly name: string;
  readonly offset: number;
}

/** The names in `object` (a JSON object node) that `known` does not hold, with their offsets. */
function unknownIn(object: Node | undefined, known: ReadonlySet<string>, prefix: string): UnexpectedField[] {
  if (object?.type !== 'object') return [];
  return (object.children ?? []).flatMap((property) => {
    const key = property.children?.[0];
    return typeof key?.value === 'string' && !known.has(key.value) ? [{ name: `${prefix}${key.value}`, offset: key.offset }] : [];
  });
}

/** The fields of a daily-papers item (its array element's node) that are neither kept nor known to be listing-only. */
export function unexpectedFields(item: Node): UnexpectedField[] {
  const paper = item.children?.find((property) => property.children?.[0]?.value === 'paper')?.children?.[1];
  return [...unknownIn(item, ITEM_KNOWN, ''), ...unknownIn(paper, PAPER_KNOWN, 'paper.')];
}

/** `https://huggingface.co/papers/<id>`, the paper's page, for an id Hugging Face lists; else undefined. */
export function hfPaperUrl(id: unknown): string | undefined {
  return typeof id === 'string' && /^[\w./-]+$/.test(id.trim()) ? `https://huggingface.co/papers/${id.trim()}` : undefined;
}
