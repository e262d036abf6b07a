import { FastifyAdapter } from '@nestjs/platform-fastify';
import { requestIdFor } from './request-id';

export interface FastifyAdapterOptions {
  // Only the configured gateway may speak for the client's address; by default nobody can.
  trustProxy: boolean | number | string[];
  bodyLimit?: number;
}

// The HTTP server every service runs on: request ids kept from a gateway or made here.
export function createFastifyAdapter(options: FastifyAdapterOptions): FastifyAdapter {
  return new FastifyAdapter({
    genReqId: requestIdFor,
    trustProxy: options.trustProxy,
    ...(options.bodyLimit === undefined ? {} : { bodyLimit: options.bodyLimit }),
  });
}
