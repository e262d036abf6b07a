import { ArgumentsHost, BadRequestException, Logger, NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { ApiExceptionFilter } from './api-exception.filter';
import { dependencyUnavailable } from './dependency-unavailable';
import { DomainError, notFound } from './domain-error';

interface Sent {
  status?: number;
  headers: Record<string, unknown>;
  body?: unknown;
}

function respond(exception: unknown): Sent {
  const sent: Sent = { headers: {} };
  const reply = {
    status(code: number) {
      sent.status = code;
      return reply;
    },
    header(name: string, value: unknown) {
      sent.headers[name] = value;
      return reply;
    },
    send(body: unknown) {
      sent.body = body;
      return reply;
    },
  };
  const host = {
    switchToHttp: () => ({ getRequest: () => ({ id: 'req-12345678' }), getResponse: () => reply }),
  } as unknown as ArgumentsHost;
  new ApiExceptionFilter().catch(exception, host);
  return sent;
}

function postgresError(code: string): QueryFailedError {
  return new QueryFailedError('INSERT', [], Object.assign(new Error('pg'), { code }));
}

describe('ApiExceptionFilter', () => {
  let logged: jest.SpyInstance;
  beforeEach(() => {
    logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('answers a dependency outage with a coded 503 and Retry-After, and logs nothing per request', () => {
    const sent = respond(dependencyUnavailable('DATABASE', 4.2));
    expect(sent.status).toBe(503);
    expect(sent.headers['retry-after']).toBe(5);
    expect(sent.body).toMatchObject({ statusCode: 503, code: 'DATABASE.UNAVAILABLE', requestId: 'req-12345678' });
    expect(logged).not.toHaveBeenCalled();
  });

  it('logs an unknown error once and answers it with a 500 that carries no Retry-After', () => {
    const sent = respond(new Error('boom'));
    expect(sent.status).toBe(500);
    expect(sent.headers['retry-after']).toBeUndefined();
    expect(logged).toHaveBeenCalledTimes(1);
  });

  it('maps a domain error to its status, code, message and details, with the request id', () => {
    const sent = respond(new DomainError('OKR.CLOSED', 'unprocessable', 'closed', { status: 'completed' }));
    expect(sent).toEqual({
      status: 422,
      headers: { 'x-request-id': 'req-12345678' },
      body: {
        statusCode: 422,
        code: 'OKR.CLOSED',
        message: 'closed',
        details: { status: 'completed' },
        requestId: 'req-12345678',
      },
    });
    expect(respond(notFound('KEY_RESULT', 'k1')).body).toMatchObject({
      statusCode: 404,
      code: 'KEY_RESULT.NOT_FOUND',
      message: 'key result k1 was not found',
    });
  });

  it("gives Nest's own HTTP errors a code by status", () => {
    expect(respond(new NotFoundException()).body).toMatchObject({ statusCode: 404, code: 'ROUTE.NOT_FOUND' });
    expect(respond(new BadRequestException()).body).toMatchObject({ statusCode: 400, code: 'REQUEST.INVALID' });
  });

  it("turns constraint violations into the caller's conflict or bad input", () => {
    expect(respond(postgresError('23505')).body).toMatchObject({ statusCode: 409, code: 'RESOURCE.CONFLICT' });
    expect(respond(postgresError('23503')).body).toMatchObject({ statusCode: 409, code: 'RESOURCE.REFERENCED' });
    expect(respond(postgresError('22P02')).body).toMatchObject({ statusCode: 400, code: 'REQUEST.INVALID' });
  });

  it('keeps a Fastify client error (e.g. a body too large) as its 4xx', () => {
    const tooLarge = Object.assign(new Error('Request body is too large'), { statusCode: 413 });
    expect(respond(tooLarge).body).toMatchObject({ statusCode: 413, code: 'REQUEST.TOO_LARGE' });
  });

  it('answers anything else with a bare 500 and logs the cause', () => {
    const sent = respond(new Error('disk on fire'));
    expect(sent.body).toEqual({
      statusCode: 500,
      code: 'INTERNAL',
      message: 'Internal server error',
      requestId: 'req-12345678',
    });
    expect(Logger.prototype.error).toHaveBeenCalledWith(
      expect.objectContaining({ code: 'INTERNAL', requestId: 'req-12345678' }),
      'unhandled error',
    );
    expect(respond(postgresError('40001')).status).toBe(500);
  });
});
