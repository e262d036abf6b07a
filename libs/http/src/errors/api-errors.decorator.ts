import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from './error-response.dto';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input; `details` names every bad field (VALIDATION.FAILED, PAGINATION.INVALID_CURSOR)',
  401: 'Missing, invalid or expired bearer token (AUTH.TOKEN_MISSING, AUTH.TOKEN_INVALID, AUTH.TOKEN_EXPIRED)',
  403: "The token's role may not do this (AUTH.ROLE_INSUFFICIENT)",
  404: "Not found in the caller's organisation (<ENTITY>.NOT_FOUND)",
  409: 'Conflicts with the current state (e.g. still referenced)',
  422: 'Well-formed but breaks a domain rule (illegal transition, cycle, out-of-range weight)',
  429: 'Rate limit exceeded (RATE_LIMIT.EXCEEDED); see Retry-After',
  503: 'A dependency is down or saturated (<DEPENDENCY>.UNAVAILABLE, e.g. DATABASE.UNAVAILABLE); see Retry-After',
};

export function ApiErrors(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...[...statuses, 500].map((status) =>
      ApiResponse({
        status,
        type: ErrorResponseDto,
        description: DESCRIPTIONS[status] ?? 'Internal error; carries only a request id (INTERNAL)',
      }),
    ),
  );
}
