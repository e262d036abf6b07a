import * as tf from '@tensorflow/tfjs';

export const TFJS_BACKENDS = ['tensorflow', 'wasm', 'cpu'] as const;
export type TfjsBackendName = (typeof TFJS_BACKENDS)[number];

// Which backend is active and, when it is not the one asked for, why: metrics label predictions with
// `backend`, and the service logs `fallbackReason` once.
export interface ActiveBackend {
  requested: TfjsBackendName;
  backend: TfjsBackendName;
  fallbackReason: string | null;
}

// How each backend is brought in; replaced in tests to simulate a missing native library.
export interface BackendLoaders {
  tensorflow(): void;
  wasm(): void;
}

const nodeRequire = (id: string): void => {
  // Loaded on demand: requiring tfjs-node loads the ~800 MB TensorFlow library, and fails if the
  // binding was not built (see scripts/tfjs-native.mjs).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(id);
};

export const DEFAULT_LOADERS: BackendLoaders = {
  tensorflow: () => nodeRequire('@tensorflow/tfjs-node'),
  wasm: () => nodeRequire('@tensorflow/tfjs-backend-wasm'),
};

const reasonOf = (error: unknown): string =>
  error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);

async function tryBackend(name: TfjsBackendName, loaders: BackendLoaders): Promise<string | null> {
  try {
    if (name !== 'cpu') loaders[name]();
    if (!(await tf.setBackend(name))) return `tf.setBackend('${name}') refused`;
    await tf.ready();
    return null;
  } catch (error) {
    return reasonOf(error);
  }
}

// Activates the requested backend, falling back tensorflow → wasm → cpu; never throws while cpu
// (pure JavaScript, always registered) remains.
export async function activateBackend(
  requested: TfjsBackendName,
  loaders: BackendLoaders = DEFAULT_LOADERS,
): Promise<ActiveBackend> {
  const order = TFJS_BACKENDS.slice(TFJS_BACKENDS.indexOf(requested));
  const reasons: string[] = [];
  for (const backend of order) {
    const failure = await tryBackend(backend, loaders);
    if (failure === null) {
      return { requested, backend, fallbackReason: reasons.length > 0 ? reasons.join('; ') : null };
    }
    reasons.push(`${backend} unavailable: ${failure}`);
  }
  throw new Error(`no TensorFlow.js backend could be activated (${reasons.join('; ')})`);
}

export { tf };
