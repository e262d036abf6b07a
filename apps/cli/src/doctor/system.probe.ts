import { readFile, statfs } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { DoctorSection } from './doctor-report';
import { atOrAbove, percentOf, THRESHOLDS } from './doctor-thresholds';
import { SectionVerdict } from './section-verdict';

const CPU_SAMPLE_MS = 250;

// The runbook's `top` / `iostat` glance: CPU, memory and the root disk against 80 / 80 / 90 %.
export async function probeSystem(signal: AbortSignal, path = '/'): Promise<DoctorSection> {
  const [cpuPercent, memory, disk] = await Promise.all([cpuBusyPercent(signal), memoryUsage(), diskUsage(path)]);
  const [load1 = 0, load5 = 0, load15 = 0] = loadavg();
  const cpuCount = cpus().length;
  const memoryPercent = percentOf(memory.usedBytes, memory.totalBytes);
  const diskPercent = percentOf(disk.usedBytes, disk.totalBytes);
  const verdict = new SectionVerdict()
    .warnIf(
      atOrAbove(cpuPercent, THRESHOLDS.cpuPercent),
      `CPU ${cpuPercent} % busy (warn at ${THRESHOLDS.cpuPercent} %)`,
    )
    .warnIf(
      atOrAbove(memoryPercent, THRESHOLDS.memoryPercent),
      `memory ${memoryPercent} % used (warn at ${THRESHOLDS.memoryPercent} %)`,
    )
    .warnIf(
      atOrAbove(diskPercent, THRESHOLDS.diskPercent),
      `disk ${path} ${diskPercent} % used (warn at ${THRESHOLDS.diskPercent} %)`,
    );
  return verdict.section('system', `CPU ${cpuPercent} %, memory ${memoryPercent} %, disk ${diskPercent} %`, {
    figures: {
      cpu_count: cpuCount,
      cpu_percent: cpuPercent,
      load_1m: round2(load1),
      load_5m: round2(load5),
      load_15m: round2(load15),
      load_per_cpu: round2(load1 / Math.max(cpuCount, 1)),
      memory_total_bytes: memory.totalBytes,
      memory_used_bytes: memory.usedBytes,
      memory_percent: memoryPercent,
      disk_path: path,
      disk_total_bytes: disk.totalBytes,
      disk_used_bytes: disk.usedBytes,
      disk_percent: diskPercent,
    },
  });
}

// Busy share of all cores over a short window, like psutil.cpu_percent(interval=0.25).
async function cpuBusyPercent(signal: AbortSignal): Promise<number | null> {
  const before = cpuTimes();
  await sleep(CPU_SAMPLE_MS, undefined, { signal });
  const after = cpuTimes();
  const total = after.total - before.total;
  return total > 0 ? percentOf(total - (after.idle - before.idle), total) : null;
}

function cpuTimes(): { idle: number; total: number } {
  let idle = 0;
  let total = 0;
  for (const { times } of cpus()) {
    idle += times.idle;
    total += times.user + times.nice + times.sys + times.idle + times.irq;
  }
  return { idle, total };
}

// MemAvailable counts reclaimable page cache as free; os.freemem() does not.
async function memoryUsage(): Promise<{ totalBytes: number; usedBytes: number }> {
  const totalBytes = totalmem();
  let available = freemem();
  const meminfo = await readFile('/proc/meminfo', 'utf8').catch(() => '');
  const match = /^MemAvailable:\s+(\d+) kB$/m.exec(meminfo);
  if (match?.[1]) available = Number(match[1]) * 1024;
  return { totalBytes, usedBytes: totalBytes - available };
}

// Like df: the root-reserved blocks are neither used nor available to us.
async function diskUsage(path: string): Promise<{ totalBytes: number; usedBytes: number }> {
  const stats = await statfs(path);
  const usedBytes = (stats.blocks - stats.bfree) * stats.bsize;
  return { totalBytes: usedBytes + stats.bavail * stats.bsize, usedBytes };
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
