import { ObjectiveKey } from './demo-objectives.catalogue';

export type RequirementFate = 'draft' | 'submitted' | 'approved' | 'rejected' | 'cancelled-draft' | 'cancelled-submitted';

export interface DemoRequirement {
  title: string;
  description: string;
  type: 'strategic' | 'tactical' | 'operational' | 'emergency';
  category: string;
  goal?: ObjectiveKey;
  requester: string;
  decider?: string; // approves, rejects or cancels; never the requester for a decision
  reason?: string;
  requiredInDays?: number;
  priority: number;
  fate: RequirementFate;
}

// Decisions the leadership team is asked for, in every state of the workflow.
export const DEMO_REQUIREMENTS: readonly DemoRequirement[] = [
  { title: 'Open a Munich sales office', description: 'Four account executives and a solutions engineer on the ground for DACH.', type: 'strategic', category: 'go-to-market',
    goal: 'goal-dach', requester: 'cro@demo', decider: 'ceo@demo', reason: 'DACH pipeline justifies local presence; revisit headcount after two quarters.', requiredInDays: 30, priority: 9, fate: 'approved' },
  { title: 'Per-machine price list for 2027', description: 'Final price points per connected machine, with volume tiers.', type: 'strategic', category: 'pricing',
    goal: 'goal-usage-pricing', requester: 'cfo@demo', decider: 'ceo@demo', reason: 'Tiers match the willingness-to-pay study.', requiredInDays: 45, priority: 8, fate: 'approved' },
  { title: 'Acquire a small MES connector vendor', description: 'Buy a four-person team with 40 machine connectors instead of building them.', type: 'strategic', category: 'corporate development',
    goal: 'goal-automation', requester: 'cpo@demo', decider: 'ceo@demo', reason: 'Integration risk too high this year; partner with them instead.', requiredInDays: 60, priority: 7, fate: 'rejected' },
  { title: 'Enter the US market in 2027', description: 'Hire a US country manager and localise compliance documentation.', type: 'strategic', category: 'go-to-market',
    goal: 'goal-arr', requester: 'cro@demo', requiredInDays: 120, priority: 6, fate: 'submitted' },
  { title: 'Five-year product vision refresh', description: 'A board-ready narrative for where the platform goes after automation v2.', type: 'strategic', category: 'product',
    goal: 'goal-engagement', requester: 'cpo@demo', requiredInDays: 90, priority: 5, fate: 'draft' },
  { title: 'Re-open the APAC expansion', description: 'Revisit Singapore now that DACH is ramping.', type: 'strategic', category: 'go-to-market',
    goal: 'goal-apac', requester: 'partners.rossi@demo', decider: 'partners.rossi@demo', reason: 'Withdrawn: one region at a time.', requiredInDays: 150, priority: 3, fate: 'cancelled-submitted' },

  { title: 'Second SDR team for inbound leads', description: 'Three SDRs to follow up MQLs within one business hour.', type: 'tactical', category: 'hiring',
    goal: 'goal-efficiency', requester: 'vp.marketing@demo', decider: 'cfo@demo', reason: 'Payback under nine months on current conversion.', requiredInDays: 21, priority: 7, fate: 'approved' },
  { title: 'Switch webinar platform', description: 'Move from the current webinar tool to one with CRM sync.', type: 'tactical', category: 'vendor',
    requester: 'marketing.ng@demo', decider: 'vp.marketing@demo', reason: 'Saves 6 hours of manual lead imports a week.', requiredInDays: 14, priority: 4, fate: 'approved' },
  { title: 'Customer advisory board budget', description: 'Two in-person sessions a year with twelve top customers.', type: 'tactical', category: 'budget',
    goal: 'goal-top-accounts', requester: 'vp.cs@demo', decider: 'cfo@demo', reason: 'Budget moved to the QBR programme this year.', requiredInDays: 30, priority: 5, fate: 'rejected' },
  { title: 'Freeze non-critical features for the latency push', description: 'Two sprints of platform work only.', type: 'tactical', category: 'product',
    goal: 'goal-reliability', requester: 'cto@demo', requiredInDays: 10, priority: 8, fate: 'submitted' },
  { title: 'Discount policy for multi-plant deals', description: 'Standard discount bands for customers rolling out to three or more plants.', type: 'tactical', category: 'pricing',
    goal: 'goal-dach', requester: 'sales.kim@demo', requiredInDays: 20, priority: 6, fate: 'submitted' },
  { title: 'Partner certification programme fee', description: 'Charge implementation partners for certification.', type: 'tactical', category: 'partnerships',
    requester: 'partners.rossi@demo', requiredInDays: 40, priority: 4, fate: 'draft' },
  { title: 'Sponsor the Hannover Messe booth', description: 'A shared booth with two partners.', type: 'tactical', category: 'events',
    requester: 'vp.marketing@demo', decider: 'vp.marketing@demo', reason: 'Dropped: partners pulled out.', requiredInDays: 75, priority: 3, fate: 'cancelled-draft' },

  { title: 'Move support to follow-the-sun rota', description: 'Cover weekends with a rotating on-call support engineer.', type: 'operational', category: 'support',
    goal: 'goal-top-accounts', requester: 'support.ito@demo', decider: 'vp.cs@demo', reason: 'Weekend response times are our worst NPS driver.', requiredInDays: 14, priority: 7, fate: 'approved' },
  { title: 'Upgrade the data warehouse tier', description: 'Double warehouse capacity to bring data freshness under four hours.', type: 'operational', category: 'infrastructure',
    goal: 'goal-efficiency', requester: 'data.silva@demo', decider: 'cfo@demo', reason: 'Cost is within the data budget.', requiredInDays: 7, priority: 5, fate: 'approved' },
  { title: 'Replace the laptop leasing vendor', description: 'Current vendor misses delivery dates for new hires.', type: 'operational', category: 'vendor',
    goal: 'goal-people', requester: 'people.ahmed@demo', decider: 'cfo@demo', reason: 'Contract runs to year end; renegotiate SLAs first.', requiredInDays: 30, priority: 3, fate: 'rejected' },
  { title: 'Quarterly access review automation', description: 'Automate the SOC 2 quarterly access review export.', type: 'operational', category: 'security',
    goal: 'goal-reliability', requester: 'security.berg@demo', requiredInDays: 25, priority: 5, fate: 'submitted' },
  { title: 'Standard onboarding plan for new plants', description: 'A 30-day playbook CSMs run for every new plant.', type: 'operational', category: 'customer success',
    goal: 'goal-top-accounts', requester: 'cs.novak@demo', requiredInDays: 35, priority: 6, fate: 'draft' },
  { title: 'Retire the legacy reporting cluster', description: 'Shut down the cluster once dashboards have moved.', type: 'operational', category: 'infrastructure',
    requester: 'eng.okafor@demo', decider: 'eng.okafor@demo', reason: 'Superseded by the warehouse migration plan.', requiredInDays: 50, priority: 4, fate: 'cancelled-submitted' },

  { title: 'Emergency capacity for a customer go-live', description: 'A top-10 customer brings 800 machines online next week.', type: 'emergency', category: 'infrastructure',
    goal: 'goal-reliability', requester: 'eng.okafor@demo', decider: 'cto@demo', reason: 'Approved: pre-scale and watch error budgets.', requiredInDays: 3, priority: 10, fate: 'approved' },
  { title: 'Rotate all API signing keys', description: 'A contractor laptop was lost; rotate keys as a precaution.', type: 'emergency', category: 'security',
    goal: 'goal-reliability', requester: 'security.berg@demo', decider: 'cto@demo', reason: 'Rotate now; customer notice not required.', requiredInDays: 1, priority: 10, fate: 'approved' },
  { title: 'Hotfix outside the release window', description: 'Ship a fix for the shift-report export today instead of Thursday.', type: 'emergency', category: 'release',
    requester: 'pm.lee@demo', decider: 'cto@demo', reason: 'Workaround exists; ship in the regular window.', requiredInDays: 1, priority: 8, fate: 'rejected' },
  { title: 'Pause the email campaign after a data issue', description: 'A segment pulled the wrong plant names.', type: 'emergency', category: 'marketing',
    requester: 'marketing.ng@demo', requiredInDays: 1, priority: 9, fate: 'submitted' },
  { title: 'Extra on-call pay for the migration weekend', description: 'Double on-call pay for six engineers.', type: 'emergency', category: 'budget',
    requester: 'cto@demo', decider: 'cto@demo', reason: 'Migration moved to a weekday window.', requiredInDays: 5, priority: 6, fate: 'cancelled-draft' },
];
