// Commands an app owns (its schema, its data, its model), run by that app's own CLI entry: the
// operator CLI never imports an app, it starts `node <entry> <command> <args...>`.
// Adding a service's command is one line here, e.g. train: { apps: ['inference'], ... }.
export const APP_CLI_ENTRIES = {
  api: 'apps/api/dist/cli/main.js',
  notifier: 'apps/notifier/dist/cli/main.js',
  inference: 'apps/inference/dist/cli/main.js',
} as const satisfies Record<string, string>;

export type AppName = keyof typeof APP_CLI_ENTRIES;

export interface AppCommand {
  // Run in this order; a failure stops the rest.
  apps: readonly AppName[];
  usage: string;
  summary: string;
}

export const APP_COMMANDS: Readonly<Record<string, AppCommand>> = {
  // Every app that has migrations, in dependency order.
  migrate: {
    apps: ['api', 'notifier', 'inference'],
    usage: 'qbm migrate',
    summary: 'create each database if missing and apply migrations, app by app',
  },
  seed: { apps: ['api'], usage: 'qbm seed', summary: 'fill an empty database with a demo organisation ("demo")' },
  notifications: {
    apps: ['notifier'],
    usage: 'qbm notifications list [--state <state>] [--limit <n>] [--json] | requeue <id>... | --all-dead',
    summary: 'show delivery history and dead letters; deliver dead letters again',
  },
  train: {
    apps: ['inference'],
    usage: 'qbm train <model> [--seed <n>] [--promote]',
    summary: 'train okr-achievement, metric-forecast or metric-anomaly on the simulator and register it',
  },
  promote: {
    apps: ['inference'],
    usage: 'qbm promote <model> [version]',
    summary: 'serve a version (default: the newest) if it beats the live one on the same held-out set',
  },
  rollback: { apps: ['inference'], usage: 'qbm rollback <model>', summary: 'serve the previously promoted version' },
  models: { apps: ['inference'], usage: 'qbm models [model]', summary: 'list model versions, scores and the live one' },
};
