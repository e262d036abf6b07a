import { Writable } from 'node:stream';
import pino from 'pino';
import type { ObservabilityOptions } from '../observability-options';
import { rootLoggerOptions } from './logger-params.factory';
import { requestContext, requestContextOf } from './request-context';

const OPTIONS: ObservabilityOptions = {
  service: 'api',
  version: '2.0.0',
  logLevel: 'debug',
  logPretty: false,
  slowQueryMs: 100,
};

// The logger apps get, writing into memory instead of stdout.
function captureLogger(): {
  logger: pino.Logger;
  text: () => string;
  lines: () => Array<Record<string, unknown>>;
} {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const logger = pino(rootLoggerOptions(OPTIONS), sink);
  return {
    text: () => chunks.join(''),
    logger,
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describe('logger params', () => {
  it('writes JSON with an ISO time, the level label, the logger name, service and version', () => {
    const { logger, lines } = captureLogger();
    logger.warn('hello');
    const [line] = lines();
    expect(line).toMatchObject({ level: 'warn', name: 'api', service: 'api', version: '2.0.0', msg: 'hello' });
    expect(new Date(line?.time as string).toISOString()).toBe(line?.time);
  });

  it('honours the configured level', () => {
    const { logger, lines } = captureLogger();
    logger.trace('too detailed');
    logger.debug('kept');
    expect(lines().map((line) => line.msg)).toEqual(['kept']);
  });

  it('redacts authorization headers, cookies and secret fields at any depth', () => {
    const { logger, lines } = captureLogger();
    logger.info(
      {
        req: { headers: { authorization: 'Bearer abc.def', cookie: 'sid=1', accept: 'json' } },
        res: { headers: { 'set-cookie': 'sid=2' } },
        password: 'hunter2',
        body: { email: 'a@b.c', password: 'p1', token: 't1', nested: { secret: 's1', refreshToken: 'r1' } },
        config: { redis: { auth: { password: 'p2' } } },
      },
      'login',
    );
    const text = JSON.stringify(lines());
    for (const secret of ['abc.def', 'sid=1', 'sid=2', 'hunter2', '"p1"', '"t1"', '"s1"', '"r1"', '"p2"']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('a@b.c');
    expect(text).toContain('"accept":"json"');
    expect(text).toContain('[Redacted]');
  });

  it("redacts the query and headers of a request line, and a child logger's secret bindings", () => {
    const { logger, lines } = captureLogger();
    const request = { query: { token: 'q1', page: '2' }, headers: { authorization: 'Bearer h1' } };
    logger.child({ password: 'b1' }).info({ req: request, res: { statusCode: 200 } }, 'request completed');
    const text = JSON.stringify(lines());
    for (const secret of ['q1', 'h1', 'b1']) expect(text).not.toContain(secret);
    expect(text).toContain('"page":"2"');
  });

  it('adds the id and trace of the request a line is logged for', () => {
    const { logger, lines } = captureLogger();
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    requestContext.run(requestContextOf('r1', traceparent), () => logger.info({ context: 'Svc' }, 'inside'));
    requestContext.run(requestContextOf('r2', 'garbage'), () => logger.info('no trace'));
    logger.info('outside');
    expect(lines()).toEqual([
      expect.objectContaining({
        msg: 'inside',
        context: 'Svc',
        request_id: 'r1',
        trace_id: '0af7651916cd43dd8448eb211c80319c',
        span_id: 'b7ad6b7169203331',
      }),
      expect.objectContaining({ msg: 'no trace', request_id: 'r2' }),
      expect.not.objectContaining({ request_id: expect.anything() as unknown }),
    ]);
    expect(lines()[1]).not.toHaveProperty('trace_id');
  });

  it('keeps a request id the line names itself, once', () => {
    const { logger, text: written } = captureLogger();
    requestContext.run(requestContextOf('outer', undefined), () => logger.info({ request_id: 'own' }, 'line'));
    const text = written();
    expect(text.match(/request_id/g)).toHaveLength(1);
    expect(text).toContain('"request_id":"own"');
  });
});
