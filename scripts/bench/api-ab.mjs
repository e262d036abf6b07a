// What one setting costs the cached GET: `A_ENV='{"LOG_LEVEL":"warn"}' node scripts/bench/api-ab.mjs`
// starts the built API twice with the bench's environment plus A_ENV and twice plus B_ENV (default
// none), and loads the four in turn with autocannon, in alternating order, AB_ROUNDS times
// (BENCH_SECONDS each, BENCH_CONNECTIONS connections): the median of each configuration's CPU per request (from
// /proc) and requests per second. Two processes each, because one process's JIT and memory
// layout can make it faster or slower than its twin for its whole life; alternating, because the
// machine drifts. AB_PATH picks the path (default: a cached GET by id).
import { log, median, startBuiltApi } from '../lib.mjs';
import { API_ENV, cannon, prepareApiBench } from './api-fixture.mjs';

const ROUNDS = Number(process.env.AB_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const CONFIGS = { A: JSON.parse(process.env.A_ENV ?? '{}'), B: JSON.parse(process.env.B_ENV ?? '{}') };

async function main() {
  const { id, headers } = prepareApiBench();
  const path = process.env.AB_PATH ?? `/api/v1/objectives/${id}`;
  const servers = [];
  try {
    for (let twin = 0; twin < 2; twin += 1) {
      for (const name of ['A', 'B']) servers.push({ name, ...(await startBuiltApi({ ...API_ENV, ...CONFIGS[name] })) });
    }
    for (const server of servers) await cannon(server.base + path, headers, 2, server.pid); // JIT, pools, cache
    const figures = { A: [], B: [] };
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const server of round % 2 === 0 ? servers : [...servers].reverse()) {
        const measured = await cannon(server.base + path, headers, SECONDS, server.pid);
        figures[server.name].push(measured);
        log(
          `round ${round + 1}: ${server.name}: ${measured.rps.toFixed(0)} req/s, ${measured.cpuMicros.toFixed(1)} µs`,
        );
      }
    }
    for (const name of ['A', 'B']) {
      const runs = figures[name];
      process.stdout.write(
        `${name} ${JSON.stringify(CONFIGS[name])}: ${median(runs.map((r) => r.rps)).toFixed(0)} req/s, ` +
          `${median(runs.map((r) => r.cpuMicros)).toFixed(1)} µs of API CPU per request ` +
          `(runs ${runs.map((r) => r.cpuMicros.toFixed(1)).join(', ')})\n`,
      );
    }
  } finally {
    for (const server of servers) await server.stop();
  }
}

main().catch((error) => {
  process.stderr.write(`bench: ${error.stack ?? error}\n`);
  process.exit(1);
});
