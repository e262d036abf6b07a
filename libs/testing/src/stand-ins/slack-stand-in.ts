import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlackPost {
  at: number;
  path: string;
  body: {
    text: string;
    attachments?: Array<{
      color?: string;
      title?: string;
      text?: string;
      fallback?: string;
      fields?: Array<{ title: string; value: string }>;
    }>;
  };
  // What the stand-in answered: only 200 means Slack took the message.
  status: number;
}

export interface ScriptedAnswer {
  status: number;
  retryAfterSeconds?: number;
  body?: string;
}

// Slack's incoming webhook as the notifier sees it: checks each payload has text, records it, and
// answers 200 "ok", or what the test scripted next (429 with Retry-After, 500, 404 no_service).
export class SlackStandIn {
  readonly posts: SlackPost[] = [];
  private readonly script: ScriptedAnswer[] = [];
  // Answered to every post while set (an outage), after the script runs out.
  outage: ScriptedAnswer | undefined;
  private server: Server | undefined;

  static async start(): Promise<SlackStandIn> {
    const standIn = new SlackStandIn();
    const server = createServer((request, response) => standIn.handle(request, response));
    standIn.server = server;
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return standIn;
  }

  url(path = '/services/T000/B000/XXXX'): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}${path}`;
  }

  answerNext(...answers: ScriptedAnswer[]): void {
    this.script.push(...answers);
  }

  delivered(): SlackPost[] {
    return this.posts.filter((post) => post.status === 200);
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    server?.closeAllConnections();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    let raw = '';
    request.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    request.on('end', () => {
      let body: SlackPost['body'];
      try {
        body = JSON.parse(raw) as SlackPost['body'];
      } catch {
        response.writeHead(400).end('invalid_payload');
        return;
      }
      const answer = this.script.shift() ?? this.outage;
      const status = typeof body.text === 'string' && body.text.length > 0 ? (answer?.status ?? 200) : 400;
      this.posts.push({ at: Date.now(), path: request.url ?? '', body, status });
      const headers: Record<string, string> = { 'content-type': 'text/plain' };
      if (answer?.retryAfterSeconds !== undefined) headers['retry-after'] = String(answer.retryAfterSeconds);
      response.writeHead(status, headers).end(status === 200 ? 'ok' : (answer?.body ?? 'error'));
    });
  }
}
