// The demo company's strategy: Fabrikam Cloud, a mid-size B2B SaaS selling shop-floor software to manufacturers.
// Dates are offsets in days from today, so the tree always looks current.
export type ObjectiveKey =
  | 'mission'
  | 'vision'
  | 'value-customers'
  | 'value-ship'
  | 'value-own'
  | 'value-transparency'
  | 'goal-arr'
  | 'goal-dach'
  | 'goal-usage-pricing'
  | 'goal-retention'
  | 'goal-top-accounts'
  | 'goal-engagement'
  | 'goal-automation'
  | 'goal-efficiency'
  | 'goal-reliability'
  | 'goal-soc2'
  | 'goal-people'
  | 'goal-apac'
  | 'goal-on-prem';

export interface DemoObjective {
  key: ObjectiveKey;
  parent?: ObjectiveKey;
  name: string;
  type: 'mission' | 'vision' | 'strategic_goal' | 'value';
  content: string;
  description?: string;
  priority: number;
  status: 'active' | 'completed' | 'cancelled' | 'archived';
  startInDays?: number;
  targetInDays?: number;
  completedInDays?: number;
}

export const DEMO_OBJECTIVES: readonly DemoObjective[] = [
  {
    key: 'mission',
    name: 'Run every factory on live data',
    type: 'mission',
    priority: 10,
    status: 'active',
    content:
      'We give mid-size manufacturers the real-time view of their shop floor that only the largest plants could afford.',
  },
  {
    key: 'vision',
    parent: 'mission',
    name: 'The operating system of 10,000 mid-size factories',
    type: 'vision',
    priority: 10,
    status: 'active',
    content: 'By 2030 every planner, operator and plant manager in a mid-size factory starts the day in Fabrikam.',
    startInDays: -730,
    targetInDays: 1460,
  },
  {
    key: 'value-customers',
    parent: 'mission',
    name: 'Customers first, always',
    type: 'value',
    priority: 9,
    status: 'active',
    content: 'We measure ourselves by the outcomes our customers get, not by the features we ship.',
  },
  {
    key: 'value-ship',
    parent: 'mission',
    name: 'Ship small, ship often',
    type: 'value',
    priority: 7,
    status: 'active',
    content: 'Small changes in front of customers beat big plans in a document.',
  },
  {
    key: 'value-own',
    parent: 'mission',
    name: 'Own the outcome',
    type: 'value',
    priority: 8,
    status: 'active',
    content: 'Whoever sees a problem owns it until someone better placed takes it over.',
  },
  {
    key: 'value-transparency',
    parent: 'mission',
    name: 'Default to transparency',
    type: 'value',
    priority: 6,
    status: 'active',
    content: 'Numbers, decisions and their reasons are visible to everyone in the company.',
  },

  {
    key: 'goal-arr',
    parent: 'vision',
    name: 'Grow ARR to $26M',
    type: 'strategic_goal',
    priority: 10,
    status: 'active',
    content: 'Grow annual recurring revenue from $18M to $26M while keeping net new ARR efficient.',
    startInDays: -365,
    targetInDays: 270,
  },
  {
    key: 'goal-dach',
    parent: 'goal-arr',
    name: 'Win the DACH mid-market',
    type: 'strategic_goal',
    priority: 8,
    status: 'active',
    content: 'Become the default choice for German, Austrian and Swiss manufacturers with 200-2,000 employees.',
    startInDays: -300,
    targetInDays: 240,
  },
  {
    key: 'goal-usage-pricing',
    parent: 'goal-arr',
    name: 'Launch usage-based pricing',
    type: 'strategic_goal',
    priority: 7,
    status: 'completed',
    content: 'Move new customers to a per-connected-machine price that grows with their adoption.',
    startInDays: -330,
    targetInDays: -120,
    completedInDays: -135,
  },
  {
    key: 'goal-retention',
    parent: 'vision',
    name: 'Best-in-class net revenue retention',
    type: 'strategic_goal',
    priority: 9,
    status: 'active',
    content: 'Reach 115% net revenue retention and keep gross logo churn under 1% a month.',
    startInDays: -365,
    targetInDays: 270,
  },
  {
    key: 'goal-top-accounts',
    parent: 'goal-retention',
    name: 'Proactive success for the top 100 accounts',
    type: 'strategic_goal',
    priority: 8,
    status: 'active',
    content: 'Every top-100 account has a named CSM, a success plan and a quarterly business review.',
    startInDays: -200,
    targetInDays: 160,
  },
  {
    key: 'goal-engagement',
    parent: 'vision',
    name: 'Indispensable every shift',
    type: 'strategic_goal',
    priority: 8,
    status: 'active',
    content: 'Operators and planners use Fabrikam on every shift, not only when something breaks.',
    startInDays: -365,
    targetInDays: 365,
  },
  {
    key: 'goal-automation',
    parent: 'goal-engagement',
    name: 'Ship workflow automation v2',
    type: 'strategic_goal',
    priority: 7,
    status: 'active',
    content: 'Let customers automate their own shop-floor workflows without calling us.',
    startInDays: -150,
    targetInDays: 120,
  },
  {
    key: 'goal-efficiency',
    parent: 'vision',
    name: 'Efficient go-to-market',
    type: 'strategic_goal',
    priority: 7,
    status: 'active',
    content: 'Bring CAC payback under 15 months and keep gross margin above 77%.',
    startInDays: -365,
    targetInDays: 270,
  },
  {
    key: 'goal-reliability',
    parent: 'vision',
    name: 'Enterprise-grade reliability and trust',
    type: 'strategic_goal',
    priority: 8,
    status: 'active',
    content: '99.95% uptime, sub-300 ms p95 latency and the certifications enterprise buyers ask for.',
    startInDays: -365,
    targetInDays: 365,
  },
  {
    key: 'goal-soc2',
    parent: 'goal-reliability',
    name: 'SOC 2 Type II certification',
    type: 'strategic_goal',
    priority: 6,
    status: 'completed',
    content: 'Pass the SOC 2 Type II audit with no exceptions.',
    startInDays: -400,
    targetInDays: -60,
    completedInDays: -75,
  },
  {
    key: 'goal-people',
    parent: 'vision',
    name: 'A great place to build a career',
    type: 'strategic_goal',
    priority: 5,
    status: 'active',
    content: 'Hire the people the plan needs and keep regretted attrition under 5% a year.',
    startInDays: -365,
    targetInDays: 365,
  },
  {
    key: 'goal-apac',
    parent: 'vision',
    name: 'Open an APAC office',
    type: 'strategic_goal',
    priority: 3,
    status: 'cancelled',
    description: 'Parked in favour of DACH: one new region at a time.',
    content: 'Serve Japanese and Korean manufacturers from a Singapore office.',
    startInDays: -320,
    targetInDays: 90,
  },
  {
    key: 'goal-on-prem',
    parent: 'goal-reliability',
    name: 'Keep the on-premise edition alive',
    type: 'strategic_goal',
    priority: 2,
    status: 'archived',
    description: 'Superseded: the last on-premise customers moved to the cloud edition.',
    content: 'Ship quarterly on-premise releases for customers who cannot use the cloud.',
    startInDays: -720,
    targetInDays: -200,
  },
];
