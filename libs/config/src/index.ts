export { ConfigError } from './config-error';
export { parseEnvironment, type EnvironmentCheck, type EnvironmentSource } from './parse-environment';
export { booleanFromString } from './boolean-from-string';
export { nodeEnvBlock, type NodeEnv } from './blocks/node-env.block';
export { loggingBlock, loggingSettings, type LoggingSettings } from './blocks/logging.block';
export {
  metricsBlock,
  metricsSettings,
  metricsNotPublicInProduction,
  type MetricsSettings,
} from './blocks/metrics.block';
export { redisBlock } from './blocks/redis.block';
export { databaseBlock, databaseSettings, type DatabaseSettings } from './blocks/database.block';
export { shutdownBlock } from './blocks/shutdown.block';
export { jwtBlock, jwtSettings, jwtKeyRequired, type JwtSettings } from './blocks/jwt.block';
export { httpBlock, type TrustProxy } from './blocks/http.block';
export { portNumber } from './port-number';
