import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors, CurrentPrincipal, Principal, UuidParam } from '@qbm/http';
import { CreateKeyResultRequestDto } from './dto/create-key-result.request.dto';
import { KeyResultListResponseDto } from './dto/key-result-list.response.dto';
import { KeyResultResponseDto } from './dto/key-result.response.dto';
import { ListKeyResultsRequestDto } from './dto/list-key-results.request.dto';
import { UpdateKeyResultRequestDto } from './dto/update-key-result.request.dto';
import { KeyResultsService } from './key-results.service';
import { AddKeyResultUseCase } from './use-cases/add-key-result.use-case';

@ApiTags('key-results')
@ApiBearerAuth()
@Controller('api/v1')
export class KeyResultsController {
  constructor(
    private readonly keyResults: KeyResultsService,
    private readonly addKeyResult: AddKeyResultUseCase,
  ) {}

  @Post('okrs/:id/key-results')
  @ApiCreatedResponse({ type: KeyResultResponseDto })
  @ApiErrors(400, 401, 403, 404, 422, 429)
  add(
    @CurrentPrincipal() p: Principal,
    @UuidParam() okrId: string,
    @Body() dto: CreateKeyResultRequestDto,
  ): Promise<KeyResultResponseDto> {
    return this.addKeyResult.execute(p, okrId, dto);
  }

  @Get('okrs/:id/key-results')
  @ApiOkResponse({ type: KeyResultListResponseDto })
  @ApiErrors(400, 401, 404, 429)
  listForOkr(
    @CurrentPrincipal() p: Principal,
    @UuidParam() okrId: string,
    @Query() query: ListKeyResultsRequestDto,
  ): Promise<KeyResultListResponseDto> {
    return this.keyResults.listForOkr(p, okrId, query.disagreement);
  }

  @Get('key-results/:id')
  @ApiOkResponse({ type: KeyResultResponseDto })
  @ApiErrors(400, 401, 404, 429)
  get(@CurrentPrincipal() p: Principal, @UuidParam() id: string): Promise<KeyResultResponseDto> {
    return this.keyResults.get(p, id);
  }

  @Patch('key-results/:id')
  @ApiOkResponse({ type: KeyResultResponseDto })
  @ApiErrors(400, 401, 403, 404, 422, 429)
  update(
    @CurrentPrincipal() p: Principal,
    @UuidParam() id: string,
    @Body() dto: UpdateKeyResultRequestDto,
  ): Promise<KeyResultResponseDto> {
    return this.keyResults.update(p, id, dto);
  }

  @Delete('key-results/:id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiErrors(400, 401, 403, 404, 422, 429)
  remove(@CurrentPrincipal() p: Principal, @UuidParam() id: string): Promise<void> {
    return this.keyResults.remove(p, id);
  }
}
