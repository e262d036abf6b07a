import { gracePeriodProblem } from '../checks/kubernetes.checks';
import { readText } from '../repository';
import { headingAnchors } from './heading-anchors';
import { literalSecrets } from './literal-secrets';

describe('deployment file checks', () => {
  it('catch a literal secret in compose, in a map or a list, but not an interpolation', () => {
    const compose = [
      'x-env: &env',
      '  JWT_SECRET: ${JWT_SECRET:?set it}',
      '  POSTGRES_PASSWORD: hunter2',
      "  METRICS_TOKEN: '${METRICS_TOKEN:-}'",
      'services:',
      '  api:',
      '    environment: *env',
      '  worker:',
      '    environment:',
      '      - API_KEY=abc',
      '      - LOG_LEVEL=info',
    ].join('\n');
    expect(literalSecrets(compose)).toEqual([
      'services.api.environment.POSTGRES_PASSWORD is set to a literal',
      'services.worker.environment.API_KEY is set to a literal',
    ]);
    expect(literalSecrets(readText('docker-compose.yml'))).toEqual([]);
  });

  it('follow GitHub slugs for runbook anchors', () => {
    expect(headingAnchors('# Runbooks\n\n## HighErrorRate\n').has('higherrorrate')).toBe(true);
  });

  it('need the pod grace period to outlast preStop plus SHUTDOWN_GRACE_MS', () => {
    const deployment = (grace: number): string =>
      [
        'spec:',
        '  template:',
        '    spec:',
        `      terminationGracePeriodSeconds: ${grace}`,
        '      containers:',
        '        - name: api',
        '          env:',
        '            - name: SHUTDOWN_GRACE_MS',
        "              value: '15000'",
        '          lifecycle:',
        '            preStop:',
        '              exec:',
        "                command: ['sleep', '10']",
      ].join('\n');
    expect(gracePeriodProblem(deployment(35))).toBeUndefined();
    expect(gracePeriodProblem(deployment(25))).toBe('terminationGracePeriodSeconds 25 <= preStop 10 s + 15000 ms');
    expect(gracePeriodProblem('spec: {}')).toMatch(/could not read/);
    expect(gracePeriodProblem(readText('deploy/k8s/api-deployment.yaml'))).toBeUndefined();
  });
});
