export const MEASUREMENT_FREQUENCIES = ['daily', 'weekly', 'monthly', 'quarterly', 'yearly'] as const;
export type MeasurementFrequency = (typeof MEASUREMENT_FREQUENCIES)[number];

// The seasonal cycle checked for at each frequency: the week for daily data, the year otherwise.
export const SEASON_LENGTH: Readonly<Record<MeasurementFrequency, number>> = {
  daily: 7,
  weekly: 52,
  monthly: 12,
  quarterly: 4,
  yearly: 1,
};

// Average days per step, for converting a duration (an OKR period) into steps.
export const DAYS_PER_STEP: Readonly<Record<MeasurementFrequency, number>> = {
  daily: 1,
  weekly: 7,
  monthly: 365.25 / 12,
  quarterly: 365.25 / 4,
  yearly: 365.25,
};
