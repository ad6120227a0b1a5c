/** What `papershelf init` says when it cannot start an archive (src/init/). */
import { quote } from '../errors.ts';
import type { Message } from '../message.ts';

/** `init` without a folder. */
export const InitNeedsFolder = {
  name: 'InitNeedsFolder',
  message: 'init: name the folder for the new archive',
  hint: 'e.g. `npx papershelf init my-shelf --title "Our reading group"`',
} satisfies Message;

/** `init` into a folder that already holds files. */
export const InitFolderNotEmpty = {
  name: 'InitFolderNotEmpty',
  message: (dir: string, names: string) => `init: ${quote(dir)} already holds ${names}`,
  hint: 'Papershelf starts an archive only in a new or empty folder (a git repository with no files yet is fine); name another one',
} satisfies Message<[dir: string, names: string]>;

/** `init` onto a file. */
export const InitFolderIsFile = {
  name: 'InitFolderIsFile',
  message: (dir: string) => `init: ${quote(dir)} is a file, not a folder`,
  hint: 'name a new folder for the archive',
} satisfies Message<[dir: string]>;

/** `--title` that is empty or spans lines. */
export const InitTitleNotOneLine = {
  name: 'InitTitleNotOneLine',
  message: 'init: --title must be one line of text',
  hint: 'e.g. --title "Our reading group"; it can be changed later in papershelf.config.mjs',
} satisfies Message;
