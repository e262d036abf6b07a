import { IncomingWebhookHTTPError, IncomingWebhookRequestError } from '@slack/webhook';
import { classifySmtpFailure } from './email/email.channel';
import { classifySlackFailure, retryAfterMs } from './slack/slack.channel';

describe('classifySlackFailure', () => {
  it('waits on 429, retries 5xx, 408 and network failures, and gives up on other 4xx', () => {
    const http = (status: number, body = ''): IncomingWebhookHTTPError =>
      new IncomingWebhookHTTPError(status, 'x', body);
    expect(classifySlackFailure(http(429), '7')).toMatchObject({ kind: 'rate_limited', retryAfterMs: 7000 });
    expect(classifySlackFailure(http(503), null).kind).toBe('transient');
    expect(classifySlackFailure(http(408), null).kind).toBe('transient');
    expect(classifySlackFailure(http(404, 'no_service'), null)).toMatchObject({
      kind: 'permanent',
      message: 'Slack 404: no_service',
    });
    expect(classifySlackFailure(new IncomingWebhookRequestError(new Error('ECONNREFUSED')), null).kind).toBe(
      'transient',
    );
  });

  it('reads Retry-After as seconds or an HTTP date, and waits a second when it is missing', () => {
    const now = Date.parse('2026-11-29T10:00:00Z');
    expect(retryAfterMs('2.5', now)).toBe(2500);
    expect(retryAfterMs('Sun, 29 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs(null, now)).toBe(1000);
    expect(retryAfterMs('soon', now)).toBe(1000);
  });
});

describe('classifySmtpFailure', () => {
  it('treats 5xx replies as permanent, and 4xx, connection and login failures as transient', () => {
    expect(classifySmtpFailure({ responseCode: 550, message: 'no such user' }).kind).toBe('permanent');
    expect(classifySmtpFailure({ responseCode: 451, message: 'try later' }).kind).toBe('transient');
    expect(classifySmtpFailure({ code: 'ECONNECTION', message: 'refused' }).kind).toBe('transient');
    expect(classifySmtpFailure({ code: 'EAUTH', responseCode: 535, message: 'bad login' }).kind).toBe('transient');
  });
});
