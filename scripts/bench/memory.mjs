// The bench's memory readings: the resident set of every Chromium process this script started, from /proc.
import { readFileSync, readdirSync } from 'node:fs';

function descendants(root) {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const ppid = Number(stat.slice(close + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push({ pid: Number(entry), comm });
    } catch { /* the process ended meanwhile */ }
  }
  const found = [];
  const stack = [root];
  while (stack.length > 0) {
    for (const child of children.get(stack.pop()) ?? []) {
      found.push(child);
      stack.push(child.pid);
    }
  }
  return found;
}

/** RSS counts the pages processes share once per process; PSS splits them: both are reported. */
export function browserMemory() {
  const total = { rss: 0, pss: 0 };
  for (const { pid, comm } of descendants(process.pid)) {
    if (!/chrom/i.test(comm)) continue;
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      total.rss += Number(/^Rss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0) * 1024;
      total.pss += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0) * 1024;
    } catch { /* ended */ }
  }
  return total;
}

/** Samples every 200 ms from now; the returned function stops and gives the peak seen. */
export function samplePeak() {
  const peak = browserMemory();
  const sample = () => {
    const now = browserMemory();
    peak.rss = Math.max(peak.rss, now.rss);
    peak.pss = Math.max(peak.pss, now.pss);
  };
  const timer = setInterval(sample, 200);
  return () => {
    clearInterval(timer);
    sample();
    return peak;
  };
}
