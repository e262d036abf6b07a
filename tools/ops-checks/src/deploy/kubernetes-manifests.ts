// An offline schema check of the rendered kustomization (no kubeconform here): every object's kind has
// the apiVersion this repository targets, and the objects agree with each other: selectors match pod
// labels, Services and ServiceMonitors name ports that exist, autoscalers and Ingress backends point at
// objects that exist, pods run as non-root with limits.

export interface KubernetesObject {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; namespace?: string; labels?: Record<string, string> };
  spec?: Record<string, unknown>;
}

interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
}

interface ContainerPort {
  name?: string;
  containerPort?: number;
}

interface Container {
  name?: string;
  ports?: ContainerPort[];
  resources?: { limits?: Record<string, unknown>; requests?: Record<string, unknown> };
  securityContext?: { readOnlyRootFilesystem?: boolean; allowPrivilegeEscalation?: boolean };
}

interface PodTemplate {
  metadata?: { labels?: Record<string, string> };
  spec?: { securityContext?: { runAsNonRoot?: boolean }; containers?: Container[] };
}

interface ServicePort {
  name?: string;
  port?: number;
  targetPort?: number | string;
}

export const API_VERSIONS: Readonly<Record<string, string>> = {
  Namespace: 'v1',
  Service: 'v1',
  PersistentVolumeClaim: 'v1',
  Deployment: 'apps/v1',
  Job: 'batch/v1',
  PodDisruptionBudget: 'policy/v1',
  HorizontalPodAutoscaler: 'autoscaling/v2',
  Ingress: 'networking.k8s.io/v1',
  NetworkPolicy: 'networking.k8s.io/v1',
  ServiceMonitor: 'monitoring.coreos.com/v1',
  PrometheusRule: 'monitoring.coreos.com/v1',
  ScaledObject: 'keda.sh/v1alpha1',
};

// The public routes, as deploy/gateway/templates has them, and the Service behind each: nothing else
// may be routed at the edge (not /metrics, /health/*, nor the notifier's webhook under /api/v1/alerts).
export const PUBLIC_ROUTES: Readonly<Record<string, string>> = {
  '/api/v1': 'qbm-api',
  '/api/v1/notifications': 'qbm-notifier',
  '/docs': 'qbm-api',
};

export function selects(selector: LabelSelector | undefined, labels: Record<string, string> = {}): boolean {
  if (!selector) return false;
  const exact = Object.entries(selector.matchLabels ?? {}).every(([key, value]) => labels[key] === value);
  const expressions = (selector.matchExpressions ?? []).every(({ key, operator, values = [] }) => {
    if (operator === 'In') return values.includes(labels[key] ?? '');
    if (operator === 'NotIn') return !values.includes(labels[key] ?? '');
    if (operator === 'Exists') return key in labels;
    if (operator === 'DoesNotExist') return !(key in labels);
    return false;
  });
  return exact && expressions;
}

const nameOf = (object: KubernetesObject): string => `${object.kind ?? '?'}/${object.metadata?.name ?? '?'}`;
const spec = <T>(object: KubernetesObject): T => (object.spec ?? {}) as T;

function podTemplate(object: KubernetesObject): PodTemplate | undefined {
  if (object.kind === 'Deployment' || object.kind === 'Job') return spec<{ template?: PodTemplate }>(object).template;
  return undefined;
}

function podProblems(object: KubernetesObject, pod: PodTemplate): string[] {
  const problems: string[] = [];
  const where = nameOf(object);
  if (pod.spec?.securityContext?.runAsNonRoot !== true) problems.push(`${where}: pod does not set runAsNonRoot`);
  for (const container of pod.spec?.containers ?? []) {
    const label = `${where} container ${container.name ?? '?'}`;
    if (!container.resources?.limits?.memory || !container.resources?.requests?.cpu)
      problems.push(`${label}: needs a memory limit and a CPU request`);
    if (container.securityContext?.readOnlyRootFilesystem !== true)
      problems.push(`${label}: root filesystem is writable`);
    if (container.securityContext?.allowPrivilegeEscalation !== false)
      problems.push(`${label}: allowPrivilegeEscalation is not false`);
  }
  return problems;
}

function deploymentProblems(object: KubernetesObject): string[] {
  const { selector } = spec<{ selector?: LabelSelector }>(object);
  const labels = podTemplate(object)?.metadata?.labels;
  if (!selector || !selects(selector, labels)) return [`${nameOf(object)}: selector does not match its pod labels`];
  return [];
}

function servicePorts(object: KubernetesObject): ServicePort[] {
  return spec<{ ports?: ServicePort[] }>(object).ports ?? [];
}

