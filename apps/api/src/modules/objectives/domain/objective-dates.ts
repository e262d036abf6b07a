import { StrategicObjective } from '../entities/strategic-objective.entity';
import { ObjectiveErrors } from '../objectives.errors';

// An objective cannot be due before it starts; either date may be left open.
export function assertDatesInOrder({
  startDate,
  targetDate,
}: Pick<StrategicObjective, 'startDate' | 'targetDate'>): void {
  if (startDate && targetDate && targetDate < startDate) throw ObjectiveErrors.datesOutOfOrder();
}

// The day an objective is marked completed, unless the caller names another.
export function completionDay(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
