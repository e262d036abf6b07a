import { dayNumber } from '../../series/calendar-day';
import { ambitionRatio } from './ambition';
import { KeyResultHistory } from './key-result-history';
import { progressAt } from './key-result-outcome';

export const KEY_RESULT_FEATURES = [
  'progress',
  'elapsed',
  'pace',
  'recent_velocity',
  'projected_progress',
  'volatility',
  'staleness',
  'owner_confidence',
  'check_ins',
  'ambition',
  'has_linked_metric',
] as const;
export type KeyResultFeature = (typeof KEY_RESULT_FEATURES)[number];

// NaN (nothing to measure) becomes the lower bound; ±Infinity clips like any other value.
const clip = (v: number, lo: number, hi: number): number => (Number.isNaN(v) ? lo : Math.min(hi, Math.max(lo, v)));
// The stretch of the period, counted back from the as-of date, that "recent" velocity looks at.
const RECENT_SHARE = 0.3;

function slope(points: readonly { t: number; p: number }[]): number {
  const n = points.length;
  const tMean = points.reduce((s, q) => s + q.t, 0) / n;
  const pMean = points.reduce((s, q) => s + q.p, 0) / n;
  let num = 0;
  let den = 0;
  for (const q of points) {
    num += (q.t - tMean) * (q.p - pMean);
    den += (q.t - tMean) ** 2;
  }
  return den > 0 ? num / den : 0;
}

function residualSpread(points: readonly { t: number; p: number }[]): number {
  if (points.length < 3) return 0;
  const b = slope(points);
  const tMean = points.reduce((s, q) => s + q.t, 0) / points.length;
  const pMean = points.reduce((s, q) => s + q.p, 0) / points.length;
  const residuals = points.map((q) => q.p - (pMean + b * (q.t - tMean)));
  return Math.sqrt(residuals.reduce((s, r) => s + r * r, 0) / (points.length - 2));
}

// As-of features of one key result, direction-aware (progress is measured towards the target):
// only check-ins at or before `asOf` count. A bare date means the end of that day. Times are in
// shares of the period, so quarterly and annual key results share one scale.
export function keyResultFeatures(keyResult: KeyResultHistory, asOf: string): number[] {
  const start = dayNumber(keyResult.periodStart);
  const end = dayNumber(keyResult.periodEnd) + 1;
  const length = Math.max(1, end - start);
  const asOfDay = dayNumber(asOf) + (asOf.length === 10 ? 1 : 0);
  const elapsed = clip((asOfDay - start) / length, 0, 1);
  const checkIns = keyResult.checkIns
    .map((c) => ({ day: dayNumber(c.checkedInAt), value: c.value, confidence: c.confidence }))
    .filter((c) => Number.isFinite(c.day) && Number.isFinite(c.value) && c.day <= asOfDay)
    .sort((a, b) => a.day - b.day);
  // The baseline is where every key result starts: progress 0 at the period's start.
  const points = [
    { t: 0, p: 0 },
    ...checkIns.map((c) => ({ t: (c.day - start) / length, p: progressAt(keyResult, c.value) })),
  ];
  const last = checkIns.at(-1);
  const progress = clip((points.at(-1) as { p: number }).p, -1, 2);
  const recent = points.filter((q) => q.t >= elapsed - RECENT_SHARE);
  const velocity = clip(recent.length >= 2 ? slope(recent) : progress / Math.max(elapsed, 0.05), -3, 5);
  const confidence = [...checkIns].reverse().find((c) => c.confidence !== null && Number.isFinite(c.confidence));
  const ambition = ambitionRatio(
    keyResult.baselineValue,
    keyResult.targetValue,
    keyResult.linkedMetric,
    keyResult.periodStart,
    length,
  );
  return [
    progress,
    elapsed,
    clip(progress / Math.max(elapsed, 0.1), -2, 4),
    velocity,
    clip(progress + velocity * (1 - elapsed), -1, 3),
    clip(residualSpread(points), 0, 1),
    clip(last ? (asOfDay - last.day) / length : elapsed, 0, 1),
    clip(confidence?.confidence ?? 0.5, 0, 1),
    Math.log1p(checkIns.length),
    ambition === null ? 0 : clip(Math.log1p(ambition), 0, 4),
    ambition === null ? 0 : 1,
  ];
}
