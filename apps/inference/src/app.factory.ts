import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createFastifyAdapter } from '@qbm/http';
import { Logger } from 'nestjs-pino';
import { InferenceModule } from './app.module';
import type { InferenceConfig } from './config/inference.config';

// Health and metrics only over HTTP; predictions arrive on the `predictions` queue.
export async function createApp(config: InferenceConfig): Promise<NestFastifyApplication> {
  const adapter = createFastifyAdapter({ bodyLimit: 64 * 1024, trustProxy: config.trustProxy });
  const app = await NestFactory.create<NestFastifyApplication>(InferenceModule.forRoot(config), adapter, {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  return app;
}
