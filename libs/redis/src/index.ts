export { RedisModule } from './redis.module';
export type { RedisModuleOptions } from './redis-module-options';
