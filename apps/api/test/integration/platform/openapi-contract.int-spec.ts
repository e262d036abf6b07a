import SwaggerParser from '@apidevtools/swagger-parser';
import { MODEL_NAMES } from '@qbm/contracts';
import type { Worker } from 'bullmq';
import { bearer } from '../../setup/test-app';
import { useTestApp } from '../../setup/use-test-app';
import { startModelLifecycleStandIn, startPredictionStandIn } from '../predictions/inference-stand-in';
import { useInferenceTables } from '../predictions/inference-tables';
import { Body, ContractApi, Prepared, SETUPS } from './contract/operation-setups';
import { Rng } from './contract/rng';
import { Schema, validObject, validValue, violations } from './contract/schema-values';

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: Schema;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
}

interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

interface Request {
  method: string;
  path: string;
  params: Record<string, string>;
  query: Record<string, unknown>;
  body?: Body;
  asOther?: boolean;
}

// Valid requests per operation; each gets fresh parents, so this is the main cost of the spec.
const VALID_RUNS = 3;
const seed = Number(process.env.QBM_CONTRACT_SEED ?? Math.floor(Math.random() * 2 ** 31));

// The document is the contract: every request it calls valid is served, every constraint it states is
// enforced as a coded 400 naming the field. Values come from the document itself.
describe(`the OpenAPI document is the contract (QBM_CONTRACT_SEED=${seed})`, () => {
  const t = useTestApp({ truncate: 'once' });
  let doc: Document;
  const rng = new Rng(seed);
  useInferenceTables(t);
  // The prediction and model routes are answered by the inference service over BullMQ.
  const workers: Worker[] = [];

  beforeAll(async () => {
    doc = (await t.app.inject({ method: 'GET', url: '/docs-json' })).json<Document>();
    // One registered version of each model, so GET /models/{name} finds them.
    for (const model of MODEL_NAMES) {
      await t.dataSource.query(
        `INSERT INTO inference_model_versions (version, model, seed, score, score_name, lower_is_better, metrics, card, promoted)
         VALUES ($1, $2, 1, 0.1, 'score', true, '{}', '{}', true) ON CONFLICT (version) DO NOTHING`,
        [`${model}-contract`, model],
      );
    }
    const modelVersions = Object.fromEntries(MODEL_NAMES.map((model) => [model, `${model}-contract`]));
    workers.push(await startPredictionStandIn({ modelVersions }), await startModelLifecycleStandIn());
  });
  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.close()));
  });

  const resolve = (schema: Schema): Schema => {
    if (!schema.$ref) return schema;
    const found = doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')];
    if (!found) throw new Error(`unresolved ${schema.$ref}`);
    return found;
  };

  const operations = (): Array<{ method: string; path: string; operation: Operation }> =>
    Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/'))
      .flatMap(([path, ops]) =>
        Object.entries(ops).map(([method, operation]) => ({ method: method.toUpperCase(), path, operation })),
      );

  const send = (request: Request) => {
    const url = request.path.replace(/\{(\w+)\}/g, (_m, name: string) =>
      encodeURIComponent(request.params[name] ?? ''),
    );
    const query = new URLSearchParams(
      Object.entries(request.query).map(([k, v]): [string, string] => [k, String(v)]),
    ).toString();
    const sub = request.asOther ? 'approver@contract-co' : undefined;
    return t.app.inject({
      method: request.method as 'GET',
      url: query ? `${url}?${query}` : url,
      headers: { ...bearer(t.token('contract-co', 'admin', sub)), 'content-type': 'application/json' },
      ...(request.body === undefined ? {} : { payload: JSON.stringify(request.body) }),
    });
  };

  const api: ContractApi = {
    create: async (url, body) => {
      const response = await send({ method: 'POST', path: url, params: {}, query: {}, body });
      if (response.statusCode !== 201) throw new Error(`setup POST ${url}: ${response.statusCode} ${response.body}`);
      return response.json();
    },
    post: async <T>(url: string, body: Body, status: number): Promise<T> => {
      const response = await send({ method: 'POST', path: url, params: {}, query: {}, body });
      if (response.statusCode !== status) throw new Error(`setup POST ${url}: ${response.statusCode} ${response.body}`);
      return response.json<T>();
    },
    act: async (url) => {
      const response = await send({ method: 'POST', path: url, params: {}, query: {} });
      if (response.statusCode !== 200) throw new Error(`setup POST ${url}: ${response.statusCode} ${response.body}`);
    },
  };

  const bodySchema = (operation: Operation): Schema | undefined => {
    const schema = operation.requestBody?.content['application/json']?.schema;
    return schema ? resolve(schema) : undefined;
  };
  const queryParameters = (operation: Operation): Parameter[] =>
    (operation.parameters ?? []).filter((p) => p.in === 'query');

  // Parents from the setup replace generated ids, so references resolve; opaque cursors are left out
  // (only a previous page can make one).
  const withParents = (values: Body, schema: Schema, prepared: Prepared): Body => {
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      if (resolve(property).format === 'uuid' && values[name] !== undefined && values[name] !== null) {
        const id = prepared.ids[name];
        if (!id) throw new Error(`the setup names no existing id for ${name}`);
        values[name] = id;
      }
    }
    delete values.cursor;
    prepared.fix?.(values);
    return values;
  };

  const validRequest = (method: string, path: string, operation: Operation, prepared: Prepared): Request => {
    const query: Schema = { type: 'object', properties: {}, required: [] };
    for (const p of queryParameters(operation)) {
      query.properties![p.name] = p.schema;
      if (p.required) query.required!.push(p.name);
    }
    const schema = bodySchema(operation);
    const optionalBody = operation.requestBody?.required === false;
    // An optional body is sometimes not sent at all (with its content-type: an empty body).
    const body =
      schema && !(optionalBody && rng.int(0, 2) === 0)
        ? withParents(validObject(schema, rng, resolve), schema, prepared)
        : undefined;
    return {
      method,
      path,
      params: prepared.params,
      query: withParents(validObject(query, rng, resolve), query, prepared),
      body,
      asOther: prepared.asOther,
    };
  };

  it('is a valid OpenAPI 3 document', async () => {
    // The validator dereferences in place: give it a copy.
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeDefined();
  });

  it('has a setup for every operation under /api (a new route must say what it needs)', () => {
    const described = operations().map(({ method, path }) => `${method} ${path}`);
    expect(described.filter((key) => !SETUPS[key])).toEqual([]);
    expect(Object.keys(SETUPS).filter((key) => !described.includes(key))).toEqual([]);
  });

  it('serves every request the document calls valid', async () => {
    const failures: string[] = [];
    let sent = 0;
    for (const { method, path, operation } of operations()) {
      for (let run = 0; run < VALID_RUNS; run += 1) {
        const request = validRequest(method, path, operation, await SETUPS[`${method} ${path}`]!(api));
        const response = await send(request);
        sent += 1;
        if (response.statusCode < 200 || response.statusCode >= 300) {
          failures.push(
            `${method} ${path} ${JSON.stringify(request.query)} ${JSON.stringify(request.body)?.slice(0, 300)} -> ${response.statusCode} ${response.body.slice(0, 300)}`,
          );
        }
      }
    }
    expect(operations().length).toBeGreaterThanOrEqual(38);
    expect(sent).toBe(VALID_RUNS * operations().length);
    expect(failures.slice(0, 10)).toEqual([]);
  }, 120_000);

  it('refuses every broken constraint with a coded 400 naming the field', async () => {
    const failures: string[] = [];
    const constraints = new Set<string>();
    for (const { method, path, operation } of operations()) {
      const prepared = await SETUPS[`${method} ${path}`]!(api);
      const base = (): Request => validRequest(method, path, operation, prepared);
      const cases: Array<{ field: string; constraint: string; request: Request }> = [];

      for (const p of (operation.parameters ?? []).filter((q) => q.in === 'path')) {
        for (const v of violations(p.schema, rng, resolve, true)) {
          if (v.constraint === 'enum') continue;
          const request = base();
          cases.push({
            field: p.name,
            constraint: v.constraint,
            request: { ...request, params: { ...request.params, [p.name]: String(v.value) } },
          });
        }
      }
      for (const p of queryParameters(operation)) {
        for (const v of violations(p.schema, rng, resolve, true)) {
          cases.push({ field: p.name, constraint: v.constraint, request: { ...base(), query: { [p.name]: v.value } } });
        }
      }
      const schema = bodySchema(operation);
      for (const [name, property] of Object.entries(schema?.properties ?? {})) {
        const broken = (value: unknown, remove = false): Request => {
          const request = base();
          const body = { ...(request.body ?? {}) };
          if (remove) delete body[name];
          else body[name] = value;
          return { ...request, body };
        };
        if (schema?.required?.includes(name))
          cases.push({ field: name, constraint: 'required', request: broken(undefined, true) });
        for (const v of violations(property, rng, resolve, false))
          cases.push({ field: name, constraint: v.constraint, request: broken(v.value) });
        // Constraints of objects inside an array apply to each item.
        const items = resolve(property).items;
        const item = items ? resolve(items) : undefined;
        if (item?.properties) {
          for (const [inner, innerProperty] of Object.entries(item.properties)) {
            const nested = (value: unknown, remove = false): Request => {
              const one = validValue(items!, rng, resolve) as Body;
              if (remove) delete one[inner];
              else one[inner] = value;
              return broken([one]);
            };
            if (item.required?.includes(inner))
              cases.push({ field: `${name}.0.${inner}`, constraint: 'required', request: nested(undefined, true) });
            for (const v of violations(innerProperty, rng, resolve, false))
              cases.push({ field: `${name}.0.${inner}`, constraint: v.constraint, request: nested(v.value) });
          }
          if (item.additionalProperties === false) {
            const one = { ...(validValue(items!, rng, resolve) as Body), unexpectedField: 1 };
            cases.push({
              field: `${name}.0.unexpectedField`,
              constraint: 'additionalProperties',
              request: broken([one]),
            });
          }
        }
      }
      // The pipe refuses unknown fields everywhere, so every body schema must say so.
      if (schema && schema.additionalProperties !== false) failures.push(`${method} ${path}: the body schema is open`);
      if (schema?.additionalProperties === false) {
        const request = base();
        const body = { ...(request.body ?? {}), unexpectedField: 1 };
        cases.push({ field: 'unexpectedField', constraint: 'additionalProperties', request: { ...request, body } });
      }

      for (const { field, constraint, request } of cases) {
        constraints.add(`${method} ${path} ${field} ${constraint}`);
        const response = await send(request);
        const body = response.json<{ code?: string; details?: Array<{ field: string }> }>();
        const named = Array.isArray(body.details) && body.details.some((d) => d.field === field);
        if (response.statusCode !== 400 || body.code !== 'VALIDATION.FAILED' || !named) {
          failures.push(
            `${method} ${path} ${field} (${constraint}) -> ${response.statusCode} ${response.body.slice(0, 200)}`,
          );
        }
      }
    }
    expect(constraints.size).toBeGreaterThan(300);
    expect(failures.slice(0, 10)).toEqual([]);
  }, 120_000);
});
