import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@qbm/http';
import { PublicRoute } from '@qbm/observability';
import { alertGroupFromWebhook } from '../alerts/alertmanager/alertmanager-group.mapper';
import {
  type AlertmanagerWebhook,
  alertmanagerWebhookSchema,
} from '../alerts/alertmanager/alertmanager-webhook.schema';
import { ZodBodyPipe } from '../common/zod-body.pipe';
import { AcceptedAlertsResponseDto } from './dto/accepted-alerts.response.dto';
import { AcceptAlertGroup } from './use-cases/accept-alert-group.use-case';
import { WebhookTokenGuard } from './webhook-token.guard';

const WEBHOOK_BODY = {
  type: 'object',
  required: ['version', 'groupKey', 'status', 'receiver', 'groupLabels', 'commonLabels', 'commonAnnotations', 'alerts'],
  description: "Alertmanager's webhook payload, version 4",
  properties: {
    version: { type: 'string', enum: ['4'] },
    groupKey: { type: 'string' },
    truncatedAlerts: { type: 'integer' },
    status: { type: 'string', enum: ['firing', 'resolved'] },
    receiver: { type: 'string' },
    groupLabels: { type: 'object', additionalProperties: { type: 'string' } },
    commonLabels: { type: 'object', additionalProperties: { type: 'string' } },
    commonAnnotations: { type: 'object', additionalProperties: { type: 'string' } },
    externalURL: { type: 'string' },
    alerts: { type: 'array', minItems: 1, maxItems: 1000, items: { type: 'object' } },
  },
};

// Public to the JWT guard: Alertmanager authenticates with the webhook token instead.
@ApiTags('alerts')
@ApiBearerAuth()
@PublicRoute()
@UseGuards(WebhookTokenGuard)
@Controller('api/v1/alerts')
export class AlertmanagerWebhookController {
  constructor(private readonly accept: AcceptAlertGroup) {}

  @Post('alertmanager')
  @HttpCode(200)
  @ApiOperation({
    summary: "Alertmanager's webhook receiver",
    description:
      'Stores the group and its notifications, then answers 200; delivery follows. 503 (DATABASE.UNAVAILABLE) only when the group could not be stored, so Alertmanager retries.',
  })
  @ApiBody({ schema: WEBHOOK_BODY })
  @ApiOkResponse({ type: AcceptedAlertsResponseDto })
  @ApiErrors(400, 401, 503)
  async receive(
    @Body(new ZodBodyPipe(alertmanagerWebhookSchema)) webhook: AlertmanagerWebhook,
  ): Promise<AcceptedAlertsResponseDto> {
    const stored = await this.accept.execute(alertGroupFromWebhook(webhook));
    const queued = stored.notifications.filter((notification) => notification.state === 'pending').length;
    return { status: 'accepted', batchId: stored.batchId, duplicate: stored.duplicate, notifications: queued };
  }
}
