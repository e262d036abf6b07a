import { type ChildProcess, spawn } from 'node:child_process';
import { connect } from 'node:net';

// A Redis of the test's own, so stopping it cannot disturb anything else on the machine.
export class RedisServerProcess {
  private child: ChildProcess | undefined;

  constructor(readonly port: number) {}

  async start(): Promise<void> {
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
    this.child = spawn('redis-server', args, { stdio: 'ignore' });
    const deadline = Date.now() + 5_000;
    while (!(await this.answersPing())) {
      if (Date.now() > deadline) throw new Error(`redis-server on port ${this.port} did not start`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await exited;
  }

  // A raw socket, not a client library: nothing retries or lingers after the probe.
  private answersPing(): Promise<boolean> {
    return new Promise((resolve) => {
      const socket = connect({ host: '127.0.0.1', port: this.port });
      const done = (answered: boolean): void => {
        socket.destroy();
        resolve(answered);
      };
      socket.once('connect', () => socket.write('PING\r\n'));
      socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
      socket.once('error', () => done(false));
    });
  }
}
