import { request } from 'node:http';

export interface ClientRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  // The loopback address to send from (127.0.0.0/8 is all local): the gateway sees it as the client.
  from?: string;
}

export interface ClientResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json<T = Record<string, unknown>>(): T;
}

// node:http rather than fetch: a test chooses its source address, and paths go out exactly as written.
export function send(url: string, options: ClientRequest = {}): Promise<ClientResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: options.method ?? 'GET',
        headers: options.headers,
        localAddress: options.from,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text,
            json: <T>() => JSON.parse(text) as T,
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}
