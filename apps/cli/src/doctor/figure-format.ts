import { Figure } from './doctor-report';

// The unit is the key's suffix (see doctor-report.ts): values show it, labels drop it but keep "%"
// so a share never reads like a count.
const UNIT_SUFFIX = /_(percent|bytes|ms|us|seconds)$/;

export function figureLabel(key: string): string {
  return key
    .replace(/_percent$/, ' %')
    .replace(UNIT_SUFFIX, '')
    .replace(/_/g, ' ');
}

export function formatFigure(key: string, value: Figure): string {
  if (value === null) return 'n/a';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return value;
  const unit = UNIT_SUFFIX.exec(key)?.[1] ?? '';
  switch (unit) {
    case 'percent':
      return `${value} %`;
    case 'bytes':
      return formatBytes(value);
    case 'ms':
      return `${grouped(value)} ms`;
    case 'us':
      return `${grouped(value)} µs`;
    case 'seconds':
      return formatDuration(value);
    default:
      return grouped(value);
  }
}

export function isNumericFigure(value: Figure): boolean {
  return typeof value === 'number';
}

function grouped(value: number): string {
  return Number.isInteger(value)
    ? value.toLocaleString('en-US')
    : value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`;
}

export function formatDuration(seconds: number): string {
  const parts: string[] = [];
  let rest = Math.floor(seconds);
  for (const [size, suffix] of [
    [86_400, 'd'],
    [3_600, 'h'],
    [60, 'm'],
  ] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${suffix}`);
      rest %= size;
    }
  }
  if (parts.length < 2) parts.push(`${rest}s`);
  return parts.slice(0, 2).join(' ');
}
