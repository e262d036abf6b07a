import { z } from 'zod';

// An environment flag: true/false or 1/0, nothing looser (a typo must not read as false).
export const booleanFromString = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
