import { createApp } from '../../app.factory';
import { ApiConfig } from '../../config/api.config';
import { CliUsageError } from '../cli-usage.error';
import { seedDemoOrganisation } from '../seed/demo-seeder';

export const SEED_USAGE = 'qbm seed';

// Boots the real app in-process and fills the demo organisation through its REST API; an organisation
// that already has data is left alone, so running it twice (or on every `pnpm start`) is safe.
export async function seedCommand(config: ApiConfig, argv: string[], log: (line: string) => void): Promise<void> {
  if (argv.length > 0) throw new CliUsageError(SEED_USAGE, [`qbm seed takes no arguments (got ${argv.join(' ')})`]);
  const app = await createApp(config);
  try {
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    await seedDemoOrganisation(app, { log });
  } finally {
    await app.close();
  }
}
