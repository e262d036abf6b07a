import { type RaiseAlertPayload, raiseAlertJob } from '@qbm/contracts';
import type { JobProducer, JobWorkers } from '../../src';

// Compiled by `pnpm typecheck` (tsc --noEmit), never run. Each @ts-expect-error must meet a type
// error on the line below it, or tsc reports the directive as unused and the typecheck fails.

declare const producer: JobProducer;
declare const workers: JobWorkers;
declare const alert: RaiseAlertPayload;
declare const withoutFingerprint: Omit<RaiseAlertPayload, 'fingerprint'>;

export function enqueueTakesOnlyTheJobsPayload(): void {
  void producer.enqueue('raise-alert', alert);
  void producer.enqueue('raise-alert', { ...alert, status: 'resolved', endsAt: '2026-03-01T10:30:00Z' });

  // @ts-expect-error 'page' is not a severity
  void producer.enqueue('raise-alert', { ...alert, severity: 'page' });
  // @ts-expect-error the fingerprint is required
  void producer.enqueue('raise-alert', withoutFingerprint);
  // @ts-expect-error label values are strings
  void producer.enqueue('raise-alert', { ...alert, labels: { replicas: 3 } });
  // @ts-expect-error a field the job does not have
  void producer.enqueue('raise-alert', { ...alert, okrId: 'okr-1' });
  // @ts-expect-error another job's payload
  void producer.enqueue('raise-alert', { modelId: 'okr-success', inputs: [] });
  // @ts-expect-error no job has this name
  void producer.enqueue('raise-alarm', alert);
}

export function processorsGetTheJobsTypes(): void {
  workers.process(raiseAlertJob, (payload) => Promise.resolve({ deliveredTo: [toChannel(payload.severity)] }));

  // @ts-expect-error 'pager' is not a channel of the result
  workers.process(raiseAlertJob, () => Promise.resolve({ deliveredTo: ['pager'] }));
  // @ts-expect-error the payload has no okrId
  workers.process(raiseAlertJob, (payload) => Promise.resolve({ deliveredTo: [payload.okrId] }));
}

function toChannel(severity: RaiseAlertPayload['severity']): 'email' | 'slack' {
  return severity === 'critical' ? 'slack' : 'email';
}
