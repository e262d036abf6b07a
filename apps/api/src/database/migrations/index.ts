import { InitialSchema1764300000000 } from './1764300000000-initial-schema';

// Every migration, in order. Listed explicitly so compiled and ts-jest runs load the same set.
export const MIGRATIONS = [InitialSchema1764300000000];
