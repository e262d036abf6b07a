import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DomainError } from '../errors/domain-error';

export interface JsonBodyLimits {
  // Arrays and objects nested deeper than this are refused before JSON.parse (no request body here nests past 3).
  maxDepth: number;
  // Larger bodies are a 413 REQUEST.TOO_LARGE (Fastify's own limit, counted while reading).
  maxBytes: number;
}

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

// One pass over the bytes, strings skipped: UTF-8 never puts a quote or backslash byte inside a
// multi-byte character. Malformed JSON is left for JSON.parse to name.
export function jsonNestsDeeperThan(body: Buffer, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i += 1) {
    const byte = body[i];
    if (inString) {
      if (byte === BACKSLASH) i += 1;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      depth += 1;
      if (depth > limit) return true;
    } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) depth -= 1;
  }
  return false;
}

function isBlank(body: Buffer): boolean {
  for (const byte of body) if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return false;
  return true;
}

export function tooDeep(maxDepth: number): DomainError {
  return new DomainError('REQUEST.TOO_DEEP', 'validation', `The JSON body nests deeper than ${maxDepth} levels`, {
    maxDepth,
  });
}

// Replaces the JSON parser Nest would register. A deep body once overflowed the stack in the validators
// (a 500); it is now a 400 before parsing. An empty body is no body, so clients that send
// `content-type: application/json` on every request can still DELETE; a route that needs a body
// then names the missing fields. Prototype poisoning is refused as before (Fastify's own parser).
export function useJsonBodyParser(app: NestFastifyApplication, limits: JsonBodyLimits): void {
  const fastify = app.getHttpAdapter().getInstance();
  const parse = fastify.getDefaultJsonParser('error', 'error');
  app.useBodyParser('application/json', { bodyLimit: limits.maxBytes }, (request, body, done) => {
    if (isBlank(body)) return done(null, undefined);
    if (jsonNestsDeeperThan(body, limits.maxDepth)) return done(tooDeep(limits.maxDepth), undefined);
    // The same request object; Nest's and this package's Fastify typings differ only in the server type.
    void parse(request as Parameters<typeof parse>[0], body.toString('utf8'), done);
  });
}
