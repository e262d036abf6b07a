import {
  type FetchFunction,
  IncomingWebhook,
  IncomingWebhookHTTPError,
  IncomingWebhookRequestError,
} from '@slack/webhook';
import type { SlackDestination } from '../../config/routing/routing-config';
import { DeliveryError } from '../channel-error';
import type { NotificationMessage } from '../message/notification-message';
import { buildSlackPayload } from './slack-payload.builder';

// Seconds, or an HTTP date; Slack sends seconds. Missing or unreadable: wait one second.
export function retryAfterMs(header: string | null, now = Date.now()): number {
  if (header === null || header.trim() === '') return 1_000;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds * 1000));
  const date = Date.parse(header);
  return Number.isNaN(date) ? 1_000 : Math.max(0, date - now);
}

// 429: wait as told. 5xx, 408 and no answer at all: retry later. Other 4xx (invalid_payload,
// no_service, channel_is_archived...): the same request cannot succeed, so it is dead-lettered.
export function classifySlackFailure(error: unknown, retryAfter: string | null): DeliveryError {
  if (error instanceof IncomingWebhookHTTPError) {
    const detail = `Slack ${error.statusCode}: ${error.body || error.statusMessage}`.slice(0, 500);
    if (error.statusCode === 429) return new DeliveryError('rate_limited', detail, retryAfterMs(retryAfter));
    const transient = error.statusCode >= 500 || error.statusCode === 408;
    return new DeliveryError(transient ? 'transient' : 'permanent', detail);
  }
  if (error instanceof IncomingWebhookRequestError) {
    return new DeliveryError('transient', `Slack unreachable: ${error.original.message}`);
  }
  return new DeliveryError('transient', `Slack: ${error instanceof Error ? error.message : String(error)}`);
}

// Built by the delivery module with the send timeout. One IncomingWebhook per message: it is cheap,
// and the response it keeps belongs to that message alone.
export class SlackChannel {
  constructor(private readonly timeoutMs: number) {}

  async send(message: NotificationMessage, destination: SlackDestination): Promise<void> {
    // @slack/webhook keeps the response's headers to itself; a fetch of our own keeps Retry-After.
    let last: Awaited<ReturnType<FetchFunction>> | undefined;
    const fetchKeepingResponse: FetchFunction = async (url, init) => {
      last = await fetch(url, init);
      return last;
    };
    const webhook = new IncomingWebhook(destination.webhookUrl, {
      fetch: fetchKeepingResponse,
      timeout: this.timeoutMs,
    });
    try {
      await webhook.send(buildSlackPayload(message));
    } catch (error) {
      throw classifySlackFailure(error, last?.headers.get('retry-after') ?? null);
    }
  }
}
