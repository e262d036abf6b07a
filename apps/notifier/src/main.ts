import 'reflect-metadata';
import { ConfigError } from '@qbm/config';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { NotifierConfig } from './config/notifier.config';
import { readVersion } from './config/version';

async function bootstrap(): Promise<void> {
  let config: NotifierConfig;
  try {
    config = NotifierConfig.fromEnvironment(process.env, readVersion());
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const app = await createApp(config);
  const logger = new Logger('NotifierConfig');
  for (const disabled of config.routing?.disabled ?? []) {
    logger.warn(`destination ${disabled.id} is disabled: ${disabled.reason}`);
  }
  if (!config.webhookToken) logger.warn('NOTIFIER_WEBHOOK_TOKEN is not set: the webhook accepts anyone');
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    // Nest drains the workers and closes the server and pools; this only bounds how long that may take.
    process.once(signal, () => setTimeout(() => process.exit(1), config.shutdownGraceMs).unref());
  }
  await app.listen({ port: config.port, host: config.host });
}

void bootstrap();
