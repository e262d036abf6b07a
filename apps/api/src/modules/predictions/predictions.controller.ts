import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, CurrentPrincipal, type Principal, uuidParam } from '@qbm/http';
import { AnomaliesQueryRequestDto } from './dto/anomalies-query.request.dto';
import { ForecastQueryRequestDto } from './dto/forecast-query.request.dto';
import { PredictionQueryRequestDto } from './dto/prediction-query.request.dto';
import { PredictionBatchesService } from './prediction-batches.service';
import { PredictionsService } from './predictions.service';

const uuid = uuidParam();

@ApiTags('predictions')
@ApiBearerAuth()
@Controller('api/v1')
export class PredictionsController {
  constructor(
    private readonly predictions: PredictionsService,
    private readonly batches: PredictionBatchesService,
  ) {}

  @Get('okrs/:id/prediction')
  @ApiOperation({
    summary: 'Probability that the OKR is achieved, its top drivers and the model version, as of a date',
  })
  @ApiErrors(400, 401, 404, 422, 429, 503)
  okr(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Query() q: PredictionQueryRequestDto) {
    return this.predictions.okr(p, id, q.asOf);
  }

  @Get('key-results/:id/prediction')
  @ApiOperation({ summary: 'Probability that the key result reaches its target, with its top drivers' })
  @ApiErrors(400, 401, 404, 422, 429, 503)
  keyResult(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Query() q: PredictionQueryRequestDto) {
    return this.predictions.keyResult(p, id, q.asOf);
  }

  @Get('north-star-metrics/:id/forecast')
  @ApiOperation({ summary: 'The next values of the metric with 80 % and 95 % intervals' })
  @ApiErrors(400, 401, 404, 422, 429, 503)
  forecast(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Query() q: ForecastQueryRequestDto) {
    return this.predictions.forecast(p, id, q.horizon, q.origin);
  }

  @Get('north-star-metrics/:id/anomalies')
  @ApiOperation({ summary: 'An anomaly score and flag per stored value over a date range' })
  @ApiErrors(400, 401, 404, 422, 429, 503)
  anomalies(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Query() q: AnomaliesQueryRequestDto) {
    return this.predictions.anomalies(p, id, q.from, q.to);
  }

  @Post('predictions/batch')
  @HttpCode(202)
  @ApiOperation({ summary: 'Queue a batch of prediction items (the predict job payload); poll the returned job id' })
  @ApiBody({ schema: { type: 'object', properties: { items: { type: 'array', items: { type: 'object' } } } } })
  @ApiErrors(400, 401, 429, 503)
  submitBatch(@Body() body: unknown) {
    return this.batches.submit(body);
  }

  @Get('predictions/batch/:jobId')
  @ApiOperation({ summary: 'State of a prediction batch, and its outputs once completed' })
  @ApiErrors(401, 404, 429, 503)
  pollBatch(@Param('jobId') jobId: string) {
    return this.batches.poll(jobId);
  }

  @Get('models')
  @ApiOperation({ summary: 'Every model with its versions, held-out scores, cards and the live version' })
  @ApiErrors(401, 429)
  models() {
    return this.predictions.models();
  }

  @Get('models/:name')
  @ApiErrors(401, 404, 429)
  model(@Param('name') name: string) {
    return this.predictions.models(name);
  }
}
