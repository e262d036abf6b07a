import { ObjectiveKey } from './demo-objectives.catalogue';
import { SeriesFrequency, SeriesModel } from './metric-series.generator';

export interface DemoMetric {
  name: string;
  description: string;
  goal?: ObjectiveKey;
  type: 'revenue' | 'growth' | 'engagement' | 'retention' | 'custom';
  unit: string;
  direction: 'increase' | 'decrease' | 'maintain';
  frequency: SeriesFrequency;
  baseline: number;
  target: number;
  primary?: boolean;
  model: SeriesModel;
}

const calm = { curve: 1, weekly: 0, gapRate: 0, outage: 0, anomalies: 0 } as const;

// 24 metrics: every type, every direction, daily/weekly/monthly cadences; most move towards their targets,
// a few (sales cycle, CAC, accounts at risk, NPS) drift the wrong way so the health bands are mixed.
export const DEMO_METRICS: readonly DemoMetric[] = [
  { name: 'Annual recurring revenue', description: 'Contracted recurring revenue, annualised, at the end of each day.', goal: 'goal-arr',
    type: 'revenue', unit: 'USD', direction: 'increase', frequency: 'daily', baseline: 18_200_000, target: 26_000_000, primary: true,
    model: { ...calm, start: 18_200_000, end: 23_900_000, curve: 1.1, noise: 0.002, decimals: 0, gapRate: 0.004 } },
  { name: 'New MRR booked', description: 'Monthly recurring revenue from new logos signed that day.', goal: 'goal-dach',
    type: 'revenue', unit: 'USD', direction: 'increase', frequency: 'daily', baseline: 1_400, target: 2_400,
    model: { ...calm, start: 1_400, end: 2_100, weekly: 0.8, noise: 0.3, decimals: 0, min: 0, anomalies: 2 } },
  { name: 'Expansion MRR', description: 'MRR added by upgrades and extra machines in existing accounts, per month.', goal: 'goal-retention',
    type: 'revenue', unit: 'USD', direction: 'increase', frequency: 'monthly', baseline: 52_000, target: 80_000,
    model: { ...calm, start: 52_000, end: 71_000, noise: 0.08, decimals: 0 } },
  { name: 'Average contract value', description: 'Mean first-year value of contracts closed in the week.', goal: 'goal-usage-pricing',
    type: 'revenue', unit: 'USD', direction: 'increase', frequency: 'weekly', baseline: 31_000, target: 36_000,
    model: { ...calm, start: 31_000, end: 36_800, noise: 0.06, decimals: 0 } },
  { name: 'Gross margin', description: 'Revenue less hosting, support and third-party costs.', goal: 'goal-efficiency',
    type: 'revenue', unit: '%', direction: 'maintain', frequency: 'monthly', baseline: 77, target: 78,
    model: { ...calm, start: 76.4, end: 77.8, noise: 0.006, decimals: 1, max: 100 } },

  { name: 'Trial sign-ups', description: 'New self-serve trials started.', goal: 'goal-arr',
    type: 'growth', unit: 'trials', direction: 'increase', frequency: 'daily', baseline: 42, target: 70,
    model: { ...calm, start: 42, end: 61, weekly: 0.6, noise: 0.15, decimals: 0, min: 0, gapRate: 0.01, outage: 4, anomalies: 3 } },
  { name: 'Marketing-qualified leads', description: 'Leads that passed the scoring threshold.', goal: 'goal-efficiency',
    type: 'growth', unit: 'leads', direction: 'increase', frequency: 'daily', baseline: 55, target: 90,
    model: { ...calm, start: 55, end: 74, weekly: 0.7, noise: 0.18, decimals: 0, min: 0, gapRate: 0.005, anomalies: 2 } },
  { name: 'Trial-to-paid conversion', description: 'Share of trials ending in a paid plan, by trial start week.', goal: 'goal-arr',
    type: 'growth', unit: '%', direction: 'increase', frequency: 'weekly', baseline: 14.2, target: 18,
    model: { ...calm, start: 14.2, end: 16.9, noise: 0.05, decimals: 1, max: 100 } },
  { name: 'Blended customer acquisition cost', description: 'Sales and marketing spend per new customer.', goal: 'goal-efficiency',
    type: 'growth', unit: 'USD', direction: 'decrease', frequency: 'monthly', baseline: 24_500, target: 19_000,
    model: { ...calm, start: 24_500, end: 25_900, noise: 0.05, decimals: 0 } },
  { name: 'Median sales cycle', description: 'Days from first meeting to signature for deals closed that week.', goal: 'goal-dach',
    type: 'growth', unit: 'days', direction: 'decrease', frequency: 'weekly', baseline: 64, target: 50,
    model: { ...calm, start: 64, end: 69, noise: 0.06, decimals: 0 } },

  { name: 'Weekly active accounts', description: 'Accounts with at least one active user in the trailing seven days.', goal: 'goal-engagement',
    type: 'engagement', unit: 'accounts', direction: 'increase', frequency: 'daily', baseline: 610, target: 800,
    model: { ...calm, start: 610, end: 744, weekly: 0.04, noise: 0.01, decimals: 0, gapRate: 0.005, anomalies: 1 } },
  { name: 'Daily active users', description: 'Distinct users who opened Fabrikam that day.', goal: 'goal-engagement',
    type: 'engagement', unit: 'users', direction: 'increase', frequency: 'daily', baseline: 8_400, target: 13_000,
    model: { ...calm, start: 8_400, end: 11_900, weekly: 0.55, noise: 0.04, decimals: 0, gapRate: 0.005, outage: 3, anomalies: 3 } },
  { name: 'Automated workflow runs', description: 'Customer-built workflows executed.', goal: 'goal-automation',
    type: 'engagement', unit: 'runs', direction: 'increase', frequency: 'daily', baseline: 21_000, target: 60_000,
    model: { ...calm, start: 21_000, end: 58_000, curve: 1.6, weekly: 0.35, noise: 0.06, decimals: 0, anomalies: 2 } },
  { name: 'Median session length', description: 'Median minutes per session; we want depth, not doom-scrolling.',
    type: 'engagement', unit: 'min', direction: 'maintain', frequency: 'daily', baseline: 18, target: 18,
    model: { ...calm, start: 18, end: 18.6, weekly: -0.1, noise: 0.05, decimals: 1, gapRate: 0.01 } },
  { name: 'API calls', description: 'Calls to the public API from customer integrations.', goal: 'goal-automation',
    type: 'engagement', unit: 'million calls', direction: 'increase', frequency: 'daily', baseline: 3.1, target: 6,
    model: { ...calm, start: 3.1, end: 5.4, weekly: 0.4, noise: 0.05, decimals: 2, anomalies: 2 } },

  { name: 'Net revenue retention', description: 'Trailing-twelve-month revenue from customers of a year ago, against their revenue then.', goal: 'goal-retention',
    type: 'retention', unit: '%', direction: 'increase', frequency: 'monthly', baseline: 106, target: 115,
    model: { ...calm, start: 106, end: 111.5, noise: 0.006, decimals: 1 } },
  { name: 'Gross logo churn', description: 'Share of customers lost in the month.', goal: 'goal-retention',
    type: 'retention', unit: '%', direction: 'decrease', frequency: 'monthly', baseline: 1.4, target: 0.8,
    model: { ...calm, start: 1.4, end: 1.05, noise: 0.12, decimals: 2, min: 0 } },
  { name: 'Accounts at risk', description: 'Accounts whose health model flags a churn risk.', goal: 'goal-top-accounts',
    type: 'retention', unit: 'accounts', direction: 'decrease', frequency: 'daily', baseline: 48, target: 25,
    model: { ...calm, start: 48, end: 57, curve: 1.5, noise: 0.05, decimals: 0, min: 0, anomalies: 1 } },
  { name: 'Net Promoter Score', description: 'Weekly in-app NPS survey.', goal: 'goal-top-accounts',
    type: 'retention', unit: 'score', direction: 'increase', frequency: 'weekly', baseline: 38, target: 50,
    model: { ...calm, start: 38, end: 35, noise: 0.06, decimals: 0, min: -100, max: 100 } },
  { name: '90-day user retention', description: 'Users still active 90 days after their first session, by cohort week.', goal: 'goal-engagement',
    type: 'retention', unit: '%', direction: 'increase', frequency: 'weekly', baseline: 61, target: 70,
    model: { ...calm, start: 61, end: 66, noise: 0.02, decimals: 1, max: 100 } },

  { name: 'Platform uptime', description: 'Share of minutes the shop-floor app was reachable.', goal: 'goal-reliability',
    type: 'custom', unit: '%', direction: 'maintain', frequency: 'daily', baseline: 99.95, target: 99.95,
    model: { ...calm, start: 99.93, end: 99.96, noise: 0.0003, decimals: 3, max: 100 } },
  { name: 'API p95 latency', description: '95th percentile response time of the public API.', goal: 'goal-reliability',
    type: 'custom', unit: 'ms', direction: 'decrease', frequency: 'daily', baseline: 420, target: 300,
    model: { ...calm, start: 420, end: 318, weekly: 0.15, noise: 0.07, decimals: 0, outage: 2, anomalies: 3 } },
  { name: 'Support first response time', description: 'Median hours until a human first answers a ticket.', goal: 'goal-top-accounts',
    type: 'custom', unit: 'h', direction: 'decrease', frequency: 'daily', baseline: 6.2, target: 2,
    model: { ...calm, start: 6.2, end: 2.9, curve: 0.7, weekly: -0.4, noise: 0.15, decimals: 2, min: 0.1, anomalies: 1 } },
  { name: 'P1 incidents', description: 'Customer-facing severity-1 incidents per week.', goal: 'goal-reliability',
    type: 'custom', unit: 'incidents', direction: 'decrease', frequency: 'weekly', baseline: 2, target: 0.5,
    model: { ...calm, start: 1.6, end: 0.7, noise: 0.5, decimals: 0, min: 0 } },
];
