// Jest cannot load @fastify/static 10 (its glob and content-disposition are ES modules; Node itself can).
// Under jest, Swagger UI's asset route is registered by this no-op plugin; /docs-json is unaffected.
// The real plugin is exercised by the smoke test that runs the built API (scripts/smoke.mjs).
function fastifyStatic(_instance, _options, done) {
  done();
}
fastifyStatic[Symbol.for('skip-override')] = true;
module.exports = fastifyStatic;
module.exports.default = fastifyStatic;
module.exports.fastifyStatic = fastifyStatic;
