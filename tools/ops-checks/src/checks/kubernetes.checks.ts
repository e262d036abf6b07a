import { parse, parseAllDocuments } from 'yaml';
import { type KubernetesObject, kubernetesManifestProblems } from '../deploy/kubernetes-manifests';
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
  'Ingress',
  'NetworkPolicy',
  'ScaledObject',
];

function renderKustomization(): KubernetesObject[] {
  requireTool('kubectl', ['version', '--client']);
  const rendered = exec('kubectl', ['kustomize', 'deploy/k8s']);
  return parseAllDocuments(rendered).map((document) => document.toJS() as KubernetesObject);
}

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
      const kinds = new Set(renderKustomization().map((object) => object.kind));
      for (const kind of REQUIRED_KINDS) if (!kinds.has(kind)) throw new Error(`no ${kind} in the rendered manifests`);
      if (kinds.has('Secret'))
        throw new Error('the manifests must not carry a Secret (qbm-secrets is created out of band)');
    },
  },
  {
    name: 'k8s objects: apiVersions, selectors, ports, scale targets, Ingress paths, NetworkPolicies',
    run: () => {
      const problems = kubernetesManifestProblems(renderKustomization());
      if (problems.length > 0) throw new Error(problems.join('\n'));
    },
  },
  {
    name: 'k8s grace period outlasts preStop + SHUTDOWN_GRACE_MS',
    run: () => {
      const problems = ['api', 'notifier', 'inference'].flatMap((app) => {
        const problem = gracePeriodProblem(readText(`deploy/k8s/${app}-deployment.yaml`));
        return problem ? [`${app}: ${problem}`] : [];
      });
      if (problems.length > 0) throw new Error(problems.join('\n'));
    },
  },
];
