import type { IncomingMessage, ServerResponse } from 'node:http';
import { Injectable, type NestMiddleware } from '@nestjs/common';
import { requestContext } from './request-context';
import { resolveRequestId } from './request-id';

@Injectable()
export class RequestContextMiddleware implements NestMiddleware {
  use(req: IncomingMessage, res: ServerResponse, next: () => void): void {
    requestContext.run({ requestId: resolveRequestId(req, res) }, next);
  }
}
