import 'reflect-metadata';
import { createApp } from './app.factory';
import { ConfigError } from '@qbm/config';
import { ApiConfig } from './config/api.config';
import { readVersion } from './config/version';

async function bootstrap(): Promise<void> {
  let config: ApiConfig;
  try {
    config = ApiConfig.fromEnvironment(process.env, readVersion());
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const app = await createApp(config);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    // Nest closes the server (in-flight requests finish) and the pools; this only bounds how long that may take.
    process.once(signal, () => setTimeout(() => process.exit(1), config.shutdownGraceMs).unref());
  }
  await app.listen({ port: config.port, host: config.host });
}

void bootstrap();
