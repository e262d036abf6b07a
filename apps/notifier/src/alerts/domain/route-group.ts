import type { RoutingConfig } from '../../config/routing/routing-config';
import type { AlertGroup } from './alert-group';
import { groupSeverity } from './group-severity';

// The labels routes match on: the group's common labels, plus its severity and receiver.
export function routingLabels(group: AlertGroup): Record<string, string> {
  return { ...group.commonLabels, ...group.groupLabels, severity: groupSeverity(group), receiver: group.receiver };
}

// The enabled destinations a group goes to, in route order, each once. Disabled destinations are
// left out; an empty answer means the group reaches nobody (the caller records and logs that).
export function routeGroup(group: AlertGroup, routing: RoutingConfig): string[] {
  const labels = routingLabels(group);
  const chosen: string[] = [];
  let matched = false;
  for (const route of routing.routes) {
    const equal = Object.entries(route.match).every(([label, value]) => (labels[label] ?? '') === value);
    const like = Object.entries(route.matchRe).every(([label, pattern]) => pattern.test(labels[label] ?? ''));
    if (!equal || !like) continue;
    matched = true;
    chosen.push(...route.destinations);
    if (!route.continue) break;
  }
  if (!matched) chosen.push(...routing.defaultDestinations);
  return [...new Set(chosen)].filter((id) => routing.destinations.has(id));
}
