import { DomainError } from '../errors/domain-error';
import { uuidParam } from './uuid-param.pipe';

describe('uuidParam', () => {
  it('passes a UUID and refuses anything else as a coded 400 naming the parameter', async () => {
    const pipe = uuidParam('okrId');
    const id = '7f1c0a9e-3f57-4f6e-9d2b-4b8d1d6c2a10';
    await expect(pipe.transform(id, { type: 'param', data: 'okrId' })).resolves.toBe(id);
    const refusal: unknown = await pipe.transform('42', { type: 'param', data: 'okrId' }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({
      code: 'VALIDATION.FAILED',
      kind: 'validation',
      details: [{ field: 'okrId', reason: 'isUuid', message: 'okrId must be a UUID' }],
    });
  });
});
