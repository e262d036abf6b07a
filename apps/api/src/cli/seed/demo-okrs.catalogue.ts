import { ObjectiveKey } from './demo-objectives.catalogue';

export interface DemoKeyResultTemplate {
  statement: string; // {from} and {to} are replaced by the period's baseline and target
  type: 'metric' | 'milestone' | 'deliverable';
  unit: string;
  baseline: number;
  target: number;
  drift?: number; // compounded change of baseline and target per period, so later periods aim further
  decimals?: number;
  weight: number; // the weights of one OKR add up to 100
  owner: string;
}

export interface DemoOkrTemplate {
  key: string;
  objective: string;
  goal: ObjectiveKey;
  owner: string;
  keyResults: readonly DemoKeyResultTemplate[];
}

const shipped = { type: 'milestone', unit: '%', baseline: 0, target: 100 } as const;

// Company OKRs, one set per calendar year; team OKRs of the same goal hang under them.
export const ANNUAL_OKRS: readonly DemoOkrTemplate[] = [
  { key: 'company-arr', objective: 'Grow to $26M ARR without burning efficiency', goal: 'goal-arr', owner: 'ceo@demo', keyResults: [
    { statement: 'Grow ARR from {from} to {to}', type: 'metric', unit: 'USD', baseline: 18_200_000, target: 26_000_000, drift: 0.3, weight: 50, owner: 'cro@demo' },
    { statement: 'Raise net revenue retention from {from} to {to}', type: 'metric', unit: '%', baseline: 106, target: 115, decimals: 1, weight: 30, owner: 'vp.cs@demo' },
    { statement: 'Bring CAC payback from {from} to {to}', type: 'metric', unit: 'months', baseline: 19, target: 15, weight: 20, owner: 'cfo@demo' },
  ] },
  { key: 'company-reliability', objective: 'Be the platform plant managers never have to think about', goal: 'goal-reliability', owner: 'cto@demo', keyResults: [
    { statement: 'Raise uptime from {from} to {to}', type: 'metric', unit: '%', baseline: 99.9, target: 99.95, decimals: 2, weight: 40, owner: 'eng.okafor@demo' },
    { statement: 'Cut API p95 latency from {from} to {to}', type: 'metric', unit: 'ms', baseline: 420, target: 300, drift: -0.15, weight: 35, owner: 'eng.okafor@demo' },
    { statement: 'Pass the SOC 2 Type II audit with no exceptions', ...shipped, weight: 25, owner: 'security.berg@demo' },
  ] },
  { key: 'company-engagement', objective: 'Make Fabrikam part of every shift', goal: 'goal-engagement', owner: 'cpo@demo', keyResults: [
    { statement: 'Grow weekly active accounts from {from} to {to}', type: 'metric', unit: 'accounts', baseline: 610, target: 800, drift: 0.2, weight: 50, owner: 'cpo@demo' },
    { statement: 'Grow daily active users from {from} to {to}', type: 'metric', unit: 'users', baseline: 8_400, target: 13_000, drift: 0.3, weight: 50, owner: 'pm.lee@demo' },
  ] },
];

