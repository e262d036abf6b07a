import { TfjsBackendName } from '../backend/tfjs-backend';
import { requestedBackend } from './inference-backend.config';

export interface EvaluationConfig {
  seed: number;
  backend: TfjsBackendName;
  // Where to write the trained base models' artifacts; none when absent.
  outputDirectory: string | null;
}

// `evaluate [--seed N] [--out DIR]`; TFJS_BACKEND picks the backend (default: the measured default
// for okr-achievement's network, wasm).
export function evaluationConfig(argv: readonly string[], env: NodeJS.ProcessEnv): EvaluationConfig {
  const option = (name: string): string | undefined => {
    const index = argv.indexOf(name);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const seed = Number(option('--seed') ?? 20_261_129);
  if (!Number.isInteger(seed) || seed < 0) throw new Error('--seed must be a non-negative integer');
  return { seed, backend: requestedBackend(env, 'wasm'), outputDirectory: option('--out') ?? null };
}
