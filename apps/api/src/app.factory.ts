import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { closeRequestSchemas, createFastifyAdapter, useJsonBodyParser } from '@qbm/http';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { ApiConfig } from './config/api.config';

export async function createApp(config: ApiConfig): Promise<NestFastifyApplication> {
  const adapter = createFastifyAdapter({
    // A batch of 10,000 metric values is about 600 KB of JSON.
    bodyLimit: 4 * 1024 * 1024,
    trustProxy: config.trustProxy,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  // Request bodies nest at most 3 levels (an OKR's key results); deeper ones are refused before parsing.
  useJsonBodyParser(app, { maxDepth: 32, maxBytes: 4 * 1024 * 1024 });
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('QBM API')
      .setDescription(
        'Strategic objectives, north-star metrics, OKRs and decision requirements. Every error body carries a stable `code`.',
      )
      .setVersion(config.version)
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .addSecurityRequirements('bearer')
      .build(),
  );
  closeRequestSchemas(document);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', yamlDocumentUrl: 'docs-yaml' });
  return app;
}
