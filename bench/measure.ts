/**
 * Runs a command and measures it from outside: wall time, and memory sampled from /proc every
 * 50 ms over the whole process tree — the peak of any one process (what the targets limit)
 * and the peak of the tree at once (what the machine must hold).
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** One memory sample: when (ms since the epoch), the largest process and the whole tree, in MB. */
export interface Sample {
  readonly at: number;
  readonly processMb: number;
  readonly treeMb: number;
}

/** What one measured run took. */
export interface Measurement {
  readonly seconds: number;
  readonly peakProcessMb: number;
  readonly peakTreeMb: number;
  readonly exitCode: number | null;
  readonly samples: readonly Sample[];
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
  const samples: Sample[] = [];
  const timer = setInterval(() => {
    if (child.pid === undefined) return;
    const sizes = tree(child.pid).map(rssKb);
    samples.push({ at: Date.now(), processMb: Math.max(0, ...sizes) / 1024, treeMb: sizes.reduce((a, b) => a + b, 0) / 1024 });
  }, 50);
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(timer);
  return {
    seconds: Number(process.hrtime.bigint() - start) / 1e9,
    peakProcessMb: Math.round(Math.max(0, ...samples.map((sample) => sample.processMb))),
    peakTreeMb: Math.round(Math.max(0, ...samples.map((sample) => sample.treeMb))),
    exitCode,
    samples,
  };
}
