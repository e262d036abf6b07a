export { TestTargetRefusedError } from './test-target-refused.error';
export {
  testDatabaseName,
  testDatabaseUrl,
  testPostgresServerUrl,
  assertTestDatabaseName,
} from './postgres/test-database-name';
export { assertTestDatabase } from './postgres/test-database.guard';
export { ensureTestDatabase } from './postgres/ensure-test-database';
export { openTestDataSource } from './postgres/open-test-data-source';
export { migrateTestDatabase } from './postgres/migrate-test-database';
export { truncateEntityTables } from './postgres/truncate-entity-tables';
export { testRedisDb, testRedisUrl } from './redis/test-redis';
export { assertTestRedis, flushTestRedis } from './redis/test-redis.guard';
export { PrivateRedis } from './redis/private-redis';
export { freePort } from './network/free-port';
export { TcpProxy } from './network/tcp-proxy';
export { PROMTOOL, hasPromtool, promtoolCheckMetrics } from './promtool/promtool';
export { drainQueue, type DrainQueueOptions } from './queues/drain-queue';
export { sampleValue } from './metrics/exposition-sample';
export { waitFor, type WaitForOptions } from './wait-for';
export { SlackStandIn, type SlackPost, type ScriptedAnswer } from './stand-ins/slack-stand-in';
export { SmtpSink, type ReceivedMail } from './stand-ins/smtp-sink';
export { AlertmanagerProcess, ALERTMANAGER_BINARY } from './stand-ins/alertmanager-process';
