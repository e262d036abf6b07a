import { ModelRegistry1764500000000 } from './1764500000000-model-registry';

// Every migration, in order. Listed explicitly so compiled and ts-jest runs load the same set.
export const MIGRATIONS = [ModelRegistry1764500000000];
