import { requestContext } from '../logging/request-context';
import { requestIdOf, withRequestId } from './job-request-id';

describe('job request id', () => {
  it('stamps the current request id onto a payload', () => {
    const payload = requestContext.run({ requestId: 'req-abc' }, () => withRequestId({ okrId: '1' }));
    expect(payload).toEqual({ okrId: '1', requestId: 'req-abc' });
    expect(requestIdOf(payload)).toBe('req-abc');
  });

  it('leaves the payload alone outside a request', () => {
    expect(withRequestId({ okrId: '1' })).toEqual({ okrId: '1' });
  });

  it.each([undefined, null, 'text', { requestId: 42 }, {}])('finds no request id in %p', (data) => {
    expect(requestIdOf(data)).toBeUndefined();
  });
});
