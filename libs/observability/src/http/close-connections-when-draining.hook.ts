import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ShutdownState } from '../health/shutdown-state.service';

interface FastifyLikeReply {
  header(name: string, value: string): unknown;
}
interface FastifyLikeInstance {
  addHook(
    name: 'onSend',
    hook: (
      request: unknown,
      reply: FastifyLikeReply,
      payload: unknown,
      done: (error: null, payload: unknown) => void,
    ) => void,
  ): unknown;
}

// Closing the server only closes connections that are idle at that moment; a keep-alive connection
// whose request was in flight would stay open after its response until the client let go, holding
// shutdown up to the grace period. Responses sent while draining say `Connection: close` instead.
@Injectable()
export class CloseConnectionsWhenDrainingHook implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly shutdown: ShutdownState,
  ) {}

  onModuleInit(): void {
    const adapter = this.adapterHost.httpAdapter;
    if (!adapter || adapter.getType() !== 'fastify') return;
    // Callback style: an async hook would allocate a promise per response.
    adapter.getInstance<FastifyLikeInstance>().addHook('onSend', (_request, reply, payload, done) => {
      if (this.shutdown.isDraining) reply.header('connection', 'close');
      done(null, payload);
    });
  }
}
