import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrors, CurrentPrincipal, Principal, UuidParam } from '@qbm/http';
import { Page } from '../../common/pagination/page';
import { ApproveRequirementRequestDto } from './dto/approve-requirement.request.dto';
import { CancelRequirementRequestDto } from './dto/cancel-requirement.request.dto';
import { CreateRequirementRequestDto } from './dto/create-requirement.request.dto';
import { ListRequirementsRequestDto } from './dto/list-requirements.request.dto';
import { RejectRequirementRequestDto } from './dto/reject-requirement.request.dto';
import { RequirementPageResponseDto, RequirementResponseDto } from './dto/requirement.response.dto';
import { UpdateRequirementRequestDto } from './dto/update-requirement.request.dto';
import { DecisionRequirementsService } from './decision-requirements.service';
import { TransitionRequirementUseCase } from './use-cases/transition-requirement.use-case';

@ApiTags('decision-requirements')
@ApiBearerAuth()
@Controller('api/v1/decision-requirements')
export class DecisionRequirementsController {
  constructor(
    private readonly requirements: DecisionRequirementsService,
    private readonly transition: TransitionRequirementUseCase,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: RequirementResponseDto })
  @ApiErrors(400, 401, 403, 409, 422, 429)
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateRequirementRequestDto): Promise<RequirementResponseDto> {
    return this.requirements.create(p, dto);
  }

  @Get()
  @ApiOkResponse({ type: RequirementPageResponseDto })
  @ApiErrors(400, 401, 429)
  list(
    @CurrentPrincipal() p: Principal,
    @Query() query: ListRequirementsRequestDto,
  ): Promise<Page<RequirementResponseDto>> {
    return this.requirements.list(p, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: RequirementResponseDto })
  @ApiErrors(400, 401, 404, 429)
  get(@CurrentPrincipal() p: Principal, @UuidParam() id: string): Promise<RequirementResponseDto> {
    return this.requirements.get(p, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Edit a draft (DECISION_REQUIREMENT.NOT_EDITABLE otherwise)' })
  @ApiOkResponse({ type: RequirementResponseDto })
  @ApiErrors(400, 401, 403, 404, 409, 422, 429)
  update(
    @CurrentPrincipal() p: Principal,
    @UuidParam() id: string,
    @Body() dto: UpdateRequirementRequestDto,
  ): Promise<RequirementResponseDto> {
    return this.requirements.update(p, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete in any state (admin)' })
  @ApiNoContentResponse()
  @ApiErrors(400, 401, 403, 404, 429)
  remove(@CurrentPrincipal() p: Principal, @UuidParam() id: string): Promise<void> {
    return this.requirements.remove(p, id);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'draft -> submitted' })
  @ApiOkResponse({ type: RequirementResponseDto })
  @ApiErrors(400, 401, 403, 404, 422, 429)
  submit(@CurrentPrincipal() p: Principal, @UuidParam() id: string): Promise<RequirementResponseDto> {
    return this.transition.execute(p, id, 'submit');
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiBody({ type: ApproveRequirementRequestDto, required: false })
  @ApiOperation({ summary: 'submitted -> approved; not by the requester' })
  @ApiOkResponse({ type: RequirementResponseDto })
  @ApiErrors(400, 401, 403, 404, 422, 429)
  approve(
    @CurrentPrincipal() p: Principal,
    @UuidParam() id: string,
    @Body() dto: ApproveRequirementRequestDto,
  ): Promise<RequirementResponseDto> {
    return this.transition.execute(p, id, 'approve', dto.reason);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'submitted -> rejected; not by the requester' })
  @ApiOkResponse({ type: RequirementResponseDto })
  @ApiErrors(400, 401, 403, 404, 422, 429)
  reject(
    @CurrentPrincipal() p: Principal,
    @UuidParam() id: string,
    @Body() dto: RejectRequirementRequestDto,
  ): Promise<RequirementResponseDto> {
    return this.transition.execute(p, id, 'reject', dto.reason);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiBody({ type: CancelRequirementRequestDto, required: false })
  @ApiOperation({ summary: 'draft | submitted -> cancelled' })
  @ApiOkResponse({ type: RequirementResponseDto })
  @ApiErrors(400, 401, 403, 404, 422, 429)
  cancel(
    @CurrentPrincipal() p: Principal,
    @UuidParam() id: string,
    @Body() dto: CancelRequirementRequestDto,
  ): Promise<RequirementResponseDto> {
    return this.transition.execute(p, id, 'cancel', dto.reason);
  }
}
