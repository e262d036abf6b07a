import type { z } from 'zod';
import { raiseAlertJob } from './alerts/raise-alert.job';
import { deliverNotificationJob } from './notifications/deliver-notification.job';
import { manageModelJob } from './model-lifecycle/manage-model.job';
import { predictJob } from './predictions/predict.job';
import type { AnyJobContract } from './job-contract';

type CatalogueOf<Contracts extends readonly AnyJobContract[]> = {
  [Contract in Contracts[number] as Contract['name']]: Contract;
};

function catalogue<const Contracts extends readonly AnyJobContract[]>(...contracts: Contracts): CatalogueOf<Contracts> {
  const byName = new Map<string, AnyJobContract>();
  for (const contract of contracts) {
    if (byName.has(contract.name)) throw new Error(`Job name "${contract.name}" is declared twice`);
    byName.set(contract.name, contract);
  }
  return Object.fromEntries(byName) as CatalogueOf<Contracts>;
}

// Every job the suite enqueues, by name. A job that is not listed here cannot be enqueued.
export const JOB_CATALOGUE = catalogue(raiseAlertJob, deliverNotificationJob, predictJob, manageModelJob);

export type JobCatalogue = typeof JOB_CATALOGUE;
export type JobName = keyof JobCatalogue;
export type JobContractOf<N extends JobName> = JobCatalogue[N];
// What a producer passes for job N, and what its handler receives after parsing.
export type JobPayloadInput<N extends JobName> = z.input<JobCatalogue[N]['payload']>;
export type JobPayload<N extends JobName> = z.output<JobCatalogue[N]['payload']>;
export type JobResult<N extends JobName> = z.output<JobCatalogue[N]['result']>;
