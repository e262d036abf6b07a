import { type KubernetesObject, kubernetesManifestProblems, selects } from './kubernetes-manifests';

const labels = { 'app.kubernetes.io/name': 'qbm-api' };

// A minimal consistent set: a Deployment, its Service, ServiceMonitor, PDB, HPA, Ingress and policies.
function manifests(): KubernetesObject[] {
  return [
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'qbm-api', labels },
      spec: {
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: {
            securityContext: { runAsNonRoot: true },
            containers: [
              {
                name: 'api',
                ports: [{ name: 'http', containerPort: 3000 }],
                resources: { requests: { cpu: '100m' }, limits: { memory: '256Mi' } },
                securityContext: { readOnlyRootFilesystem: true, allowPrivilegeEscalation: false },
              },
            ],
          },
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'qbm-api', labels },
      spec: { selector: labels, ports: [{ name: 'http', port: 3000, targetPort: 'http' }] },
    },
    {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'ServiceMonitor',
      metadata: { name: 'qbm-api' },
      spec: { selector: { matchLabels: labels }, endpoints: [{ port: 'http' }] },
    },
    {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: 'qbm-api' },
      spec: { selector: { matchLabels: labels } },
    },
    {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'qbm-api' },
      spec: { scaleTargetRef: { kind: 'Deployment', name: 'qbm-api' } },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'qbm-api' },
      spec: {
        rules: [
          { http: { paths: [{ path: '/api/v1', backend: { service: { name: 'qbm-api', port: { name: 'http' } } } }] } },
        ],
      },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'default-deny' },
      spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'qbm-api-ingress' },
      spec: { podSelector: { matchLabels: labels }, policyTypes: ['Ingress'], ingress: [{}] },
    },
  ];
}

interface Selected {
  selector: { matchLabels: Record<string, string> };
}
interface PodOwner extends Selected {
  template: {
    spec: {
      securityContext: object;
      containers: [{ securityContext: object; resources: object }];
    };
  };
}
interface Route {
  path: string;
  backend: { service: { name: string; port: { name: string } } };
}

// Applies `change` to the spec of the object of that kind in a fresh set and returns the problems found.
function problemsAfter<Spec>(kind: string, change: (spec: Spec, object: KubernetesObject) => void): string[] {
  const objects = manifests();
  const object = objects.find((candidate) => candidate.kind === kind);
  if (!object) throw new Error(`no ${kind} in the fixture`);
  change(object.spec as Spec, object);
  return kubernetesManifestProblems(objects);
}

