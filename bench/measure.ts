/**
 * Runs a command and measures it from outside: wall time, and memory sampled from /proc every
 * 50 ms over the whole process tree — the peak of any one process (what the targets limit)
 * and the peak of the tree at once (what the machine must hold).
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** What one measured run took. */
export interface Measurement {
  readonly seconds: number;
  readonly peakProcessMb: number;
  readonly peakTreeMb: number;
  readonly exitCode: number | null;
}

function rssKb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** Parent pid of every live process, read once per sample. */
function parents(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // The process ended between listing and reading.
    }
  }
  return children;
}

function tree(root: number): number[] {
  const children = parents();
  const all = [root];
  for (let i = 0; i < all.length; i += 1) all.push(...(children.get(all[i]!) ?? []));
  return all;
}

/** Runs `command args` (output passed through to stderr) and measures it. */
export async function measure(command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<Measurement> {
  const start = process.hrtime.bigint();
  const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'], env });
  let peakProcess = 0;
  let peakTree = 0;
  const timer = setInterval(() => {
    if (child.pid === undefined) return;
    const sizes = tree(child.pid).map(rssKb);
    peakProcess = Math.max(peakProcess, ...sizes);
    peakTree = Math.max(peakTree, sizes.reduce((a, b) => a + b, 0));
  }, 50);
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(timer);
  return {
    seconds: Number(process.hrtime.bigint() - start) / 1e9,
    peakProcessMb: Math.round(peakProcess / 1024),
    peakTreeMb: Math.round(peakTree / 1024),
    exitCode,
  };
}