export function kubernetesManifestProblems(objects: readonly KubernetesObject[]): string[] {
  const problems: string[] = [];
  const byKind = (kind: string): KubernetesObject[] => objects.filter((object) => object.kind === kind);
  const named = (kind: string, name: string | undefined): KubernetesObject | undefined =>
    byKind(kind).find((object) => object.metadata?.name === name);
  const pods = objects.flatMap((object) => {
    const pod = podTemplate(object);
    return pod ? [{ owner: object, pod }] : [];
  });

  for (const object of objects) {
    const expected = object.kind ? API_VERSIONS[object.kind] : undefined;
    if (!expected) problems.push(`${nameOf(object)}: kind not expected in this repository`);
    else if (object.apiVersion !== expected)
      problems.push(`${nameOf(object)}: apiVersion ${String(object.apiVersion)}, expected ${expected}`);
    if (!object.metadata?.name) problems.push(`${nameOf(object)}: no metadata.name`);
  }
  for (const object of byKind('Deployment')) problems.push(...deploymentProblems(object));
  for (const { owner, pod } of pods) problems.push(...podProblems(owner, pod));

  for (const service of byKind('Service')) {
    const selector = { matchLabels: spec<{ selector?: Record<string, string> }>(service).selector };
    const targets = byKind('Deployment').filter((d) => selects(selector, podTemplate(d)?.metadata?.labels));
    if (targets.length === 0) {
      problems.push(`${nameOf(service)}: selects no Deployment's pods`);
      continue;
    }
    const containerPorts = targets.flatMap((d) =>
      (podTemplate(d)?.spec?.containers ?? []).flatMap((container) => container.ports ?? []),
    );
    for (const port of servicePorts(service)) {
      const target = port.targetPort ?? port.port;
      const found = containerPorts.some((cp) => (typeof target === 'string' ? cp.name : cp.containerPort) === target);
      if (!found) problems.push(`${nameOf(service)}: targetPort ${String(target)} is no container port`);
    }
  }

  for (const monitor of byKind('ServiceMonitor')) {
    const { selector, endpoints = [] } = spec<{ selector?: LabelSelector; endpoints?: Array<{ port?: string }> }>(
      monitor,
    );
    const services = byKind('Service').filter((s) => selects(selector, s.metadata?.labels));
    if (services.length === 0) problems.push(`${nameOf(monitor)}: selects no Service`);
    for (const { port } of endpoints)
      if (!services.some((s) => servicePorts(s).some((p) => p.name === port)))
        problems.push(`${nameOf(monitor)}: endpoint port ${String(port)} is not a port of its Service`);
  }

  for (const budget of byKind('PodDisruptionBudget')) {
    const { selector } = spec<{ selector?: LabelSelector }>(budget);
    if (!byKind('Deployment').some((d) => selects(selector, podTemplate(d)?.metadata?.labels)))
      problems.push(`${nameOf(budget)}: selects no Deployment's pods`);
  }

  const scaled = new Map<string, string>();
  for (const scaler of [...byKind('HorizontalPodAutoscaler'), ...byKind('ScaledObject')]) {
    const target = spec<{ scaleTargetRef?: { kind?: string; name?: string } }>(scaler).scaleTargetRef;
    if (!named(target?.kind ?? 'Deployment', target?.name))
      problems.push(`${nameOf(scaler)}: scales ${String(target?.name)}, which does not exist`);
    const previous = scaled.get(String(target?.name));
    if (previous) problems.push(`${nameOf(scaler)}: ${String(target?.name)} is already scaled by ${previous}`);
    scaled.set(String(target?.name), nameOf(scaler));
  }

  for (const ingress of byKind('Ingress')) {
    const { rules = [] } = spec<{
      rules?: Array<{
        http?: {
          paths?: Array<{ path?: string; backend?: { service?: { name?: string; port?: { name?: string } } } }>;
        };
      }>;
    }>(ingress);
    for (const { path = '/', backend } of rules.flatMap((rule) => rule.http?.paths ?? [])) {
      const owner = PUBLIC_ROUTES[path];
      if (!owner) problems.push(`${nameOf(ingress)}: routes ${path}, which is not a public route`);
      else if (owner !== backend?.service?.name)
        problems.push(`${nameOf(ingress)}: routes ${path} to ${String(backend?.service?.name)}, not ${owner}`);
      const service = named('Service', backend?.service?.name);
      if (!service) problems.push(`${nameOf(ingress)}: backend ${String(backend?.service?.name)} does not exist`);
      else if (!servicePorts(service).some((p) => p.name === backend?.service?.port?.name))
        problems.push(`${nameOf(ingress)}: backend port is not a port of ${nameOf(service)}`);
    }
  }

  for (const policy of byKind('NetworkPolicy')) {
    const { podSelector } = spec<{ podSelector?: LabelSelector }>(policy);
    const empty = !podSelector?.matchLabels && !podSelector?.matchExpressions;
    if (!empty && !pods.some(({ pod }) => selects(podSelector, pod.metadata?.labels)) && !isDataStore(podSelector))
      problems.push(`${nameOf(policy)}: selects no pod of these manifests`);
  }
  const defaultDeny = byKind('NetworkPolicy').some((policy) => {
    const {
      podSelector,
      policyTypes = [],
      ingress,
      egress,
    } = spec<{
      podSelector?: LabelSelector;
      policyTypes?: string[];
      ingress?: unknown;
      egress?: unknown;
    }>(policy);
    const all = !podSelector?.matchLabels && !podSelector?.matchExpressions;
    return all && policyTypes.includes('Ingress') && policyTypes.includes('Egress') && !ingress && !egress;
  });
  if (byKind('NetworkPolicy').length > 0 && !defaultDeny) problems.push('no default-deny NetworkPolicy');
  return problems;
}

// Postgres and Redis may run outside these manifests; their policies stand ready for them.
function isDataStore(selector: LabelSelector | undefined): boolean {
  const name = selector?.matchLabels?.['app.kubernetes.io/name'];
  return name === 'postgres' || name === 'redis';
}
