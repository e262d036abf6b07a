import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, CurrentPrincipal, DomainError, type Principal } from '@qbm/http';
import { ListNotificationsRequestDto } from './dto/list-notifications.request.dto';
import { NotificationPageResponseDto } from './dto/notification.response.dto';
import { ListNotifications } from './use-cases/list-notifications.use-case';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/v1/notifications')
export class NotificationsController {
  constructor(private readonly list: ListNotifications) {}

  @Get()
  @ApiOperation({
    summary: 'Notification history, newest first, with every delivery attempt (admin)',
    description: 'Alerts concern the whole system, not one organisation, so any admin token may read them.',
  })
  @ApiOkResponse({ type: NotificationPageResponseDto })
  @ApiErrors(400, 401, 403)
  history(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListNotificationsRequestDto,
  ): Promise<NotificationPageResponseDto> {
    if (principal.role !== 'admin') {
      throw new DomainError('AUTH.ROLE_INSUFFICIENT', 'forbidden', 'The notification history needs the admin role');
    }
    return this.list.execute(query);
  }
}
