import { timingSafeEqual } from 'node:crypto';
import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { bearerToken, DomainError } from '@qbm/http';
import type { FastifyRequest } from 'fastify';
import { NotifierConfig } from '../config/notifier.config';

// Alertmanager authenticates with a static bearer token (http_config.authorization). Without
// NOTIFIER_WEBHOOK_TOKEN (development only; production refuses to start) the webhook is open.
@Injectable()
export class WebhookTokenGuard implements CanActivate {
  private readonly expected: Buffer | undefined;

  constructor(@Inject(NotifierConfig) config: NotifierConfig) {
    this.expected = config.webhookToken === undefined ? undefined : Buffer.from(config.webhookToken);
  }

  canActivate(context: ExecutionContext): boolean {
    if (!this.expected) return true;
    const token = bearerToken(context.switchToHttp().getRequest<FastifyRequest>().headers.authorization);
    if (!token) throw new DomainError('AUTH.TOKEN_MISSING', 'unauthenticated', 'A bearer token is required');
    const given = Buffer.from(token);
    // Compared in constant time, so the token cannot be guessed byte by byte from response times.
    if (given.length !== this.expected.length || !timingSafeEqual(given, this.expected)) {
      throw new DomainError('AUTH.TOKEN_INVALID', 'unauthenticated', 'The webhook token is invalid');
    }
    return true;
  }
}
