/**
 * I/O: one run at a time on a folder. A lock is a file made with `O_EXCL` beside what it
 * guards, naming the process that holds it; it goes when that process ends, however it ends
 * but a kill, and a lock left by a killed process is taken over once that process is gone.
 * Two builds into one folder at once would otherwise both succeed and leave a mix of both.
 */
import { hostname } from 'node:os';
import { closeSync, linkSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { runError } from '../messages/message.ts';
import { InUse, InUseByAnotherRun } from '../messages/messages.ts';

/** What a lock file says. */
interface LockOwner {
  readonly pid: number;
  readonly host: string;
  /** When the lock was taken, as an ISO time. */
  readonly since: string;
  /** What the holder is doing, for the message another run prints. */
  readonly doing: string;
}

/** A lock held by this process. */
export interface Lock {
  /** Gives the lock up; safe to call more than once. */
  release(): void;
}

/** Locks held by this process, released when it exits (an uncaught error or Ctrl-C included). */
const held = new Set<string>();
let exitHooked = false;
function releaseAtExit(): void {
  if (exitHooked) return;
  exitHooked = true;
  process.on('exit', () => {
    for (const file of held) rmSync(file, { force: true });
  });
  // Without a handler these signals end the process without running 'exit' handlers.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      for (const file of held) rmSync(file, { force: true });
      process.kill(process.pid, signal);
    });
  }
}

/** True when the process that wrote `owner` is still running (on this machine; another machine's is taken as running). */
function alive(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return true;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A lock file this young that says nothing yet is being written by its holder (where the file system has no hard links). */
const WRITING_MS = 1_000;

/** Who holds the lock `file`: its owner, 'writing' while it is being made, or null for one its holder left unfinished. */
function readOwner(file: string): LockOwner | 'writing' | null {
  try {
    const owner = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockOwner>;
    if (typeof owner.pid === 'number' && typeof owner.host === 'string') return owner as LockOwner;
  } catch {
    // Empty or cut off: see how old it is.
  }
  const made = statSync(file, { throwIfNoEntry: false });
  return made && Date.now() - made.mtimeMs < WRITING_MS ? 'writing' : null;
}

/** Errors of a file system without hard links (FAT, exFAT). */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

/** True when the process `pid` of this machine is running. */
const running = (pid: number): boolean => alive({ pid, host: hostname(), since: '', doing: '' });

/**
 * Makes the lock `file` holding `text`, or throws EEXIST. Where the file system has hard links,
 * the text is written aside and linked into place, so a lock is never seen empty, even when
 * its maker is killed halfway; elsewhere it is made exclusively, then written.
 */
function placeLock(file: string, text: string): void {
  const draft = `${file}.${process.pid}.new`;
  writeFileSync(draft, text);
  try {
    linkSync(draft, file);
    return;
  } catch (error) {
    if (!NO_LINKS.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    rmSync(draft, { force: true });
  }
  const fd = openSync(file, 'wx');
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
}

/** Removes what killed runs left beside the lock `file` while taking or taking over a lock: ours by name, their process gone. */
function removeLeftDrafts(file: string): void {
  const pattern = new RegExp(`^${basename(file).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(\\d+)\\.(?:new|stale)$`);
  for (const name of readdirSync(dirname(file))) {
    const pid = pattern.exec(name)?.[1];
    if (pid !== undefined && Number(pid) !== process.pid && !running(Number(pid))) rmSync(join(dirname(file), name), { force: true });
  }
}

/**
 * Takes the lock `file` for `doing` (e.g. "building dist"), or stops with one line naming the
 * run that holds it. `what` names the guarded thing in that line.
 */
export function holdLock(file: string, what: string, doing: string): Lock {
  const owner: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString(), doing };
  removeLeftDrafts(file);
  for (let attempt = 0; ; attempt += 1) {
    try {
      placeLock(file, JSON.stringify(owner));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readOwner(file);
      // A lock whose holder is gone (killed), or one cut off while being written, is taken
      // over: renamed aside first, so two runs that both find it stale cannot both take it.
      if (attempt === 0 && (holder === null || (holder !== 'writing' && !alive(holder)))) {
        const aside = `${file}.${process.pid}.stale`;
        try {
          renameSync(file, aside);
          rmSync(aside, { force: true });
        } catch {
          // Another run took it over first; the next attempt finds its lock.
        }
        continue;
      }
      throw holder && holder !== 'writing'
        ? runError(InUse, what, file, holder.pid, holder.host === hostname() ? undefined : holder.host, holder.since, holder.doing)
        : runError(InUseByAnotherRun, what, file);
    }
  }
  held.add(file);
  releaseAtExit();
  return {
    release() {
      if (!held.delete(file)) return;
      rmSync(file, { force: true });
    },
  };
}
