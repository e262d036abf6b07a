import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsInt, IsString, Max, ValidateNested } from 'class-validator';
import { DomainError } from '../errors/domain-error';
import { createValidationPipe } from './validation.pipe';

class ValueDto {
  @IsInt() @Max(10) priority!: number;
}

class BodyDto {
  @IsString() name!: string;
  @ValidateNested() @Type(() => ValueDto) value!: ValueDto;
}

async function problemsOf(body: unknown): Promise<unknown> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: BodyDto });
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, details: error.details };
    throw error;
  }
  throw new Error('expected a validation failure');
}

describe('createValidationPipe', () => {
  it('converts a valid body to the DTO class', async () => {
    const dto: unknown = await createValidationPipe().transform(
      { name: 'x', value: { priority: 3 } },
      { type: 'body', metatype: BodyDto },
    );
    expect(dto).toBeInstanceOf(BodyDto);
  });

  it('names every bad field, nested ones by their path, and unknown fields as such', async () => {
    expect(await problemsOf({ name: 1, value: { priority: 11 }, extra: true })).toEqual({
      code: 'VALIDATION.FAILED',
      details: [
        { field: 'extra', reason: 'unknown_field', message: 'property extra should not exist' },
        { field: 'name', reason: 'isString', message: 'name must be a string' },
        { field: 'value.priority', reason: 'max', message: 'priority must not be greater than 10' },
      ],
    });
  });
});
