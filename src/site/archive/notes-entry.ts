/** A paper's notes as the content collection holds them, for its page to render: the one entry a page reads besides its props. */
import { getEntry } from 'astro:content';

/** The collection entry of a paper that has notes (only those are in the collection); undefined for one without. */
export async function getNotesEntry(slug: string) {
  const entry = await getEntry('notes', slug);
  return entry?.body ? entry : undefined;
}
