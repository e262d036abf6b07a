// An open-loop load at a steady rate, for latency at a given load. autocannon's `overallRate`
// lets each connection send its quota for the second as fast as it can and then wait, so a
// "half-rate" run is full load for half of each second and its p99 is the full-load p99. Here a
// 1 ms ticker sends what the rate owes at each tick over a keep-alive pool, and each latency is
// measured from that tick, not from when a free connection took the request, so a server that
// stalls is charged for the requests that queued behind it (no coordinated omission). It runs in
// a process of its own: a pause of the bench's process (its garbage, autocannon's) is not the
// server's latency. Its client is a few lines over raw sockets (below): it shares the machine's two
// cores with the server, and Node's http client cost as much CPU per request as the API itself.
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';

const SELF = fileURLToPath(import.meta.url);

// { url, headers, rate, seconds, connections } -> { offered, served, failed, p50, p99, max } (ms),
// after a warm-up second.
export function pacedLoad(options) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SELF, JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(output)) : reject(new Error(`paced load exited ${code}`)),
    );
  });
}

// One keep-alive connection: sends a prepared GET due at `due`, reads the answer by its
// content-length (the servers under test send one), and reports each answer's status. Node's http
// client cost about 90 µs of CPU a request at 7,000 req/s; this about 36 µs.
class Connection {
  // onClosed(connection, busy): the connection is gone, with or without a request in flight.
  constructor(target, onAnswer, onClosed) {
    this.socket = connect({ host: target.hostname, port: Number(target.port) });
    this.socket.setNoDelay(true);
    this.pending = Buffer.alloc(0);
    this.busy = false;
    this.due = 0;
    this.socket.on('data', (chunk) => this.read(chunk, onAnswer));
    this.socket.on('error', () => {});
    this.socket.on('close', () => onClosed(this, this.busy));
  }

  send(request, due) {
    this.busy = true;
    this.due = due;
    this.socket.write(request);
  }

  read(chunk, onAnswer) {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    for (;;) {
      const headEnd = this.pending.indexOf('\r\n\r\n');
      if (headEnd < 0) return;
      const head = this.pending.toString('latin1', 0, headEnd);
      const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
      const end = headEnd + 4 + length;
      if (this.pending.length < end) return;
      this.pending = this.pending.subarray(end);
      this.busy = false;
      onAnswer(this, Number(head.slice(9, 12)));
    }
  }
}

function run({ url, headers = {}, rate, seconds, connections = 64 }) {
  const target = new URL(url);
  const request = Buffer.from(
    `GET ${target.pathname}${target.search} HTTP/1.1\r\nhost: ${target.host}\r\n` +
      Object.entries(headers)
        .map(([name, value]) => `${name}: ${value}\r\n`)
        .join('') +
      '\r\n',
  );
  const total = Math.round(rate * seconds);
  const latencies = [];
  const waiting = []; // due times of requests owed while every connection was busy
  const idle = [];
  let failed = 0;
  let sent = 0;
  let done = 0;

  return new Promise((resolve) => {
    const started = performance.now();
    const settle = () => {
      done += 1;
      if (done < total) return;
      clearInterval(ticker);
      for (const connection of pool) connection.socket.destroy();
      const elapsed = (performance.now() - started) / 1000;
      latencies.sort((a, b) => a - b);
      const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? null;
      resolve({ offered: rate, served: latencies.length / elapsed, failed, p50: at(0.5), p99: at(0.99), max: at(1) });
    };
    const onAnswer = (connection, status) => {
      if (status >= 200 && status < 300) latencies.push(performance.now() - connection.due);
      else failed += 1;
      settle();
      if (waiting.length > 0) connection.send(request, waiting.shift());
      else idle.push(connection);
    };
    // A connection the server closed is not used again; a request it carried counts as failed.
    // With none left, every request not yet answered has failed.
    let alive = connections;
    const onClosed = (connection, busy) => {
      alive -= 1;
      const at = idle.indexOf(connection);
      if (at >= 0) idle.splice(at, 1);
      if (done >= total) return;
      if (busy) {
        failed += 1;
        settle();
      }
      if (alive === 0) {
        sent = total;
        while (done < total) {
          failed += 1;
          settle();
        }
      }
    };
    const pool = Array.from({ length: connections }, () => new Connection(target, onAnswer, onClosed));
    idle.push(...pool);
    const ticker = setInterval(() => {
      const now = performance.now();
      const owed = Math.min(total, Math.floor(((now - started) / 1000) * rate));
      for (; sent < owed; sent += 1) {
        const connection = idle.pop();
        if (connection) connection.send(request, now);
        else waiting.push(now);
      }
    }, 1);
  });
}

if (process.argv[1] === SELF) {
  const options = JSON.parse(process.argv[2]);
  // A second at the same rate first: this process's JIT and the pool's connections warm up.
  run({ ...options, seconds: 1 })
    .then(() => run(options))
    .then((result) => process.stdout.write(JSON.stringify(result)));
}
