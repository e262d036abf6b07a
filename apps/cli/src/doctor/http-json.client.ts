import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface HttpJsonResponse {
  status: number;
  body: unknown;
  elapsedMs: number;
}

const MAX_BODY_BYTES = 1024 * 1024;

// A one-off GET with no keep-alive agent, so nothing is left open once the doctor is done.
export function getJson(
  url: URL,
  options: { timeoutMs: number; signal: AbortSignal; headers?: Record<string, string> },
): Promise<HttpJsonResponse> {
  const started = performance.now();
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'GET',
        headers: { accept: 'application/json', ...options.headers },
        agent: false,
        signal: options.signal,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_BODY_BYTES) req.destroy(new Error(`response larger than ${MAX_BODY_BYTES} bytes`));
          else chunks.push(chunk);
        });
        res.on('end', () => {
          resolve({
            status: res.statusCode ?? 0,
            body: parseBody(Buffer.concat(chunks).toString('utf8')),
            elapsedMs: Math.round(performance.now() - started),
          });
        });
        res.on('error', reject);
      },
    );
    req.setTimeout(options.timeoutMs, () => req.destroy(new Error(`no answer within ${options.timeoutMs} ms`)));
    req.on('error', reject);
    req.end();
  });
}

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

// Nothing listening. With more than one address to try (localhost: ::1 and 127.0.0.1) it is an AggregateError.
// Duck-typed: errors from Node's core can come from another realm (a test sandbox), where instanceof fails.
export function isConnectionRefused(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, errors } = error as { code?: unknown; errors?: unknown };
  if (code === 'ECONNREFUSED') return true;
  return Array.isArray(errors) && errors.length > 0 && errors.every(isConnectionRefused);
}
