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
import { CreateMetricRequestDto } from './dto/create-metric.request.dto';
import { IngestMetricValuesRequestDto } from './dto/ingest-metric-values.request.dto';
import { ListMetricValuesRequestDto } from './dto/list-metric-values.request.dto';
import { ListMetricsRequestDto } from './dto/list-metrics.request.dto';
import { MetricHealthResponseDto } from './dto/metric-health.response.dto';
import { IngestMetricValuesResponseDto, MetricValuesResponseDto } from './dto/metric-values.response.dto';
import { MetricPageResponseDto, MetricResponseDto } from './dto/metric.response.dto';
import { UpdateMetricRequestDto } from './dto/update-metric.request.dto';
import { NorthStarMetricsService } from './north-star-metrics.service';
import { CreateMetricUseCase } from './use-cases/create-metric.use-case';
import { IngestMetricValuesUseCase } from './use-cases/ingest-metric-values.use-case';
import { UpdateMetricUseCase } from './use-cases/update-metric.use-case';

@ApiTags('north-star-metrics')
@ApiBearerAuth()
@Controller('api/v1/north-star-metrics')
export class NorthStarMetricsController {
  constructor(
    private readonly metrics: NorthStarMetricsService,
    private readonly createMetric: CreateMetricUseCase,
    private readonly updateMetric: UpdateMetricUseCase,
    private readonly ingestValues: IngestMetricValuesUseCase,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: MetricResponseDto })
  @ApiErrors(400, 401, 403, 409, 422, 429)
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateMetricRequestDto): Promise<MetricResponseDto> {
    return this.createMetric.execute(p, dto);
  }

  @Get()
  @ApiOkResponse({ type: MetricPageResponseDto })
  @ApiErrors(400, 401, 429)
  list(@CurrentPrincipal() p: Principal, @Query() query: ListMetricsRequestDto): Promise<Page<MetricResponseDto>> {
    return this.metrics.list(p, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: MetricResponseDto })
  @ApiErrors(400, 401, 404, 429)
  get(@CurrentPrincipal() p: Principal, @UuidParam() id: string): Promise<MetricResponseDto> {
    return this.metrics.get(p, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: MetricResponseDto })
  @ApiErrors(400, 401, 403, 404, 409, 422, 429)
  update(
    @CurrentPrincipal() p: Principal,
    @UuidParam() id: string,
    @Body() dto: UpdateMetricRequestDto,
  ): Promise<MetricResponseDto> {
    return this.updateMetric.execute(p, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The metric and all its values are gone' })
  @ApiErrors(400, 401, 403, 404, 429)
  remove(@CurrentPrincipal() p: Principal, @UuidParam() id: string): Promise<void> {
    return this.metrics.remove(p, id);
  }

  @Post(':id/values')
  @HttpCode(200)
  @ApiOperation({ summary: 'Upsert 1 to 10,000 values in one transaction and recompute the health score' })
  @ApiOkResponse({ type: IngestMetricValuesResponseDto })
  @ApiErrors(400, 401, 403, 404, 413, 429)
  ingest(
    @CurrentPrincipal() p: Principal,
    @UuidParam() id: string,
    @Body() dto: IngestMetricValuesRequestDto,
  ): Promise<IngestMetricValuesResponseDto> {
    return this.ingestValues.execute(p, id, dto);
  }

  @Get(':id/values')
  @ApiOperation({ summary: 'Values in a date range, ascending; the latest 10,000 when the range holds more' })
  @ApiOkResponse({ type: MetricValuesResponseDto })
  @ApiErrors(400, 401, 404, 429)
  values(
    @CurrentPrincipal() p: Principal,
    @UuidParam() id: string,
    @Query() query: ListMetricValuesRequestDto,
  ): Promise<MetricValuesResponseDto> {
    return this.metrics.listValues(p, id, query);
  }

  @Get(':id/health')
  @ApiOperation({ summary: 'The health score computed now from the stored values, with its parts' })
  @ApiOkResponse({ type: MetricHealthResponseDto })
  @ApiErrors(400, 401, 404, 429)
  health(@CurrentPrincipal() p: Principal, @UuidParam() id: string): Promise<MetricHealthResponseDto> {
    return this.metrics.healthOf(p, id);
  }
}
