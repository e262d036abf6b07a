import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { paths } from './repository-paths';

export interface PanelQuery {
  dashboard: string;
  panel: string;
  refId: string;
  expr: string;
}

interface Panel {
  title?: string;
  panels?: Panel[];
  targets?: Array<{ expr?: string; refId?: string; hide?: boolean }>;
}

// Every Prometheus query of every panel (rows' nested panels too) in grafana/dashboards/*.json.
export function dashboardQueries(): PanelQuery[] {
  return readdirSync(paths.dashboards)
    .filter((file) => file.endsWith('.json'))
    .flatMap((file) => {
      const dashboard = JSON.parse(readFileSync(join(paths.dashboards, file), 'utf8')) as { panels?: Panel[] };
      return flatten(dashboard.panels ?? []).flatMap((panel) =>
        (panel.targets ?? [])
          .filter((target) => target.expr && !target.hide)
          .map((target) => ({
            dashboard: file,
            panel: panel.title ?? '',
            refId: target.refId ?? '',
            expr: target.expr ?? '',
          })),
      );
    });
}

function flatten(panels: Panel[]): Panel[] {
  return panels.flatMap((panel) => [panel, ...flatten(panel.panels ?? [])]);
}

// What Grafana sends for the dashboard's variables: every service ("All"), and a rate interval
// of four scrapes at the test's one-second scrape interval (Grafana's own floor), widened to the
// compressed rules' window.
export function expandVariables(expr: string): string {
  return expr
    .replace(/\$\{?service\}?/g, '.*')
    .replace(/\$\{?__rate_interval\}?/g, '20s')
    .replace(/\$\{?__interval\}?/g, '5s')
    .replace(/\$\{?__range\}?/g, '5m');
}
