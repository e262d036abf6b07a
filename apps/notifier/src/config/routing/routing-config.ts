// The routing configuration as the service uses it: resolved, validated, secrets already read from
// the environment. Built by loadRoutingFile from NOTIFIER_ROUTING_FILE.
export const CHANNELS = ['email', 'slack'] as const;
export type Channel = (typeof CHANNELS)[number];

interface DestinationBase {
  id: string;
  // Minimum time between two messages to this destination (0: no limit).
  minIntervalMs: number;
}

export interface EmailDestination extends DestinationBase {
  channel: 'email';
  to: string[];
}

export interface SlackDestination extends DestinationBase {
  channel: 'slack';
  webhookUrl: string;
}

export type Destination = EmailDestination | SlackDestination;

export interface Route {
  // Every label must equal (match) or fully match the regular expression (matchRe).
  match: Readonly<Record<string, string>>;
  matchRe: Readonly<Record<string, RegExp>>;
  destinations: readonly string[];
  // Keep looking at later routes after this one matched.
  continue: boolean;
}

export interface DisabledDestination {
  id: string;
  reason: string;
}

export interface RoutingConfig {
  destinations: ReadonlyMap<string, Destination>;
  disabled: readonly DisabledDestination[];
  routes: readonly Route[];
  // Where a group goes when no route matches.
  defaultDestinations: readonly string[];
  // Alerts listed in one message; the rest are summarised as "+N more".
  maxAlertsPerMessage: number;
}
