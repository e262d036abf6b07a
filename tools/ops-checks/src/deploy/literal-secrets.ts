import { parseDocument } from 'yaml';

const SECRET_NAME = /^[A-Z0-9_]*(?:SECRET|PASSWORD|TOKEN|_KEY)[A-Z0-9_]*$/;

// A variable whose name says secret must come from the environment (`${NAME...}`), never be written
// in the compose file. Every `environment` block is read, as a map or as a list of NAME=value.
export function literalSecrets(composeText: string): string[] {
  const document = parseDocument(composeText, { merge: true });
  const problems: string[] = [];
  const visit = (node: unknown, path: string[]): void => {
    if (Array.isArray(node)) node.forEach((item, index) => visit(item, [...path, String(index)]));
    else if (node !== null && typeof node === 'object')
      for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
        if (key === 'environment') checkEnvironment(value, [...path, key]);
        else visit(value, [...path, key]);
      }
  };
  const checkEnvironment = (environment: unknown, path: string[]): void => {
    const entries = Array.isArray(environment)
      ? environment.map((item) => scalar(item).split(/=(.*)/s).slice(0, 2) as [string, string?])
      : Object.entries((environment ?? {}) as Record<string, unknown>).map(([k, v]) => [k, scalar(v)]);
    for (const [name, value = ''] of entries)
      if (SECRET_NAME.test(name) && value.trim() !== '' && !/^\$\{/.test(value.trim()))
        problems.push(`${[...path, name].join('.')} is set to a literal`);
  };
  visit(document.toJS({ maxAliasCount: 100 }), []);
  return [...new Set(problems)];
}

function scalar(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}
