import type { IncomingMessage, ServerResponse } from 'node:http';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { requestContext } from './request-context';
import { requestContextFor } from './request-id';

interface FastifyLikeRequest {
  raw: IncomingMessage;
}
interface FastifyLikeReply {
  raw: ServerResponse;
}
type OnRequestHook = (request: FastifyLikeRequest, reply: FastifyLikeReply, done: () => void) => void;
interface FastifyLikeInstance {
  addHook(name: 'onRequest', hook: OnRequestHook): unknown;
}

// Every request runs inside its request context (its id and trace for services, repositories, job
// producers and log lines). A Fastify hook rather than a Nest middleware: each Nest middleware
// costs a pass through middie and Nest's middleware wrapper on every request.
@Injectable()
export class RequestContextHook implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const adapter = this.adapterHost.httpAdapter;
    if (!adapter || adapter.getType() !== 'fastify') return;
    // Callback style: `done` runs the rest of the request inside the context.
    adapter.getInstance<FastifyLikeInstance>().addHook('onRequest', (request, reply, done) => {
      requestContext.run(requestContextFor(request.raw, reply.raw), done);
    });
  }
}
