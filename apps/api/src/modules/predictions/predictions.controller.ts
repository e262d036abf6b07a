import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, CurrentPrincipal, type Principal, uuidParam } from '@qbm/http';
import { AnomaliesQueryRequestDto } from './dto/anomalies-query.request.dto';
import { ForecastQueryRequestDto } from './dto/forecast-query.request.dto';
import { PromoteModelRequestDto } from './dto/promote-model.request.dto';
import { TrainModelRequestDto } from './dto/train-model.request.dto';
import { ModelLifecycleService } from './model-lifecycle.service';
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
    private readonly lifecycle: ModelLifecycleService,
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
  @ApiBody({
    schema: {
      type: 'object',
      additionalProperties: false,
      required: ['items'],
      properties: {
        items: {
          type: 'array',
          minItems: 1,
          maxItems: 10_000,
          description: 'Prediction items as the predict job contract (libs/contracts) defines them',
          items: { type: 'object' },
        },
      },
    },
  })
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
  @ApiOperation({ summary: 'A model: versions, held-out scores, cards, the live version and live quality per version' })
  @ApiErrors(401, 404, 429)
  model(@CurrentPrincipal() p: Principal, @Param('name') name: string) {
    return this.predictions.model(p, name);
  }

  @Post('models/:name/train')
  @HttpCode(202)
  @ApiOperation({ summary: 'Train a new version on the simulator as a job (admin); poll the returned job id' })
  @ApiErrors(400, 401, 403, 404, 429, 503)
  train(@CurrentPrincipal() p: Principal, @Param('name') name: string, @Body() dto: TrainModelRequestDto) {
    return this.lifecycle.train(p, name, dto.seed, dto.promote);
  }

  @Post('models/:name/promote')
  @HttpCode(202)
  @ApiOperation({ summary: 'Serve a version if it beats the live one on its held-out set, as a job (admin)' })
  @ApiErrors(400, 401, 403, 404, 429, 503)
  promote(@CurrentPrincipal() p: Principal, @Param('name') name: string, @Body() dto: PromoteModelRequestDto) {
    return this.lifecycle.promote(p, name, dto.version);
  }

  @Post('models/:name/rollback')
  @HttpCode(202)
  @ApiOperation({ summary: 'Serve the version promoted before the live one, as a job (admin)' })
  @ApiErrors(401, 403, 404, 429, 503)
  rollback(@CurrentPrincipal() p: Principal, @Param('name') name: string) {
    return this.lifecycle.rollback(p, name);
  }

  @Get('models/:name/jobs/:jobId')
  @ApiOperation({ summary: 'State of a train, promote or rollback job, and its result once done (admin)' })
  @ApiErrors(401, 403, 404, 429, 503)
  lifecycleJob(@CurrentPrincipal() p: Principal, @Param('name') name: string, @Param('jobId') jobId: string) {
    return this.lifecycle.poll(p, name, jobId);
  }
}
