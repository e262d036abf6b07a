import { AlertBatch } from '../notifications/entities/alert-batch.entity';
import { DeliveryAttempt } from '../notifications/entities/delivery-attempt.entity';
import { Notification } from '../notifications/entities/notification.entity';

export const ENTITIES = [AlertBatch, Notification, DeliveryAttempt];
