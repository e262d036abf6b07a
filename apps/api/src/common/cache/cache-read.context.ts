import { AsyncLocalStorage } from 'node:async_hooks';

// What the read cache did for the current request: answered from Redis, or loaded from the database.
// The outage interceptor reads it to label an answer the database did not confirm.
export interface CacheReadState {
  fromCache: boolean;
  fromDatabase: boolean;
}

export const cacheReadContext = new AsyncLocalStorage<CacheReadState>();
