export { ConfigError } from './config-error';
export {
  parseEnvironment,
  type EnvironmentCheck,
  type EnvironmentSource,
  type PresentVariables,
} from './parse-environment';
export { booleanFromString } from './boolean-from-string';
export { portNumber } from './port-number';
export { nodeEnvBlock, type NodeEnv, type NodeEnvironment } from './blocks/node-env.block';
export { loggingBlock, loggingSettings, type LoggingEnvironment, type LoggingSettings } from './blocks/logging.block';
export {
  metricsBlock,
  metricsSettings,
  metricsNotPublicInProduction,
  type MetricsEnvironment,
  type MetricsSettings,
} from './blocks/metrics.block';
export { redisBlock, type RedisEnvironment } from './blocks/redis.block';
export {
  databaseBlock,
  databaseSettings,
  type DatabaseEnvironment,
  type DatabaseSettings,
} from './blocks/database.block';
export { shutdownBlock, type ShutdownEnvironment } from './blocks/shutdown.block';
export { jwtBlock, jwtSettings, jwtKeyRequired, type JwtEnvironment, type JwtSettings } from './blocks/jwt.block';
export { httpBlock, parseTrustProxy, trustProxy, type HttpBlock, type TrustProxy } from './blocks/http.block';
