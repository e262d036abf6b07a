import {
  type ArgumentsHost,
  Catch,
  Controller,
  type ExceptionFilter,
  ForbiddenException,
  Get,
  NotFoundException,
  Param,
  Post,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { currentRequestId } from '../../../src';

export class OkrLockedError extends Error {
  readonly code = 'OKR.LOCKED';
}

interface StatusReply {
  status(code: number): { send(body: unknown): void };
}

// Stands in for an app's exception filter: maps a domain error to a status an interceptor could not know.
@Catch(OkrLockedError)
class OkrLockedFilter implements ExceptionFilter {
  catch(error: OkrLockedError, host: ArgumentsHost): void {
    host.switchToHttp().getResponse<StatusReply>().status(409).send({ code: error.code });
  }
}

class DenyAll {
  canActivate(): boolean {
    throw new ForbiddenException();
  }
}

@Controller('okrs')
export class OkrTestController {
  constructor(private readonly logger: PinoLogger) {}

  @Get('boom')
  boom(): never {
    // As a service logs a failure it is about to raise: the line must name the request.
    this.logger.error('kaboom while reading the OKR');
    throw new Error('kaboom');
  }

  @Get('locked')
  @UseFilters(OkrLockedFilter)
  locked(): never {
    throw new OkrLockedError('locked');
  }

  @Get('forbidden')
  @UseGuards(DenyAll)
  forbidden(): string {
    return 'never';
  }

  @Get('missing/:id')
  missing(@Param('id') id: string): never {
    throw new NotFoundException(`OKR ${id} not found`);
  }

  @Get('request-id')
  requestId(): { requestId: string | undefined } {
    return { requestId: currentRequestId() };
  }

  @Get(':id')
  findOne(@Param('id') id: string): { id: string } {
    return { id };
  }

  @Post()
  create(): { created: boolean } {
    return { created: true };
  }
}
