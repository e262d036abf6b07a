import { ValidateIf } from 'class-validator';

// May be left out, but never null: for optional fields whose column is NOT NULL.
// (class-validator's IsOptional also lets null through; use it only for nullable fields.)
export const IsOmittable = (): PropertyDecorator =>
  ValidateIf((_object: object, value: unknown) => value !== undefined);
