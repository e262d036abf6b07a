import { readFile, statfs } from 'node:fs/promises';
import { cpus, freemem, totalmem } from 'node:os';
import { Injectable } from '@nestjs/common';

// Resource warning thresholds: CPU or memory at 80 % or disk at 90 % is a warning.
export const CPU_WARNING_PERCENT = 80;
export const MEMORY_WARNING_PERCENT = 80;
export const DISK_WARNING_PERCENT = 90;

interface CpuSample {
  idle: number;
  total: number;
}

@Injectable()
export class SystemResourcesProbe {
  private lastCpu = sampleCpu();

  // Like psutil.cpu_percent(): busy share of all cores since the previous reading.
  cpuUsedPercent(): number {
    const now = sampleCpu();
    const total = now.total - this.lastCpu.total;
    const idle = now.idle - this.lastCpu.idle;
    this.lastCpu = now;
    return total > 0 ? round((1 - idle / total) * 100) : 0;
  }

  // MemAvailable counts reclaimable page cache as free, as psutil does; os.freemem() does not.
  async memoryUsedPercent(): Promise<number> {
    const total = totalmem();
    let available = freemem();
    try {
      const meminfo = await readFile('/proc/meminfo', 'utf8');
      const match = /^MemAvailable:\s+(\d+) kB$/m.exec(meminfo);
      if (match?.[1]) available = Number(match[1]) * 1024;
    } catch {
      // Not Linux: freemem() is the best there is.
    }
    return round((1 - available / total) * 100);
  }

  // Used share of what an unprivileged process could use, as df reports it.
  async diskUsedPercent(path: string): Promise<number> {
    const stats = await statfs(path);
    const used = (stats.blocks - stats.bfree) * stats.bsize;
    const usable = used + stats.bavail * stats.bsize;
    return usable > 0 ? round((used / usable) * 100) : 0;
  }
}

function sampleCpu(): CpuSample {
  let idle = 0;
  let total = 0;
  for (const cpu of cpus()) {
    const { user, nice, sys, idle: cpuIdle, irq } = cpu.times;
    idle += cpuIdle;
    total += user + nice + sys + cpuIdle + irq;
  }
  return { idle, total };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
