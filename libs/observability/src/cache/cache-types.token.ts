// The cache types a service declared when it registered the cache capability.
export const CACHE_TYPES = Symbol('qbm:cache-types');
