export function quarterOf(date: Date): number {
  return Math.floor(date.getUTCMonth() / 3) + 1;
}

export function okrScope(periodStart: Date): string {
  return `OKR-${periodStart.getUTCFullYear()}Q${quarterOf(periodStart)}`;
}

export function okrCode(scope: string, n: number): string {
  return `${scope}-${String(n).padStart(3, '0')}`;
}

export function metricCode(n: number): string {
  return `NSM-${String(n).padStart(6, '0')}`;
}

export function requirementScope(createdAt: Date): string {
  return `REQ-${createdAt.getUTCFullYear()}`;
}

export function requirementCode(scope: string, n: number): string {
  return `${scope}-${String(n).padStart(4, '0')}`;
}
