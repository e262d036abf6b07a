import { REDACTED, SECRET_FIELDS, SECRET_HEADERS } from './redaction-paths';

// Levels of a logged object searched for secret field names: the object itself and three below it.
const LEVELS = 4;

type Walkable = Record<string, unknown> | unknown[];

// Only plain data is walked: class instances (raw requests and responses, errors) have their own
// serialisers, and walking them would cost more than the line.
function isWalkable(value: unknown): value is Walkable {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return true;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

// Marks a merge object whose writer censored it as it was built (the request line): the formatter
// does not walk it again. A symbol key: pino does not serialise it.
export const PRE_CENSORED: unique symbol = Symbol('qbm:pre-censored');

// A copy of a log line's merge object with secret fields censored, or the object itself when it
// holds none: nothing is allocated for a line without secrets.
export function censorSecretFields<T extends object>(logged: T): T {
  if ((logged as { [PRE_CENSORED]?: true })[PRE_CENSORED]) return logged;
  return isWalkable(logged) ? (censor(logged, 1) as T) : logged;
}

function censor(value: Walkable, level: number): Walkable {
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let index = 0; index < value.length; index += 1) {
      const item = value[index];
      const next = level < LEVELS && isWalkable(item) ? censor(item, level + 1) : item;
      if (next !== item) (copy ??= [...value])[index] = next;
    }
    return copy ?? value;
  }
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(value)) {
    const field = value[key];
    let next = field;
    if (field !== undefined && SECRET_FIELDS.has(key)) next = REDACTED;
    else if (key === 'headers' && isWalkable(field) && !Array.isArray(field)) next = censorHeaders(field);
    else if (level < LEVELS && isWalkable(field)) next = censor(field, level + 1);
    if (next !== field) (copy ??= { ...value })[key] = next;
  }
  return copy ?? value;
}

// A copy of a headers object with secret headers censored, or the object itself when it has none.
export function censorHeaders<T extends Record<string, unknown>>(headers: T): T {
  let copy: Record<string, unknown> | undefined;
  for (const name of SECRET_HEADERS) {
    if (headers[name] !== undefined) (copy ??= { ...headers })[name] = REDACTED;
  }
  return (copy ?? headers) as T;
}

// A URL with the values of secret query fields censored, or the URL itself when it has none.
export function censorUrl(url: string): string {
  const start = url.indexOf('?');
  if (start < 0) return url;
  let censored = false;
  const pairs = url
    .slice(start + 1)
    .split('&')
    .map((pair) => {
      const end = pair.indexOf('=');
      const name = end < 0 ? pair : pair.slice(0, end);
      if (!SECRET_FIELDS.has(safeDecode(name))) return pair;
      censored = true;
      return `${name}=${REDACTED}`;
    });
  return censored ? `${url.slice(0, start + 1)}${pairs.join('&')}` : url;
}

function safeDecode(component: string): string {
  try {
    return decodeURIComponent(component.replace(/\+/g, ' '));
  } catch {
    return component;
  }
}
