import { allPanels, type Dashboard } from './dashboard-queries';

// Layout mistakes that hand edits make: duplicate ids, panels drawn over each other.
export function dashboardLayoutProblems(dashboard: Dashboard): string[] {
  const problems: string[] = [];
  const panels = allPanels(dashboard.panels);
  const ids = new Set<number | undefined>();
  for (const panel of panels) {
    if (ids.has(panel.id)) problems.push(`duplicate panel id ${String(panel.id)}`);
    ids.add(panel.id);
    if (panel.type === 'graph' || panel.type === 'singlestat')
      problems.push(`"${panel.title ?? ''}" uses the removed panel type ${panel.type}`);
    if (panel.type !== 'row' && !panel.datasource) problems.push(`"${panel.title ?? ''}" has no datasource`);
  }
  const boxes = panels.filter((panel) => panel.gridPos);
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]?.gridPos;
      const b = boxes[j]?.gridPos;
      if (a && b && a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h)
        problems.push(`"${boxes[i]?.title ?? ''}" overlaps "${boxes[j]?.title ?? ''}"`);
    }
  }
  return problems;
}
