import type { Query } from '../promql/metric-names';

export interface Panel {
  id?: number;
  title?: string;
  type?: string;
  datasource?: unknown;
  gridPos?: { x: number; y: number; w: number; h: number };
  targets?: Array<{ expr?: unknown }>;
  panels?: Panel[];
}

export interface Dashboard {
  title?: string;
  schemaVersion?: number;
  panels?: Panel[];
  templating?: {
    list?: Array<{ name?: string; type?: string; query?: unknown; current?: { value?: unknown } }>;
  };
}

// Every target expression and variable query of a dashboard, with a path naming where it is.
export function dashboardQueries(dashboard: Dashboard): Query[] {
  const found: Query[] = [];
  const visit = (panels: Panel[] | undefined, where: string): void => {
    for (const panel of panels ?? []) {
      const name = `${where}/${panel.title ?? panel.type ?? '?'}`;
      for (const target of panel.targets ?? [])
        if (typeof target.expr === 'string') found.push({ where: name, expr: target.expr, variable: false });
      visit(panel.panels, where);
    }
  };
  visit(dashboard.panels, 'panel');
  for (const variable of dashboard.templating?.list ?? []) {
    if (variable.type !== 'query') continue;
    const query =
      typeof variable.query === 'string' ? variable.query : (variable.query as { query?: unknown } | undefined)?.query;
    if (typeof query === 'string' && query !== '')
      found.push({ where: `variable/${variable.name ?? '?'}`, expr: query, variable: true });
  }
  return found;
}

export function allPanels(panels: Panel[] | undefined): Panel[] {
  return (panels ?? []).flatMap((panel) => [panel, ...allPanels(panel.panels)]);
}
