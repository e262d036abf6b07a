import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors, CurrentPrincipal, Principal, UuidParam } from '@qbm/http';
import { Page } from '../../common/pagination/page';
import { CreateObjectiveRequestDto } from './dto/create-objective.request.dto';
import { ListObjectivesRequestDto } from './dto/list-objectives.request.dto';
import { ObjectivePageResponseDto, ObjectiveResponseDto } from './dto/objective.response.dto';
import { UpdateObjectiveRequestDto } from './dto/update-objective.request.dto';
import { ObjectivesService } from './objectives.service';

@ApiTags('objectives')
@ApiBearerAuth()
@Controller('api/v1/objectives')
export class ObjectivesController {
  constructor(private readonly objectives: ObjectivesService) {}

  @Post()
  @ApiCreatedResponse({ type: ObjectiveResponseDto })
  @ApiErrors(400, 401, 403, 422, 429)
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateObjectiveRequestDto): Promise<ObjectiveResponseDto> {
    return this.objectives.create(p, dto);
  }

  @Get()
  @ApiOkResponse({ type: ObjectivePageResponseDto })
  @ApiErrors(400, 401, 429)
  list(
    @CurrentPrincipal() p: Principal,
    @Query() query: ListObjectivesRequestDto,
  ): Promise<Page<ObjectiveResponseDto>> {
    return this.objectives.list(p, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: ObjectiveResponseDto })
  @ApiErrors(400, 401, 404, 429)
  get(@CurrentPrincipal() p: Principal, @UuidParam() id: string): Promise<ObjectiveResponseDto> {
    return this.objectives.get(p, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: ObjectiveResponseDto })
  @ApiErrors(400, 401, 403, 404, 422, 429)
  update(
    @CurrentPrincipal() p: Principal,
    @UuidParam() id: string,
    @Body() dto: UpdateObjectiveRequestDto,
  ): Promise<ObjectiveResponseDto> {
    return this.objectives.update(p, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiErrors(400, 401, 403, 404, 409, 429)
  remove(@CurrentPrincipal() p: Principal, @UuidParam() id: string): Promise<void> {
    return this.objectives.remove(p, id);
  }
}
