import { parse, parseAllDocuments } from 'yaml';
import { readText } from '../repository';
import type { Check } from '../runner/check';
import { exec, requireTool } from '../runner/external-tool';

const REQUIRED_KINDS = [
  'Deployment',
  'Service',
  'Job',
  'PodDisruptionBudget',
  'HorizontalPodAutoscaler',
  'ServiceMonitor',
];

interface Container {
  lifecycle?: { preStop?: { exec?: { command?: unknown[] } } };
  env?: Array<{ name?: string; value?: unknown }>;
}

interface DeploymentDocument {
  spec?: { template?: { spec?: { terminationGracePeriodSeconds?: unknown; containers?: Container[] } } };
}

// The pod must outlive preStop's sleep plus the drain (SHUTDOWN_GRACE_MS), or in-flight work is cut.
export function gracePeriodProblem(deploymentYaml: string): string | undefined {
  const pod = (parse(deploymentYaml) as DeploymentDocument).spec?.template?.spec;
  const container = pod?.containers?.[0];
  const grace = Number(pod?.terminationGracePeriodSeconds);
  const command = container?.lifecycle?.preStop?.exec?.command ?? [];
  const preStop = command[0] === 'sleep' ? Number(command[1]) : Number.NaN;
  const shutdownMs = Number(container?.env?.find((variable) => variable.name === 'SHUTDOWN_GRACE_MS')?.value);
  if (![grace, preStop, shutdownMs].every(Number.isFinite))
    return 'could not read the grace period, preStop sleep and SHUTDOWN_GRACE_MS';
  if (grace * 1000 <= preStop * 1000 + shutdownMs)
    return `terminationGracePeriodSeconds ${grace} <= preStop ${preStop} s + ${shutdownMs} ms`;
  return undefined;
}

export const KUBERNETES_CHECKS: readonly Check[] = [
  {
    name: 'kubectl kustomize deploy/k8s',
    run: () => {
      requireTool('kubectl', ['version', '--client']);
      const rendered = exec('kubectl', ['kustomize', 'deploy/k8s']);
      const kinds = new Set(
        parseAllDocuments(rendered).map((document) => (document.toJS() as { kind?: string })?.kind),
      );
      for (const kind of REQUIRED_KINDS) if (!kinds.has(kind)) throw new Error(`no ${kind} in the rendered manifests`);
      if (kinds.has('Secret'))
        throw new Error('the manifests must not carry a Secret (qbm-secrets is created out of band)');
    },
  },
  {
    name: 'k8s grace period outlasts preStop + SHUTDOWN_GRACE_MS',
    run: () => {
      const problem = gracePeriodProblem(readText('deploy/k8s/api-deployment.yaml'));
      if (problem) throw new Error(problem);
    },
  },
];
