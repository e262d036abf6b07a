import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors, CurrentPrincipal, Principal, UuidParam } from '@qbm/http';
import { Page } from '../../common/pagination/page';
import { CheckInsService } from './check-ins.service';
import { CheckInResultResponseDto } from './dto/check-in-result.response.dto';
import { CheckInPageResponseDto, CheckInResponseDto } from './dto/check-in.response.dto';
import { CreateCheckInRequestDto } from './dto/create-check-in.request.dto';
import { ListCheckInsRequestDto } from './dto/list-check-ins.request.dto';
import { RecordCheckInUseCase } from './use-cases/record-check-in.use-case';

@ApiTags('check-ins')
@ApiBearerAuth()
@Controller('api/v1/key-results/:id/check-ins')
export class CheckInsController {
  constructor(
    private readonly checkIns: CheckInsService,
    private readonly recordCheckIn: RecordCheckInUseCase,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: CheckInResultResponseDto })
  @ApiErrors(400, 401, 403, 404, 422, 429)
  record(
    @CurrentPrincipal() p: Principal,
    @UuidParam() keyResultId: string,
    @Body() dto: CreateCheckInRequestDto,
  ): Promise<CheckInResultResponseDto> {
    return this.recordCheckIn.execute(p, keyResultId, dto);
  }

  @Get()
  @ApiOkResponse({ type: CheckInPageResponseDto })
  @ApiErrors(400, 401, 404, 429)
  list(
    @CurrentPrincipal() p: Principal,
    @UuidParam() keyResultId: string,
    @Query() query: ListCheckInsRequestDto,
  ): Promise<Page<CheckInResponseDto>> {
    return this.checkIns.list(p, keyResultId, query);
  }
}
