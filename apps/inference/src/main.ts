import 'reflect-metadata';
import { ConfigError } from '@qbm/config';
import { createApp } from './app.factory';
import { InferenceConfig } from './config/inference.config';
import { readVersion } from './config/version';

async function bootstrap(): Promise<void> {
  let config: InferenceConfig;
  try {
    config = InferenceConfig.fromEnvironment(process.env, readVersion());
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const app = await createApp(config);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    // Nest drains the workers and closes the server and pools; this only bounds how long that may take.
    process.once(signal, () => setTimeout(() => process.exit(1), config.shutdownGraceMs).unref());
  }
  await app.listen({ port: config.port, host: config.host });
}

void bootstrap();
