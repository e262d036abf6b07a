import { NotifierOutbox1764400000000 } from './1764400000000-notifier-outbox';

// Every migration, in order. Listed explicitly so compiled and ts-jest runs load the same set.
export const MIGRATIONS = [NotifierOutbox1764400000000];
