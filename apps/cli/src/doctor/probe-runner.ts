import { DoctorSection, SectionName } from './doctor-report';
import { unreachableSection } from './section-verdict';

// A probe gets a signal that fires at its deadline so it can close its own connections.
export type Probe = (signal: AbortSignal) => Promise<DoctorSection>;

// Runs one probe under a deadline; a refusal, a timeout or a throw becomes a failing section, never a crash.
export async function runProbe(name: SectionName, timeoutMs: number, probe: Probe): Promise<DoctorSection> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
  });
  try {
    return await Promise.race([probe(controller.signal), deadline]);
  } catch (error) {
    return unreachableSection(name, describeError(error));
  } finally {
    clearTimeout(timer);
  }
}

// Node's network errors hide the useful part (ECONNREFUSED 127.0.0.1:6390) in `cause` or in `errors`.
// Duck-typed, as errors from Node's core can come from another realm, where instanceof fails.
export function describeError(error: unknown): string {
  if (!isErrorLike(error)) return oneLine(String(error));
  const nested = Array.isArray(error.errors) ? (error.errors[0] as unknown) : error.cause;
  const inner = isErrorLike(nested) ? nested.message : '';
  const own = error.message;
  if (!own) return oneLine(inner || (typeof error.code === 'string' ? error.code : 'unknown error'));
  return oneLine(inner && !own.includes(inner) ? `${own}: ${inner}` : own);
}

interface ErrorLike {
  message: string;
  code?: unknown;
  cause?: unknown;
  errors?: unknown;
}

function isErrorLike(value: unknown): value is ErrorLike {
  return typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string';
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
