import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrors, CurrentPrincipal, Principal, UuidParam } from '@qbm/http';
import { Page } from '../../common/pagination/page';
import { CreateOkrRequestDto } from './dto/create-okr.request.dto';
import { ListOkrsRequestDto } from './dto/list-okrs.request.dto';
import { OkrPageResponseDto, OkrSummaryResponseDto } from './dto/okr-summary.response.dto';
import { OkrResponseDto } from './dto/okr.response.dto';
import { UpdateOkrRequestDto } from './dto/update-okr.request.dto';
import { OkrsService } from './okrs.service';
import { ChangeOkrStatusUseCase } from './use-cases/change-okr-status.use-case';
import { CreateOkrUseCase } from './use-cases/create-okr.use-case';

@ApiTags('okrs')
@ApiBearerAuth()
@Controller('api/v1/okrs')
export class OkrsController {
  constructor(
    private readonly okrs: OkrsService,
    private readonly createOkr: CreateOkrUseCase,
    private readonly changeStatus: ChangeOkrStatusUseCase,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: OkrResponseDto })
  @ApiErrors(400, 401, 403, 422, 429)
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateOkrRequestDto): Promise<OkrResponseDto> {
    return this.createOkr.execute(p, dto);
  }

  @Get()
  @ApiOkResponse({ type: OkrPageResponseDto })
  @ApiErrors(400, 401, 429)
  list(@CurrentPrincipal() p: Principal, @Query() query: ListOkrsRequestDto): Promise<Page<OkrSummaryResponseDto>> {
    return this.okrs.list(p, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: OkrResponseDto })
  @ApiErrors(400, 401, 404, 429)
  get(@CurrentPrincipal() p: Principal, @UuidParam() id: string): Promise<OkrResponseDto> {
    return this.okrs.get(p, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: OkrResponseDto })
  @ApiErrors(400, 401, 403, 404, 422, 429)
  update(
    @CurrentPrincipal() p: Principal,
    @UuidParam() id: string,
    @Body() dto: UpdateOkrRequestDto,
  ): Promise<OkrResponseDto> {
    return this.okrs.update(p, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiErrors(400, 401, 403, 404, 409, 429)
  remove(@CurrentPrincipal() p: Principal, @UuidParam() id: string): Promise<void> {
    return this.okrs.remove(p, id);
  }

  @Post(':id/activate')
  @HttpCode(200)
  @ApiOperation({ summary: 'draft -> active; needs a key result' })
  @ApiOkResponse({ type: OkrResponseDto })
  @ApiErrors(400, 401, 403, 404, 422, 429)
  activate(@CurrentPrincipal() p: Principal, @UuidParam() id: string): Promise<OkrResponseDto> {
    return this.changeStatus.execute(p, id, 'activate');
  }

  @Post(':id/complete')
  @HttpCode(200)
  @ApiOperation({ summary: 'active -> completed; freezes finalScore' })
  @ApiOkResponse({ type: OkrResponseDto })
  @ApiErrors(400, 401, 403, 404, 422, 429)
  complete(@CurrentPrincipal() p: Principal, @UuidParam() id: string): Promise<OkrResponseDto> {
    return this.changeStatus.execute(p, id, 'complete');
  }

  @Post(':id/fail')
  @HttpCode(200)
  @ApiOperation({ summary: 'active -> failed; freezes finalScore, unfinished key results fail' })
  @ApiOkResponse({ type: OkrResponseDto })
  @ApiErrors(400, 401, 403, 404, 422, 429)
  fail(@CurrentPrincipal() p: Principal, @UuidParam() id: string): Promise<OkrResponseDto> {
    return this.changeStatus.execute(p, id, 'fail');
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'draft or active -> cancelled' })
  @ApiOkResponse({ type: OkrResponseDto })
  @ApiErrors(400, 401, 403, 404, 422, 429)
  cancel(@CurrentPrincipal() p: Principal, @UuidParam() id: string): Promise<OkrResponseDto> {
    return this.changeStatus.execute(p, id, 'cancel');
  }
}
