import { headingAnchors } from '../deploy/heading-anchors';
import { readRuleFiles } from '../prometheus/rule-files';
import { readText } from '../repository';
import type { Check } from '../runner/check';

const RUNBOOK = 'deploy/runbooks.md';

export const RUNBOOK_CHECKS: readonly Check[] = [
  {
    name: 'every alert has a runbook section and a working anchor',
    run: () => {
      const anchors = headingAnchors(readText(RUNBOOK));
      const problems: string[] = [];
      for (const { path, rules } of readRuleFiles()) {
        for (const { alert, annotations } of rules) {
          if (alert && !anchors.has(alert.toLowerCase())) problems.push(`${alert}: no "## ${alert}" in ${RUNBOOK}`);
          const url = annotations?.runbook_url;
          if (url === undefined) continue;
          const anchor = /^deploy\/runbooks\.md#(.+)$/.exec(url)?.[1];
          if (!anchor || !anchors.has(anchor)) problems.push(`${path}: runbook_url ${url} leads nowhere`);
        }
      }
      if (problems.length > 0) throw new Error(problems.join('\n'));
    },
  },
];
