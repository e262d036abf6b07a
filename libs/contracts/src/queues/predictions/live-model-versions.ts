// A Redis hash, model name → the version the inference service serves, written by it on every swap.
// Callers key their prediction caches by it, so a promotion makes every cached answer stale at once.
export const LIVE_MODEL_VERSIONS_KEY = 'qbm:inference:live-versions';
