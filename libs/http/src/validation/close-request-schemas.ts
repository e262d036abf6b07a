import type { OpenAPIObject } from '@nestjs/swagger';

type SchemaNode = Record<string, unknown>;

// The validation pipe refuses unknown fields (forbidNonWhitelisted): say so in the document, with
// `additionalProperties: false` on every schema a request body uses, nested ones included.
// Changes the document in place and returns it.
export function closeRequestSchemas(document: OpenAPIObject): OpenAPIObject {
  const schemas = (document.components?.schemas ?? {}) as Record<string, SchemaNode>;
  const closed = new Set<string>();
  const visit = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    const ref = (node as SchemaNode).$ref;
    if (typeof ref === 'string') {
      const name = ref.replace('#/components/schemas/', '');
      const target = schemas[name];
      if (!target || closed.has(name)) return;
      closed.add(name);
      target.additionalProperties = false;
      visit(target);
      return;
    }
    for (const child of Object.values(node as SchemaNode)) visit(child);
  };
  for (const path of Object.values(document.paths)) {
    for (const operation of Object.values(path as Record<string, { requestBody?: unknown }>)) {
      if (typeof operation === 'object' && operation !== null) visit(operation.requestBody);
    }
  }
  return document;
}
