export { DomainError, notFound, type DomainErrorKind, type FieldProblem } from './errors/domain-error';
export { validationFailed } from './errors/validation-failed';
export { dependencyUnavailable, retryAfterSeconds } from './errors/dependency-unavailable';
export { databaseFailureReason, type DatabaseFailureReason } from './errors/database-failure';
export { ApiExceptionFilter } from './errors/api-exception.filter';
export { ErrorResponseDto } from './errors/error-response.dto';
export { ApiErrors } from './errors/api-errors.decorator';
export { createValidationPipe } from './validation/validation.pipe';
export { NulCharacterPipe } from './validation/nul-character.pipe';
export { uuidParam } from './validation/uuid-param.pipe';
export { IsCalendarDate } from './validation/is-calendar-date.decorator';
export { IsOmittable } from './validation/is-omittable.decorator';
export {
  ArrayField,
  BooleanField,
  DateField,
  EnumField,
  FormattedStringField,
  IntField,
  NumberField,
  StringField,
  UuidField,
  type FieldOptions,
  type Presence,
} from './validation/api-field.decorators';
export { UuidParam } from './validation/uuid-param.decorator';
export { closeRequestSchemas } from './validation/close-request-schemas';
export type { AuthOptions } from './auth/auth-options';
export { AuthModule } from './auth/auth.module';
export { AuthGuard, requiredRole } from './auth/auth.guard';
export { TokenService } from './auth/token.service';
export { bearerToken } from './auth/bearer-token';
export { CurrentPrincipal, type AuthenticatedRequest } from './auth/current-principal.decorator';
export { ORGANIZATION_SLUG, ROLES, roleAtLeast, type Principal, type Role } from './auth/principal';
export { createFastifyAdapter } from './fastify/fastify-adapter.factory';
export { jsonNestsDeeperThan, useJsonBodyParser, type JsonBodyLimits } from './fastify/json-body-parser';
