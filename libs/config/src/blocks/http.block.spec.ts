import { z } from 'zod';
import { parseEnvironment } from '../parse-environment';
import { httpBlock } from './http.block';

describe('httpBlock', () => {
  const notifier = z.object({ ...httpBlock('NOTIFIER', 3002) });

  it("names the variables after the service and applies the service's default port", () => {
    expect(parseEnvironment(notifier, {})).toEqual({
      NOTIFIER_HOST: '0.0.0.0',
      NOTIFIER_PORT: 3002,
      TRUST_PROXY: false,
    });
    expect(parseEnvironment(notifier, { NOTIFIER_PORT: '4000', API_PORT: 'ignored' }).NOTIFIER_PORT).toBe(4000);
  });

  it('refuses a port outside 1-65535', () => {
    expect(() => parseEnvironment(notifier, { NOTIFIER_PORT: '70000' })).toThrow(/NOTIFIER_PORT/);
    expect(() => parseEnvironment(notifier, { NOTIFIER_PORT: '0' })).toThrow(/NOTIFIER_PORT/);
  });

  it('reads TRUST_PROXY as a flag, a hop count or a list of addresses', () => {
    const trust = (value: string) => parseEnvironment(notifier, { TRUST_PROXY: value }).TRUST_PROXY;
    expect(trust('true')).toBe(true);
    expect(trust('2')).toBe(2);
    expect(trust('10.0.0.0/8, 127.0.0.1,::1')).toEqual(['10.0.0.0/8', '127.0.0.1', '::1']);
    expect(() => trust('everyone')).toThrow('TRUST_PROXY: must be true, false, a hop count or addresses/CIDRs');
  });
});
