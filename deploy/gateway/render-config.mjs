#!/usr/bin/env node
// Renders the gateway's templates as the official nginx image does at start (envsubst of the
// variables below into conf.d/), plus a wrapper nginx.conf that lets Debian's nginx run
// unprivileged: pid, temp paths and the error log live in the output directory.
//
//   node deploy/gateway/render-config.mjs --out <dir>      (variables from the environment)
//   nginx -p <dir> -c <dir>/nginx.conf -e <dir>/error.log
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const TEMPLATES = join(dirname(fileURLToPath(import.meta.url)), 'templates');

// Defaults for a local run; compose sets every one of them.
export const GATEWAY_DEFAULTS = {
  API_UPSTREAM: '127.0.0.1:3000',
  NOTIFIER_UPSTREAM: '127.0.0.1:3002',
  GATEWAY_PORT: '8080',
  GATEWAY_RATE_PER_SECOND: '50',
  GATEWAY_RATE_BURST: '100',
  GATEWAY_MAX_BODY_SIZE: '1m',
  GATEWAY_ACCESS_LOG: '/dev/stdout',
};

const CHECKS = {
  API_UPSTREAM: /^[\w.-]+:\d{1,5}$/,
  NOTIFIER_UPSTREAM: /^[\w.-]+:\d{1,5}$/,
  GATEWAY_PORT: /^([\w.-]+:)?\d{1,5}$/,
  GATEWAY_RATE_PER_SECOND: /^\d+$/,
  GATEWAY_RATE_BURST: /^\d+$/,
  GATEWAY_MAX_BODY_SIZE: /^\d+[km]?$/i,
  GATEWAY_ACCESS_LOG: /^(\/\S+|off)$/,
};

export function gatewayVariables(env = process.env) {
  const values = Object.fromEntries(
    Object.entries(GATEWAY_DEFAULTS).map(([name, fallback]) => [name, env[name] || fallback]),
  );
  const bad = Object.entries(values).filter(([name, value]) => !CHECKS[name].test(value));
  if (bad.length > 0) throw new Error(`bad gateway variables: ${bad.map(([n, v]) => `${n}=${v}`).join(', ')}`);
  return values;
}

// Like the image's envsubst run: only the named variables, so nginx's $variables stay as they are.
export function renderTemplate(text, values) {
  return text.replace(/\$\{([A-Z_][A-Z0-9_]*)\}/g, (whole, name) => (name in values ? values[name] : whole));
}

export function renderGateway(outDir, env = process.env) {
  const out = resolve(outDir);
  const values = gatewayVariables(env);
  mkdirSync(join(out, 'conf.d'), { recursive: true });
  // Started as root, nginx's workers run as nobody and buffer bodies in tmp/: let them.
  chmodSync(out, 0o755);
  for (const temp of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) {
    mkdirSync(join(out, 'tmp', temp), { recursive: true });
    chmodSync(join(out, 'tmp', temp), 0o777);
  }
  chmodSync(join(out, 'tmp'), 0o755);
  for (const name of readdirSync(TEMPLATES).filter((file) => file.endsWith('.template'))) {
    const rendered = renderTemplate(readFileSync(join(TEMPLATES, name), 'utf8'), values);
    writeFileSync(join(out, 'conf.d', name.replace(/\.template$/, '')), rendered);
  }
  writeFileSync(
    join(out, 'nginx.conf'),
    `# Written by deploy/gateway/render-config.mjs: an unprivileged nginx around conf.d/.
worker_processes 1;
pid ${out}/nginx.pid;
error_log ${out}/error.log warn;
events { worker_connections 1024; }
http {
    client_body_temp_path ${out}/tmp/body;
    proxy_temp_path ${out}/tmp/proxy;
    fastcgi_temp_path ${out}/tmp/fastcgi;
    uwsgi_temp_path ${out}/tmp/uwsgi;
    scgi_temp_path ${out}/tmp/scgi;
    access_log off;
    include conf.d/*.conf;
}
`,
  );
  return { dir: out, config: join(out, 'nginx.conf'), values };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values: args } = parseArgs({ options: { out: { type: 'string' } } });
  if (!args.out) {
    process.stderr.write('usage: render-config.mjs --out <dir>\n');
    process.exit(2);
  }
  try {
    const { dir, config } = renderGateway(args.out);
    process.stdout.write(`${config}\nrun: nginx -p ${dir}/ -c ${config} -e ${dir}/error.log\n`);
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
}
