import { setTimeout as sleep } from 'node:timers/promises';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TokenService } from '@qbm/http';

export class SeedRequestError extends Error {
  constructor(
    method: string,
    url: string,
    readonly status: number,
    body: string,
  ) {
    super(`seed: ${method} ${url} answered ${status}: ${body}`);
    this.name = 'SeedRequestError';
  }
}

const MAX_RATE_LIMIT_WAITS = 5;

// Calls the public REST API in-process, as a given person of the demo organisation, so every row the seed
// writes goes through the same validation, workflows and derived values as a real client's would.
export class DemoApiClient {
  private readonly tokens = new Map<string, string>();
  requests = 0;

  constructor(
    private readonly app: NestFastifyApplication,
    private readonly tokenService: TokenService,
    private readonly organization: string,
    readonly log: (line: string) => void,
  ) {}

  get<T>(subject: string, url: string): Promise<T> {
    return this.send<T>(subject, 'GET', url);
  }

  post<T>(subject: string, url: string, payload?: object): Promise<T> {
    return this.send<T>(subject, 'POST', url, payload);
  }

  private async send<T>(subject: string, method: 'GET' | 'POST', url: string, payload?: object): Promise<T> {
    for (let waits = 0; ; waits++) {
      this.requests++;
      const response = await this.app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${this.tokenFor(subject)}` },
        payload,
      });
      if (response.statusCode >= 200 && response.statusCode < 300) return response.json<T>();
      // The seed is just another client: a low RATE_LIMIT_PER_MINUTE slows it down instead of failing it.
      if (response.statusCode === 429 && waits < MAX_RATE_LIMIT_WAITS) {
        const seconds = Math.min(60, Number(response.headers['retry-after']) || 5);
        this.log(`seed: rate limited as ${subject}, waiting ${seconds} s`);
        await sleep(seconds * 1000);
        continue;
      }
      throw new SeedRequestError(method, url, response.statusCode, response.body);
    }
  }

  private tokenFor(subject: string): string {
    let token = this.tokens.get(subject);
    if (!token) {
      token = this.tokenService.sign({ organizationId: this.organization, subject, role: 'admin' }, 3600);
      this.tokens.set(subject, token);
    }
    return token;
  }
}
