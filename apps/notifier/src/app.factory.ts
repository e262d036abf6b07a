import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { createFastifyAdapter, useJsonBodyParser } from '@qbm/http';
import { Logger } from 'nestjs-pino';
import { NotifierModule } from './app.module';
import type { NotifierConfig } from './config/notifier.config';

export async function createApp(config: NotifierConfig): Promise<NestFastifyApplication> {
  // A webhook carries at most max_alerts (50 in the shipped config) alerts; 1,000 fit easily.
  const adapter = createFastifyAdapter({ bodyLimit: 2 * 1024 * 1024, trustProxy: config.trustProxy });
  const app = await NestFactory.create<NestFastifyApplication>(NotifierModule.forRoot(config), adapter, {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  // A webhook nests 3 levels (alerts, labels); deeper bodies are refused before parsing.
  useJsonBodyParser(app, { maxDepth: 32, maxBytes: 2 * 1024 * 1024 });
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('QBM notifier')
      .setDescription(
        "Alertmanager's webhook (webhook token) and the notification history (admin JWT). Every error body carries a stable `code`.",
      )
      .setVersion(config.version)
      .addBearerAuth({ type: 'http', scheme: 'bearer' })
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', yamlDocumentUrl: 'docs-yaml' });
  return app;
}
