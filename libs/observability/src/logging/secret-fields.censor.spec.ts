import { censorSecretFields, censorUrl } from './secret-fields.censor';

describe('censorSecretFields', () => {
  it('censors secret field names on the first four levels and leaves the logged object as it was', () => {
    const logged = {
      token: 't0',
      body: { password: 'p1', items: [{ apiKey: 'k2' }], keep: 'ok' },
      config: { redis: { auth: { password: 'p3', deeper: { secret: 's4' } } } },
    };
    const before = JSON.stringify(logged);
    const text = JSON.stringify(censorSecretFields(logged));
    for (const secret of ['t0', 'p1', 'k2', 'p3']) expect(text).not.toContain(`"${secret}"`);
    expect(text).toContain('"keep":"ok"');
    // Level five was never redacted (the old paths stopped at *.*.*.field too).
    expect(text).toContain('"s4"');
    expect(JSON.stringify(logged)).toBe(before);
  });

  it('returns the same object when it holds no secret, and does not walk class instances', () => {
    const logged = { responseTime: 3, res: { headers: { accept: 'json' } } };
    expect(censorSecretFields(logged)).toBe(logged);
    class Raw {
      password = 'kept for its own serialiser';
    }
    const withInstance = { res: new Raw() };
    expect(censorSecretFields(withInstance)).toBe(withInstance);
  });
});

describe('censorUrl', () => {
  it('censors the values of secret query fields, however they are encoded', () => {
    expect(censorUrl('/a?token=t1&page=2')).toBe('/a?token=[Redacted]&page=2');
    expect(censorUrl('/a?page=2&api%5Fkey=k1&access_token')).toBe(
      '/a?page=2&api%5Fkey=[Redacted]&access_token=[Redacted]',
    );
    expect(censorUrl('/a?%E0%A4%A=1&secret=s')).toBe('/a?%E0%A4%A=1&secret=[Redacted]');
  });

  it('returns the URL itself when it holds no secret', () => {
    const url = '/a/b?page=2&size=5';
    expect(censorUrl(url)).toBe(url);
    expect(censorUrl('/a/b')).toBe('/a/b');
  });
});
