import { requestedBackend } from '../config/inference-backend.config';
import { activateBackend, BackendLoaders, DEFAULT_LOADERS, tf } from './tfjs-backend';

const missingNative: BackendLoaders = {
  ...DEFAULT_LOADERS,
  tensorflow: () => {
    throw new Error('The Node.js native addon module (tfjs_binding.node) can not be found');
  },
};

describe('activateBackend', () => {
  it('falls back to wasm when the native backend cannot load, and says why', async () => {
    const active = await activateBackend('tensorflow', missingNative);
    expect(active).toEqual({
      requested: 'tensorflow',
      backend: 'wasm',
      fallbackReason: expect.stringContaining('tfjs_binding.node'),
    });
    expect(tf.getBackend()).toBe('wasm');
    expect(Array.from(tf.tensor([1, 2, 3]).square().dataSync())).toEqual([1, 4, 9]);
  });

  it('falls back to cpu when wasm fails too', async () => {
    const active = await activateBackend('tensorflow', {
      tensorflow: missingNative.tensorflow,
      wasm: () => {
        throw new Error('no wasm');
      },
    });
    expect(active.backend).toBe('cpu');
    expect(active.fallbackReason).toContain('no wasm');
    expect(tf.getBackend()).toBe('cpu');
  });

  it('activates what was asked without a reason when it loads', async () => {
    expect(await activateBackend('wasm')).toEqual({ requested: 'wasm', backend: 'wasm', fallbackReason: null });
    expect(await activateBackend('cpu')).toEqual({ requested: 'cpu', backend: 'cpu', fallbackReason: null });
  });
});

describe('requestedBackend', () => {
  it('reads TFJS_BACKEND, defaults when unset and refuses unknown names', () => {
    expect(requestedBackend({}, 'wasm')).toBe('wasm');
    expect(requestedBackend({ TFJS_BACKEND: 'tensorflow' }, 'wasm')).toBe('tensorflow');
    expect(() => requestedBackend({ TFJS_BACKEND: 'gpu' }, 'wasm')).toThrow(/TFJS_BACKEND/);
  });
});
