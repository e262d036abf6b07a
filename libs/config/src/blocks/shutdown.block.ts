import { z } from 'zod';

export const shutdownBlock = {
  // How long a stopping process may take to finish in-flight work before it is cut off.
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
};
