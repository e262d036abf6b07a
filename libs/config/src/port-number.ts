import { z } from 'zod';

export const portNumber = z.coerce.number().int().min(1).max(65535);
