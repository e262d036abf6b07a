import { Param } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { uuidParam } from './uuid-param.pipe';

// A path parameter that must be a UUID: validated by uuidParam and documented as `format: uuid` from here.
export function UuidParam(name = 'id'): ParameterDecorator {
  const param = Param(name, uuidParam(name));
  const documented = ApiParam({ name, type: String, format: 'uuid' });
  return (target: object, key: string | symbol | undefined, index: number) => {
    param(target, key, index);
    if (key !== undefined)
      documented(target, key, Object.getOwnPropertyDescriptor(target, key) ?? { value: undefined });
  };
}
