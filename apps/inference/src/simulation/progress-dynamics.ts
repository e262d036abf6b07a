import { SeededRandom } from '../random/seeded-random';

export const PROGRESS_DYNAMICS = ['steady', 'late-surge', 'stall', 'regression', 'early-completion'] as const;
export type ProgressDynamics = (typeof PROGRESS_DYNAMICS)[number];

// A key result's underlying progress curve over the period (t from 0 to 1), given the progress it
// would end at (`capability`). Stalls and early completions override the ending: a stall ends short
// of the target, an early completion beyond it.
export interface ProgressCurve {
  dynamics: ProgressDynamics;
  at(t: number): number;
}

export function progressCurve(random: SeededRandom, capability: number): ProgressCurve {
  const dynamics = random.weighted<ProgressDynamics>({
    steady: 40,
    'late-surge': 20,
    stall: 15,
    regression: 10,
    'early-completion': 15,
  });
  switch (dynamics) {
    case 'steady': {
      const bend = random.uniform(0.8, 1.25);
      return { dynamics, at: (t) => capability * t ** bend };
    }
    case 'late-surge': {
      const power = random.uniform(2, 4);
      return { dynamics, at: (t) => capability * t ** power };
    }
    case 'stall': {
      const final = Math.min(capability, random.uniform(0.3, 0.9));
      const stallAt = random.uniform(0.3, 0.7);
      return { dynamics, at: (t) => final * Math.min(1, t / stallAt) };
    }
    case 'regression': {
      const peakAt = random.uniform(0.4, 0.75);
      const peak = capability + random.uniform(0.2, 0.5);
      return {
        dynamics,
        at: (t) => (t <= peakAt ? (peak * t) / peakAt : peak + ((capability - peak) * (t - peakAt)) / (1 - peakAt)),
      };
    }
    case 'early-completion': {
      const final = Math.max(capability, random.uniform(1, 1.2));
      const doneAt = random.uniform(0.4, 0.85);
      return { dynamics, at: (t) => final * Math.min(1, t / doneAt) };
    }
  }
}
