import type { Destination, RoutingConfig } from '../../config/routing/routing-config';
import type { AlertGroup } from './alert-group';
import { routeGroup } from './route-group';

function group(labels: Record<string, string>, receiver = 'qbm-warning'): AlertGroup {
  return {
    source: 'alertmanager',
    receiver,
    groupKey: 'k',
    status: 'firing',
    groupLabels: {},
    commonLabels: labels,
    commonAnnotations: {},
    truncatedAlerts: 0,
    alerts: [{ status: 'firing', labels, annotations: {}, startsAt: '2026-01-01T00:00:00Z', fingerprint: 'f1' }],
  };
}

const slack = { id: 'slack', channel: 'slack' as const, webhookUrl: 'https://x', minIntervalMs: 1000 };
const mail = { id: 'mail', channel: 'email' as const, to: ['a@x.test'], minIntervalMs: 0 };
const routing: RoutingConfig = {
  destinations: new Map<string, Destination>([
    ['slack', slack],
    ['mail', mail],
  ]),
  disabled: [{ id: 'pager', reason: 'unset' }],
  routes: [
    { match: { severity: 'critical' }, matchRe: {}, destinations: ['pager', 'slack'], continue: true },
    { match: {}, matchRe: { service: /^(?:api|inference)$/ }, destinations: ['mail'], continue: false },
    { match: { severity: 'critical' }, matchRe: {}, destinations: ['mail', 'slack'], continue: false },
  ],
  defaultDestinations: ['slack'],
  maxAlertsPerMessage: 5,
};

describe('routeGroup', () => {
  it('follows routes in order, continues where told, and leaves disabled destinations out', () => {
    expect(routeGroup(group({ severity: 'critical', service: 'api' }), routing)).toEqual(['slack', 'mail']);
    expect(routeGroup(group({ severity: 'critical', service: 'db' }), routing)).toEqual(['slack', 'mail']);
    expect(routeGroup(group({ severity: 'warning', service: 'inference' }), routing)).toEqual(['mail']);
  });

  it('sends what matches no route to the default destinations', () => {
    expect(routeGroup(group({ severity: 'warning', service: 'api-gateway' }), routing)).toEqual(['slack']);
  });

  it('matches the severity the receiver names when the alerts carry none', () => {
    expect(routeGroup(group({ service: 'db' }, 'qbm-critical'), routing)).toEqual(['slack', 'mail']);
  });
});
