/** I/O: whether Hugo is installed, and which version (the comparison prints it). */
import { execFileSync } from 'node:child_process';

/** `hugo version`'s first line, or null when there is no `hugo` on PATH. */
export function hugoVersion(): string | null {
  try {
    return execFileSync('hugo', ['version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n')[0] ?? '';
  } catch {
    return null;
  }
}
