import { parse } from 'yaml';
import { filesIn, readText } from '../repository';

export interface Rule {
  alert?: string;
  record?: string;
  expr: string;
  annotations?: { runbook_url?: string };
}

export interface RuleFile {
  path: string;
  text: string;
  rules: Rule[];
}

interface RuleFileDocument {
  groups?: Array<{ name?: string; rules?: Rule[] }>;
}

export const RULES_DIR = 'prometheus/rules';

export function parseRuleFile(path: string, text: string): RuleFile {
  const document = (parse(text) ?? {}) as RuleFileDocument;
  if (!Array.isArray(document.groups)) throw new Error(`${path} has no top-level groups:`);
  return { path, text, rules: document.groups.flatMap((group) => group.rules ?? []) };
}

export function readRuleFiles(): RuleFile[] {
  return [...filesIn(RULES_DIR, '.yml'), ...filesIn(RULES_DIR, '.yaml')]
    .sort()
    .map((path) => parseRuleFile(path, readText(path)));
}

// The series the recording rules make: queries may read them like any exported metric.
export function recordedSeries(files: readonly RuleFile[] = readRuleFiles()): string[] {
  return files.flatMap((file) => file.rules.flatMap((rule) => (rule.record ? [rule.record] : [])));
}
