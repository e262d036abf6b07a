import { keyspaceRows, numberField, parseRedisInfo, slowlogRows } from './redis-info.parser';

const INFO = [
  '# Server',
  'redis_version:7.0.15',
  'uptime_in_seconds:1268',
  '',
  '# Stats',
  'keyspace_hits:2383',
  'keyspace_misses:2497',
  '# Keyspace',
  'db0:keys=100,expires=98,avg_ttl=1724034',
  'db15:keys=2,expires=0,avg_ttl=0',
].join('\r\n');

describe('Redis INFO parsing', () => {
  it('reads fields across sections', () => {
    const info = parseRedisInfo(INFO);
    expect(info.get('redis_version')).toBe('7.0.15');
    expect(numberField(info, 'keyspace_hits')).toBe(2383);
    expect(numberField(info, 'missing')).toBe(0);
  });

  it('reads one keyspace row per database', () => {
    expect(keyspaceRows(parseRedisInfo(INFO))).toEqual([
      { db: 0, keys: 100, expires: 98, avg_ttl_ms: 1724034 },
      { db: 15, keys: 2, expires: 0, avg_ttl_ms: 0 },
    ]);
  });

  it('reads SLOWLOG GET entries with and without client fields, truncating long commands', () => {
    const reply = [
      [7, 1_700_000_000, 15_000, ['EVALSHA', 'abc', '1', 'x'.repeat(200)], '127.0.0.1:5000', 'qbm-api'],
      [6, 1_700_000_001, 12_001, ['KEYS', '*']],
      'garbage',
    ];
    const rows = slowlogRows(reply);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      id: 7,
      at: '2023-11-14T22:13:20.000Z',
      duration_us: 15_000,
      client: '127.0.0.1:5000',
    });
    expect(String(rows[0]?.command)).toHaveLength(120);
    expect(rows[1]).toMatchObject({ id: 6, command: 'KEYS *', client: null });
    expect(slowlogRows(null)).toEqual([]);
  });
});
