// CPU µs per request through the whole app (inject: no sockets), sequential, after warm-up.
require('reflect-metadata');
const { createApp } = require('./dist/app.factory');
const { ApiConfig } = require('./dist/config/api.config');
const { readVersion } = require('./dist/config/version');
async function main() {
  const config = ApiConfig.fromEnvironment(process.env, readVersion());
  const app = await createApp(config);
  await app.init();
  const f = app.getHttpAdapter().getInstance();
  await f.ready();
  const headers = { authorization: `Bearer ${process.env.TOKEN}` };
  const urls = { get: `/api/v1/objectives/${process.env.ID}`, list: '/api/v1/objectives?size=5' };
  for (const [name, url] of Object.entries(urls)) {
    const run = async (n) => { const batch = 25; for (let i = 0; i < n; i += batch) { const rs = await Promise.all(Array.from({ length: batch }, () => f.inject({ method: 'GET', url, headers }))); if (rs[0].statusCode !== 200) throw new Error(rs[0].body); } };
    await run(2000);
    const results = [];
    for (let k = 0; k < 3; k++) { const c = process.cpuUsage(); await run(3000); const d = process.cpuUsage(c); results.push((d.user + d.system) / 3000); }
    results.sort((a, b) => a - b);
    process.stderr.write(`${name}: ${results.map((r) => r.toFixed(0)).join(' ')} µs CPU/request (median ${results[1].toFixed(0)})\n`);
  }
  await app.close();
}
main().catch((e) => { console.error(e); process.exit(1); });
