import { z } from 'zod';
import { JOB_CATALOGUE } from './job-catalogue';
import { defineJob } from './job-contract';
import { QUEUE_NAMES } from './queue-names';

describe('job catalogue', () => {
  it('keys every contract by its own name, on a known queue', () => {
    const queues: string[] = Object.values(QUEUE_NAMES);
    for (const [name, contract] of Object.entries(JOB_CATALOGUE)) {
      expect(contract.name).toBe(name);
      expect(queues).toContain(contract.queue);
    }
    expect(Object.keys(JOB_CATALOGUE)).toContain('raise-alert');
  });

  it('refuses a job name that is not kebab-case', () => {
    const contract = {
      queue: QUEUE_NAMES.alerts,
      payload: z.object({}),
      result: z.object({}),
      defaults: JOB_CATALOGUE['raise-alert'].defaults,
    };
    expect(() => defineJob({ ...contract, name: 'raiseAlert' })).toThrow('not kebab-case');
    expect(() => defineJob({ ...contract, name: 'raise-alert-v2' })).not.toThrow();
  });
});
