import type { EnvironmentSource } from '@qbm/config';

const REFERENCE = /\$\{([A-Z_][A-Z0-9_]*)\}/g;

export interface Interpolated {
  value: unknown;
  // Variables referenced but unset or empty.
  missing: string[];
}

// Replaces ${NAME} in every string of a parsed YAML/JSON value with the variable's value, so secrets
// (webhook URLs, addresses) stay in the environment and out of the file.
export function interpolate(value: unknown, env: EnvironmentSource): Interpolated {
  const missing = new Set<string>();
  const visit = (node: unknown): unknown => {
    if (typeof node === 'string') {
      return node.replace(REFERENCE, (_match, name: string) => {
        const found = env[name];
        if (found === undefined || found === '') missing.add(name);
        return found ?? '';
      });
    }
    if (Array.isArray(node)) return node.map(visit);
    if (typeof node === 'object' && node !== null) {
      return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, visit(child)]));
    }
    return node;
  };
  return { value: visit(value), missing: [...missing] };
}
