/**
 * What the command line prints when a run fails: one line, no stack trace. A system error
 * (a port in use, a folder it may not write, a full disk) names the path or port and what to
 * do; an error of ours says it in its message. Only an error nothing expected — a defect —
 * keeps its stack trace, which `--verbose` shows for every error.
 */
import { displayPath } from '../messages/errors.ts';
import { messageLine } from '../messages/message.ts';
import { PortInUse, PortNeedsPrivileges } from '../messages/messages.ts';

/** What to do about a system error, by its code. */
const HINTS: Readonly<Record<string, string>> = {
  ENOSPC: 'the disk is full; free some space and run again (nothing was published)',
  EDQUOT: 'the disk quota is used up; free some space and run again (nothing was published)',
  EACCES: 'permission denied; check who owns it, or choose a folder you may write',
  EPERM: 'the operation is not permitted there; choose another folder',
  EROFS: 'the file system is read-only; choose a folder on a writable disk',
  ENOENT: 'it does not exist; check the path',
  ENOTDIR: 'part of the path is a file, not a folder; check the path',
  EISDIR: 'it is a folder, where a file was expected; check the path',
  EMFILE: 'too many files are open; raise the limit (ulimit -n) and run again',
  EXDEV: 'it is on another file system; report this, as Papershelf should have moved it another way',
};

/** The one-line explanation of `error`, without the `papershelf:` prefix. */
export function explainError(error: unknown, { verbose = false } = {}): string {
  if (!(error instanceof Error)) return String(error);
  const system = error as NodeJS.ErrnoException & { address?: string; port?: number };
  if (typeof system.code === 'string' && typeof system.syscall === 'string') {
    if (system.code === 'EADDRINUSE') return messageLine(PortInUse, system.port, system.address);
    if (system.syscall === 'listen' && (system.code === 'EACCES' || system.code === 'EPERM'))
      return messageLine(PortNeedsPrivileges, system.port);
    const where = system.path ? ` ${displayPath(system.path)}` : '';
    const hint = HINTS[system.code];
    const line = `cannot ${system.syscall}${where}: ${system.code}${hint ? `: ${hint}` : ` (${error.message})`}`;
    return verbose && error.stack ? `${line}\n${error.stack}` : line;
  }
  if (error.name === 'UserError' || error.name === 'RunError') return error.message;
  return error.stack ?? error.message;
}
