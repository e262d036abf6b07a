// An open-loop load at a steady rate, for latency at a given load. autocannon's `overallRate`
// lets each connection send its quota for the second as fast as it can and then wait, so a
// "half-rate" run is full load for half of each second and its p99 is the full-load p99. Here a
// 1 ms ticker sends what the rate owes at each tick over a keep-alive pool, and each latency is
// measured from that tick, not from when a free connection took the request, so a server that
// stalls is charged for the requests that queued behind it (no coordinated omission). It runs in
// a process of its own: a pause of the bench's process (its garbage, autocannon's) is not the
// server's latency.
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
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

function run({ url, headers = {}, rate, seconds, connections = 64 }) {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const target = new URL(url);
  const total = Math.round(rate * seconds);
  const latencies = [];
  let failed = 0;
  let sent = 0;
  let done = 0;

  return new Promise((resolve) => {
    const started = performance.now();
    const settle = () => {
      done += 1;
      if (done < total) return;
      clearInterval(ticker);
      agent.destroy();
      const elapsed = (performance.now() - started) / 1000;
      latencies.sort((a, b) => a - b);
      const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? null;
      resolve({ offered: rate, served: latencies.length / elapsed, failed, p50: at(0.5), p99: at(0.99), max: at(1) });
    };
    const send = (due) => {
      const req = request(
        { agent, host: target.hostname, port: target.port, path: target.pathname + target.search, headers },
        (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode >= 200 && res.statusCode < 300) latencies.push(performance.now() - due);
            else failed += 1;
            settle();
          });
        },
      );
      req.on('error', () => {
        failed += 1;
        settle();
      });
      req.end();
    };
    const ticker = setInterval(() => {
      const now = performance.now();
      const owed = Math.min(total, Math.floor(((now - started) / 1000) * rate));
      for (; sent < owed; sent += 1) send(now);
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
