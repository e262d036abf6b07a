import 'reflect-metadata';
import { Redis } from 'ioredis';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import {
  assertTestDatabase,
  ensureTestDatabase,
  flushTestRedis,
  openTestDataSource,
  PrivateRedis,
  testDatabaseName,
  testDatabaseUrl,
  testPostgresServerUrl,
  testRedisDb,
  testRedisUrl,
  TestTargetRefusedError,
  truncateEntityTables,
} from '../../src';

@Entity('guard_probe')
class GuardProbe {
  @PrimaryColumn() id!: number;
  @Column() label!: string;
}

// The guard looks at the live connection, not at the environment that chose it.
describe('the test-target guard', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  describe('Postgres', () => {
    // "postgres" exists on every server and has no "test" in its name; nothing here writes to it.
    const notATestDatabase = `${testPostgresServerUrl()}/postgres`;

    beforeAll(() => ensureTestDatabase(testDatabaseUrl('testing')));

    it('refuses to open a non-test database even when DATABASE_URL and QBM_TEST_DATABASE were overridden to it', async () => {
      process.env.DATABASE_URL = notATestDatabase;
      await expect(openTestDataSource({ type: 'postgres', url: process.env.DATABASE_URL })).rejects.toThrow(
        TestTargetRefusedError,
      );
      process.env.QBM_TEST_DATABASE = 'postgres';
      expect(() => testDatabaseName('testing')).toThrow(/must contain "test"/);
    });

    it('refuses to truncate through a connection that is really on a non-test database', async () => {
      // Opened around the harness, as an app whose config read an overridden DATABASE_URL would.
      const stray = new DataSource({ type: 'postgres', url: notATestDatabase, entities: [GuardProbe] });
      await stray.initialize();
      const query = jest.spyOn(stray, 'query');
      try {
        await expect(truncateEntityTables(stray)).rejects.toThrow(/Refusing database "postgres"/);
        // Only the guard's question reached the server; no TRUNCATE was sent.
        expect(query.mock.calls.map(([sql]) => sql)).toEqual(['SELECT current_database() AS name']);
      } finally {
        await stray.destroy();
      }
    });

    it('truncates every entity table of a test database, from the metadata', async () => {
      const dataSource = await openTestDataSource({
        type: 'postgres',
        url: testDatabaseUrl('testing'),
        entities: [GuardProbe],
      });
      try {
        await dataSource.query('CREATE TABLE IF NOT EXISTS guard_probe (id int PRIMARY KEY, label text NOT NULL)');
        await dataSource.query("INSERT INTO guard_probe VALUES (1, 'a') ON CONFLICT DO NOTHING");
        expect(await assertTestDatabase(dataSource)).toBe(testDatabaseName('testing'));
        await truncateEntityTables(dataSource);
        expect(await dataSource.getRepository(GuardProbe).count()).toBe(0);
      } finally {
        await dataSource.destroy();
      }
    });
  });

  describe('Redis FLUSHDB', () => {
    const clients: Redis[] = [];
    const connect = (url: string): Redis => {
      const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
      clients.push(client);
      return client;
    };
    afterAll(() => clients.forEach((client) => client.disconnect()));

    it('refuses database 0 and any other index than the run’s on the shared server, sending no FLUSHDB', async () => {
      const other = (testRedisDb() % 15) + 1;
      for (const db of [0, other]) {
        const client = connect(`redis://127.0.0.1:6379/${db}`);
        // Stubbed, so that even a broken guard could not empty a database that is not ours.
        const flush = jest.spyOn(client, 'flushdb').mockResolvedValue('OK');
        await expect(flushTestRedis(client)).rejects.toThrow(new RegExp(`Refusing Redis database ${db} `));
        expect(flush).not.toHaveBeenCalled();
      }
    });

    it('keeps refusing when QBM_TEST_REDIS_DB is changed to that index during the run', async () => {
      await flushTestRedis(connect(testRedisUrl())); // the guard has read the run's index
      const other = (testRedisDb() % 15) + 1;
      process.env.QBM_TEST_REDIS_DB = String(other);
      const client = connect(`redis://127.0.0.1:6379/${other}`);
      const flush = jest.spyOn(client, 'flushdb').mockResolvedValue('OK');
      await expect(flushTestRedis(client)).rejects.toThrow(TestTargetRefusedError);
      expect(flush).not.toHaveBeenCalled();
    });

    it('flushes the run’s own test database', async () => {
      const client = connect(testRedisUrl());
      await client.set('qbm:testing:guard', '1');
      await flushTestRedis(client);
      expect(await client.exists('qbm:testing:guard')).toBe(0);
    });

    it('flushes any database of a redis-server the harness started, database 0 included', async () => {
      const server = await PrivateRedis.start();
      const client = new Redis(server.url);
      try {
        await client.set('k', 'v');
        await flushTestRedis(client);
        expect(await client.dbsize()).toBe(0);
      } finally {
        await client.quit();
        await server.stop();
      }
    });
  });
});
