import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { retryAfterSeconds } from './dependency-unavailable';
import { DomainError } from './domain-error';
import { statusForKind } from './status-for-kind';

interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
  requestId: string;
}

const INTERNAL_CODE = 'INTERNAL';

const HTTP_CODES: Record<number, string> = {
  400: 'REQUEST.INVALID',
  401: 'AUTH.UNAUTHENTICATED',
  403: 'AUTH.FORBIDDEN',
  404: 'ROUTE.NOT_FOUND',
  405: 'ROUTE.METHOD_NOT_ALLOWED',
  413: 'REQUEST.TOO_LARGE',
  415: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMIT.EXCEEDED',
};

// The one place errors become HTTP. Domain codes map to statuses; anything unknown is a 500 that
// names only the request id, while the cause goes to the log.
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const body = this.toBody(exception, String(request.id));
    // Only the unknown is logged per request: a dependency outage is logged once, where it is detected.
    if (body.code === INTERNAL_CODE) {
      this.logger.error({ err: exception, requestId: body.requestId, code: body.code }, 'unhandled error');
    }
    const retryAfter = retryAfterSeconds(exception);
    if (retryAfter !== undefined) void reply.header('retry-after', retryAfter);
    void reply.status(body.statusCode).header('x-request-id', body.requestId).send(body);
  }

  private toBody(exception: unknown, requestId: string): ErrorBody {
    if (exception instanceof DomainError) {
      return {
        statusCode: statusForKind(exception.kind),
        code: exception.code,
        message: exception.message,
        details: exception.details,
        requestId,
      };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const response = exception.getResponse();
      const fromResponse =
        typeof response === 'object' && response !== null ? (response as Record<string, unknown>) : {};
      const code =
        typeof fromResponse.code === 'string' ? fromResponse.code : (HTTP_CODES[statusCode] ?? `HTTP.${statusCode}`);
      if (statusCode >= 500) return this.internal(requestId);
      return { statusCode, code, message: exception.message, details: fromResponse.details, requestId };
    }
    if (exception instanceof QueryFailedError) {
      const pgCode = (exception.driverError as { code?: string } | undefined)?.code;
      // Constraint violations that slipped past the domain checks are still the caller's conflict, not our crash.
      if (pgCode === '23505')
        return {
          statusCode: 409,
          code: 'RESOURCE.CONFLICT',
          message: 'The resource conflicts with an existing one',
          requestId,
        };
      if (pgCode === '23503')
        return {
          statusCode: 409,
          code: 'RESOURCE.REFERENCED',
          message: 'The resource is referenced by, or references, a missing resource',
          requestId,
        };
      if (pgCode === '23502' || pgCode === '23514')
        return {
          statusCode: 400,
          code: 'REQUEST.INVALID',
          message: 'A required value is missing or out of range',
          requestId,
        };
      if (pgCode === '22P02' || pgCode === '22003' || pgCode === '22007' || pgCode === '22001' || pgCode === '22021')
        return { statusCode: 400, code: 'REQUEST.INVALID', message: 'A value is malformed or out of range', requestId };
    }
    const fastifyStatus = (exception as { statusCode?: unknown } | null)?.statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      return {
        statusCode: fastifyStatus,
        code: HTTP_CODES[fastifyStatus] ?? `HTTP.${fastifyStatus}`,
        message: (exception as Error).message,
        requestId,
      };
    }
    return this.internal(requestId);
  }

  private internal(requestId: string): ErrorBody {
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      code: INTERNAL_CODE,
      message: 'Internal server error',
      requestId,
    };
  }
}
