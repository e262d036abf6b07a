import { once } from 'node:events';
import { createServer, Server, Socket } from 'node:net';
import { freePort } from '@qbm/testing';

// A port nothing listens on.
export const closedPort = freePort;

// Accepts connections and never answers: what a hung dependency looks like to a client.
export class SilentServer {
  private readonly sockets = new Set<Socket>();

  private constructor(private readonly server: Server) {
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('error', () => undefined);
    });
  }

  static async start(): Promise<SilentServer> {
    const silent = new SilentServer(createServer());
    silent.server.listen(0, '127.0.0.1');
    await once(silent.server, 'listening');
    return silent;
  }

  get port(): number {
    return portOf(this.server);
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    this.server.close();
    await once(this.server, 'close');
  }
}

function portOf(server: Server): number {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP port was assigned');
  return address.port;
}
