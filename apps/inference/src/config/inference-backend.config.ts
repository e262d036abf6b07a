import { TFJS_BACKENDS, TfjsBackendName } from '../backend/tfjs-backend';

// TFJS_BACKEND=tensorflow|wasm|cpu overrides the per-model default chosen by measurement
// (see src/backend/measure-backends.ts); an unknown name is an error, not a silent default.
export function requestedBackend(source: NodeJS.ProcessEnv, fallback: TfjsBackendName): TfjsBackendName {
  const value = source.TFJS_BACKEND?.trim();
  if (!value) return fallback;
  if ((TFJS_BACKENDS as readonly string[]).includes(value)) return value as TfjsBackendName;
  throw new Error(`TFJS_BACKEND must be one of ${TFJS_BACKENDS.join(', ')}; got "${value}"`);
}
