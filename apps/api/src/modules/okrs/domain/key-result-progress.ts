export interface KeyResultValues {
  baselineValue: number;
  targetValue: number;
  currentValue: number;
}

export function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}

// Share of the way from baseline to target; the sign of (target − baseline) makes decreasing targets work unchanged.
export function keyResultProgress({ baselineValue, targetValue, currentValue }: KeyResultValues): number {
  const span = targetValue - baselineValue;
  if (span === 0 || !Number.isFinite(span)) return 0;
  return clamp01((currentValue - baselineValue) / span);
}
