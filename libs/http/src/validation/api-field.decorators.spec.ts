import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DateField, EnumField, IntField, StringField, UuidField } from './api-field.decorators';

class Sample {
  @StringField({ minLength: 1, maxLength: 3, pattern: { regex: /\S/, message: 'blank' } }) name!: string;
  @UuidField({ presence: 'nullable' }) parentId?: string | null;
  @DateField({ presence: 'omittable' }) due?: string;
  @IntField({ presence: 'omittable', query: true, minimum: 1, maximum: 10 }) size?: number;
  @EnumField(['a', 'b'], { presence: 'omittable' }) kind?: string;
}

// Where @nestjs/swagger keeps a property's schema (its DECORATORS.API_MODEL_PROPERTIES).
const documented = (property: keyof Sample): unknown =>
  Reflect.getMetadata('swagger/apiModelProperties', Sample.prototype, property);
const refused = (plain: object): string[] =>
  validateSync(plainToInstance(Sample, plain)).map((error) => error.property);

describe('field decorators', () => {
  it('document each field with the values its rules use', () => {
    expect(documented('name')).toMatchObject({
      type: 'string',
      minLength: 1,
      maxLength: 3,
      pattern: '\\S',
      required: true,
    });
    expect(documented('parentId')).toMatchObject({ type: 'string', format: 'uuid', nullable: true, required: false });
    expect(documented('due')).toMatchObject({ type: 'string', format: 'date', required: false });
    expect(documented('due')).not.toHaveProperty('nullable');
    expect(documented('size')).toMatchObject({ type: 'integer', minimum: 1, maximum: 10 });
    expect(documented('kind')).toMatchObject({ type: 'string', enum: ['a', 'b'] });
  });

  it('enforce what they document: presence, null, limits, formats', () => {
    expect(refused({ name: 'ok' })).toEqual([]);
    expect(refused({ name: 'ok', parentId: null, size: '10', kind: 'b', due: '2024-02-29' })).toEqual([]);
    expect(refused({})).toEqual(['name']);
    expect(refused({ name: 'four', due: null, size: '1.5', kind: 'c', parentId: 'x' }).sort()).toEqual(
      ['due', 'kind', 'name', 'parentId', 'size'].sort(),
    );
    expect(refused({ name: ' ' })).toEqual(['name']);
  });
});
