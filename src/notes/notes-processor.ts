/**
 * The Markdown processor Astro compiles notes with (`markdown.processor` in astro.config.mjs,
 * which @astrojs/mdx inherits): Sätteri, as Astro ships it, set up for notes. Typographic
 * rewriting and GFM autolinks are off, since they would silently change text people typed.
 * Before MDX reads a note, its formulas are escaped and fenced (mark-note-math.ts); after, they
 * are rendered with KaTeX (note-math-plugin.ts). A note MDX cannot compile fails with one line,
 * `<file>:<line>: notes: <reason>` and a hint (note-problems.ts): `papershelf build` and the
 * content loader check every note that way before anything renders (check-note.ts), so this is
 * a last resort.
 */
import { satteri } from '@astrojs/markdown-satteri';
import type { HastPluginList } from 'satteri';
import { markNoteMath } from './mark-note-math.ts';
import { noteMathPlugin } from './note-math-plugin.ts';
import { compileProblem, NotesError } from './note-problems.ts';

/** The Markdown features notes are read with. */
export const NOTES_FEATURES = { gfm: false, smartPunctuation: false } as const;

type Processor = ReturnType<typeof satteri>;
type CreateMdxRenderer = NonNullable<Processor['createMdxRenderer']>;

/** The processor; `hastPlugins` run after the notes' math plugin (the notes check adds one). */
export function notesProcessor(options: { readonly hastPlugins?: HastPluginList } = {}): Processor {
  const processor = satteri({ features: { ...NOTES_FEATURES }, hastPlugins: [noteMathPlugin, ...(options.hastPlugins ?? [])] });
  const createMdxRenderer: CreateMdxRenderer = async (shared, mdx) => {
    const renderer = await processor.createMdxRenderer!(shared, mdx);
    return {
      async process(content, filePath, frontmatter) {
        try {
          return await renderer.process(markNoteMath(content), filePath, frontmatter);
        } catch (error) {
          // Astro blanks the front matter, keeping its lines: the line MDX names is the file's.
          throw new NotesError([compileProblem(error, filePath, 1)]);
        }
      },
    };
  };
  return { ...processor, createMdxRenderer };
}