// Team OKRs; each quarter runs most of them again with higher numbers, as real teams do.
export const QUARTERLY_OKRS: readonly DemoOkrTemplate[] = [
  { key: 'sales-mid-market', objective: 'Accelerate new business in the DACH mid-market', goal: 'goal-dach', owner: 'cro@demo', keyResults: [
    { statement: 'Book {to} of new ARR', type: 'metric', unit: 'USD', baseline: 0, target: 900_000, drift: 0.08, weight: 50, owner: 'sales.kim@demo' },
    { statement: 'Raise the win rate from {from} to {to}', type: 'metric', unit: '%', baseline: 22, target: 28, drift: 0.03, weight: 25, owner: 'sales.kim@demo' },
    { statement: 'Shorten the median sales cycle from {from} to {to}', type: 'metric', unit: 'days', baseline: 64, target: 55, drift: -0.03, weight: 25, owner: 'cro@demo' },
  ] },
  { key: 'marketing-pipeline', objective: 'Build a predictable pipeline engine', goal: 'goal-efficiency', owner: 'vp.marketing@demo', keyResults: [
    { statement: 'Generate {to} of qualified pipeline', type: 'metric', unit: 'USD', baseline: 0, target: 3_200_000, drift: 0.06, weight: 50, owner: 'vp.marketing@demo' },
    { statement: 'Lift MQL-to-SQL conversion from {from} to {to}', type: 'metric', unit: '%', baseline: 18, target: 24, drift: 0.02, weight: 30, owner: 'marketing.ng@demo' },
    { statement: 'Publish {to} customer case studies', type: 'deliverable', unit: 'case studies', baseline: 0, target: 6, weight: 20, owner: 'marketing.ng@demo' },
  ] },
  { key: 'product-automation', objective: 'Ship workflow automation customers love', goal: 'goal-automation', owner: 'cpo@demo', keyResults: [
    { statement: 'Release the next workflow builder milestone to all customers', ...shipped, weight: 40, owner: 'pm.lee@demo' },
    { statement: 'Grow weekly automated workflow runs from {from} to {to}', type: 'metric', unit: 'runs', baseline: 120_000, target: 200_000, drift: 0.25, weight: 35, owner: 'pm.lee@demo' },
    { statement: 'Ship {to} of the top-voted integrations', type: 'deliverable', unit: 'integrations', baseline: 0, target: 8, weight: 25, owner: 'eng.okafor@demo' },
  ] },
  { key: 'growth-activation', objective: 'Turn more trials into paying customers', goal: 'goal-arr', owner: 'pm.garcia@demo', keyResults: [
    { statement: 'Raise trial-to-paid conversion from {from} to {to}', type: 'metric', unit: '%', baseline: 14, target: 18, drift: 0.04, decimals: 1, weight: 40, owner: 'pm.garcia@demo' },
    { statement: 'Cut time to first value from {from} to {to}', type: 'metric', unit: 'days', baseline: 5.5, target: 3, drift: -0.08, decimals: 1, weight: 30, owner: 'pm.garcia@demo' },
    { statement: 'Raise week-one activation from {from} to {to}', type: 'metric', unit: '%', baseline: 38, target: 50, drift: 0.03, weight: 30, owner: 'pm.garcia@demo' },
  ] },
  { key: 'cs-top-accounts', objective: 'Make our top 100 accounts successful and expanding', goal: 'goal-top-accounts', owner: 'vp.cs@demo', keyResults: [
    { statement: 'Raise net revenue retention of the top 100 from {from} to {to}', type: 'metric', unit: '%', baseline: 108, target: 114, drift: 0.01, decimals: 1, weight: 40, owner: 'vp.cs@demo' },
    { statement: 'Hold {to} quarterly business reviews with top accounts', type: 'deliverable', unit: 'reviews', baseline: 0, target: 100, weight: 30, owner: 'cs.novak@demo' },
    { statement: 'Reduce accounts at risk from {from} to {to}', type: 'metric', unit: 'accounts', baseline: 48, target: 35, drift: -0.06, weight: 30, owner: 'cs.novak@demo' },
  ] },
  { key: 'support-speed', objective: 'Answer every customer fast and well', goal: 'goal-top-accounts', owner: 'support.ito@demo', keyResults: [
    { statement: 'Cut median first response time from {from} to {to}', type: 'metric', unit: 'h', baseline: 6, target: 3, drift: -0.12, decimals: 1, weight: 40, owner: 'support.ito@demo' },
    { statement: 'Raise CSAT from {from} to {to}', type: 'metric', unit: '%', baseline: 88, target: 93, drift: 0.005, weight: 35, owner: 'support.ito@demo' },
    { statement: 'Raise self-serve resolution from {from} to {to}', type: 'metric', unit: '%', baseline: 30, target: 40, drift: 0.04, weight: 25, owner: 'support.ito@demo' },
  ] },
  { key: 'platform-reliability', objective: 'Run a platform customers never think about', goal: 'goal-reliability', owner: 'cto@demo', keyResults: [
    { statement: 'Raise monthly uptime from {from} to {to}', type: 'metric', unit: '%', baseline: 99.9, target: 99.95, decimals: 2, weight: 40, owner: 'eng.okafor@demo' },
    { statement: 'Cut API p95 latency from {from} to {to}', type: 'metric', unit: 'ms', baseline: 420, target: 340, drift: -0.05, weight: 35, owner: 'eng.okafor@demo' },
    { statement: 'Bring quarterly P1 incidents from {from} to {to}', type: 'metric', unit: 'incidents', baseline: 6, target: 2, weight: 25, owner: 'cto@demo' },
  ] },
  { key: 'security-trust', objective: 'Earn the trust of enterprise buyers', goal: 'goal-reliability', owner: 'security.berg@demo', keyResults: [
    { statement: 'Close {to} penetration-test findings', type: 'deliverable', unit: 'findings', baseline: 0, target: 20, weight: 35, owner: 'security.berg@demo' },
    { statement: 'Enforce SSO on staff applications from {from} to {to}', type: 'metric', unit: '%', baseline: 60, target: 100, weight: 35, owner: 'security.berg@demo' },
    { statement: 'Complete this quarter\'s security questionnaire backlog', ...shipped, weight: 30, owner: 'security.berg@demo' },
  ] },
  { key: 'finance-efficiency', objective: 'Grow efficiently', goal: 'goal-efficiency', owner: 'cfo@demo', keyResults: [
    { statement: 'Raise gross margin from {from} to {to}', type: 'metric', unit: '%', baseline: 74, target: 78, drift: 0.005, decimals: 1, weight: 40, owner: 'cfo@demo' },
    { statement: 'Bring CAC payback from {from} to {to}', type: 'metric', unit: 'months', baseline: 19, target: 16, drift: -0.03, weight: 35, owner: 'cfo@demo' },
    { statement: 'Improve forecast accuracy from {from} to {to}', type: 'metric', unit: '%', baseline: 85, target: 95, weight: 25, owner: 'finance.moreau@demo' },
  ] },
  { key: 'people-hiring', objective: 'Hire and keep great people', goal: 'goal-people', owner: 'people.ahmed@demo', keyResults: [
    { statement: 'Hire {to} people against the plan', type: 'deliverable', unit: 'hires', baseline: 0, target: 12, weight: 40, owner: 'people.ahmed@demo' },
    { statement: 'Raise eNPS from {from} to {to}', type: 'metric', unit: 'points', baseline: 22, target: 35, drift: 0.05, weight: 35, owner: 'people.ahmed@demo' },
    { statement: 'Cut quarterly regretted attrition from {from} to {to}', type: 'metric', unit: '%', baseline: 3, target: 1.5, decimals: 1, weight: 25, owner: 'people.ahmed@demo' },
  ] },
  { key: 'data-self-serve', objective: 'Give every team self-serve answers', goal: 'goal-efficiency', owner: 'data.silva@demo', keyResults: [
    { statement: 'Launch the next stage of the metrics warehouse', ...shipped, weight: 40, owner: 'data.silva@demo' },
    { statement: 'Bring data freshness from {from} to {to}', type: 'metric', unit: 'h', baseline: 24, target: 4, drift: -0.1, weight: 30, owner: 'data.silva@demo' },
    { statement: 'Retire {to} legacy dashboards', type: 'deliverable', unit: 'dashboards', baseline: 0, target: 15, weight: 30, owner: 'data.silva@demo' },
  ] },
  { key: 'partners-channel', objective: 'Open a partner channel', goal: 'goal-dach', owner: 'partners.rossi@demo', keyResults: [
    { statement: 'Source {to} of pipeline through partners', type: 'metric', unit: 'USD', baseline: 0, target: 800_000, drift: 0.15, weight: 60, owner: 'partners.rossi@demo' },
    { statement: 'Certify {to} implementation partners', type: 'deliverable', unit: 'partners', baseline: 0, target: 4, weight: 40, owner: 'partners.rossi@demo' },
  ] },
  { key: 'mobile-app', objective: 'Make the shop-floor app a joy to use', goal: 'goal-engagement', owner: 'pm.lee@demo', keyResults: [
    { statement: 'Raise the app store rating from {from} to {to}', type: 'metric', unit: 'stars', baseline: 3.9, target: 4.5, drift: 0.02, decimals: 1, weight: 30, owner: 'pm.lee@demo' },
    { statement: 'Grow weekly active mobile users from {from} to {to}', type: 'metric', unit: 'users', baseline: 2_100, target: 3_500, drift: 0.18, weight: 40, owner: 'pm.lee@demo' },
    { statement: 'Ship the next offline-mode milestone', ...shipped, weight: 30, owner: 'eng.okafor@demo' },
  ] },
  { key: 'pricing-rollout', objective: 'Move the base onto usage-based pricing', goal: 'goal-usage-pricing', owner: 'cfo@demo', keyResults: [
    { statement: 'Migrate {to} of accounts to per-machine pricing', type: 'metric', unit: '%', baseline: 0, target: 30, drift: 0.4, weight: 50, owner: 'cfo@demo' },
    { statement: 'Cut quarterly downgrade requests from {from} to {to}', type: 'metric', unit: 'accounts', baseline: 12, target: 5, weight: 25, owner: 'vp.cs@demo' },
    { statement: 'Ship self-serve plan changes in the billing portal', ...shipped, weight: 25, owner: 'pm.garcia@demo' },
  ] },
];
