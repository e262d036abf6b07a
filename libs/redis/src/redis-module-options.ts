export interface RedisModuleOptions {
  url: string;
}