describe('kubernetesManifestProblems', () => {
  it('accepts a consistent set', () => {
    expect(kubernetesManifestProblems(manifests())).toEqual([]);
  });

  it('catches a wrong apiVersion and an unknown kind', () => {
    expect(problemsAfter('HorizontalPodAutoscaler', (_, hpa) => (hpa.apiVersion = 'autoscaling/v1'))).toEqual([
      'HorizontalPodAutoscaler/qbm-api: apiVersion autoscaling/v1, expected autoscaling/v2',
    ]);
    expect(kubernetesManifestProblems([{ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' } }])).toEqual([
      'Secret/s: kind not expected in this repository',
    ]);
  });

  it('catches selectors that match no pod and ports that do not exist', () => {
    expect(problemsAfter<Selected>('Deployment', (d) => (d.selector.matchLabels = { app: 'other' }))).toContain(
      'Deployment/qbm-api: selector does not match its pod labels',
    );
    expect(
      problemsAfter<{ ports: [{ targetPort: string }] }>('Service', (s) => (s.ports[0].targetPort = 'metrics')),
    ).toEqual(['Service/qbm-api: targetPort metrics is no container port']);
    expect(problemsAfter<{ selector: object }>('Service', (s) => (s.selector = { app: 'other' }))).toEqual([
      "Service/qbm-api: selects no Deployment's pods",
    ]);
    expect(
      problemsAfter<{ endpoints: [{ port: string }] }>('ServiceMonitor', (m) => (m.endpoints[0].port = 'web')),
    ).toEqual(['ServiceMonitor/qbm-api: endpoint port web is not a port of its Service']);
    expect(problemsAfter<Selected>('PodDisruptionBudget', (p) => (p.selector.matchLabels = { app: 'x' }))).toEqual([
      "PodDisruptionBudget/qbm-api: selects no Deployment's pods",
    ]);
    expect(problemsAfter<{ policyTypes: string[] }>('NetworkPolicy', (p) => (p.policyTypes = ['Ingress']))).toEqual([
      'no default-deny NetworkPolicy',
    ]);
  });

  it('catches a scale target that does not exist, or two scalers on one Deployment', () => {
    expect(
      problemsAfter<{ scaleTargetRef: { name: string } }>(
        'HorizontalPodAutoscaler',
        (h) => (h.scaleTargetRef.name = 'qbm-gone'),
      ),
    ).toEqual(['HorizontalPodAutoscaler/qbm-api: scales qbm-gone, which does not exist']);
    const objects = manifests();
    objects.push({
      apiVersion: 'keda.sh/v1alpha1',
      kind: 'ScaledObject',
      metadata: { name: 'qbm-api' },
      spec: { scaleTargetRef: { kind: 'Deployment', name: 'qbm-api' } },
    });
    expect(kubernetesManifestProblems(objects)).toEqual([
      'ScaledObject/qbm-api: qbm-api is already scaled by HorizontalPodAutoscaler/qbm-api',
    ]);
  });

  it('refuses an Ingress that routes a private path or a private Service', () => {
    const route =
      (path: string, service = 'qbm-api') =>
      (ingress: { rules: [{ http: { paths: [Route] } }] }) =>
        (ingress.rules[0].http.paths[0] = { path, backend: { service: { name: service, port: { name: 'http' } } } });
    expect(problemsAfter('Ingress', route('/'))).toEqual(['Ingress/qbm-api: routes /, which is not a public route']);
    expect(problemsAfter('Ingress', route('/metrics'))).toEqual([
      'Ingress/qbm-api: routes /metrics, which is not a public route',
    ]);
    expect(problemsAfter('Ingress', route('/api/v1/alerts', 'qbm-notifier'))).toEqual([
      'Ingress/qbm-api: routes /api/v1/alerts, which is not a public route',
      'Ingress/qbm-api: backend qbm-notifier does not exist',
    ]);
    expect(problemsAfter('Ingress', route('/api/v1', 'qbm-notifier'))).toEqual([
      'Ingress/qbm-api: routes /api/v1 to qbm-notifier, not qbm-api',
      'Ingress/qbm-api: backend qbm-notifier does not exist',
    ]);
  });

  it('requires non-root pods with limits and a read-only root filesystem', () => {
    expect(
      problemsAfter<PodOwner>('Deployment', (d) => {
        d.template.spec.securityContext = {};
        d.template.spec.containers[0].securityContext = {};
        d.template.spec.containers[0].resources = {};
      }),
    ).toEqual([
      'Deployment/qbm-api: pod does not set runAsNonRoot',
      'Deployment/qbm-api container api: needs a memory limit and a CPU request',
      'Deployment/qbm-api container api: root filesystem is writable',
      'Deployment/qbm-api container api: allowPrivilegeEscalation is not false',
    ]);
  });

  it('reads matchExpressions as Kubernetes does', () => {
    const selector = { matchExpressions: [{ key: 'app', operator: 'In', values: ['a', 'b'] }] };
    expect(selects(selector, { app: 'b' })).toBe(true);
    expect(selects(selector, { app: 'c' })).toBe(false);
    expect(selects({ matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }] }, {})).toBe(true);
    expect(selects(undefined, { app: 'a' })).toBe(false);
  });
});
