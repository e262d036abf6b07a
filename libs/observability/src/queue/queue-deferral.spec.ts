import { DelayedError, RateLimitError, UnrecoverableError, WaitingChildrenError } from 'bullmq';
import { isDeferral } from './queue-instrumentation.service';

describe('isDeferral', () => {
  it("recognises BullMQ's control-flow errors and nothing else", () => {
    expect(isDeferral(new DelayedError())).toBe(true);
    expect(isDeferral(new RateLimitError())).toBe(true);
    expect(isDeferral(new WaitingChildrenError())).toBe(true);
    expect(isDeferral(new UnrecoverableError('bad'))).toBe(false);
    expect(isDeferral(new Error('DelayedError'))).toBe(false);
    expect(isDeferral('DelayedError')).toBe(false);
  });
});
