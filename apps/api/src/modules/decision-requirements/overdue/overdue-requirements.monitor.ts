import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { JobProducer } from '@qbm/queues';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { ApiConfig } from '../../../config/api.config';
import { overdueRequirementAlert, overdueSince, type OverdueRequirementRow } from './overdue-alert';

const LOCK_KEY = 'qbm:lock:overdue-requirements';
const BATCH = 500;
const OPEN = `status IN ('draft', 'submitted')`;
const TODAY_UTC = `(now() AT TIME ZONE 'UTC')::date`;
const COLUMNS = `id, organization_id AS "organizationId", code, title, requirement_type AS type, status,
  to_char(required_by, 'YYYY-MM-DD') AS "requiredBy"`;

export interface OverdueScan {
  // false when another replica holds this interval's lock.
  ran: boolean;
  fired: number;
  resolved: number;
}

// Raises one internal alert (a `raise-alert` job for the notifier) when a decision requirement is
// still open after its required-by day, and one resolved alert when it is decided, cancelled or
// given a later date. Every REQUIREMENT_OVERDUE_SCAN_SECONDS one replica scans (a Redis lock that
// expires with the interval). The job is enqueued before the row is marked, and its id is derived
// from the alert, so a crash between the two re-sends a notice the queue drops as a duplicate.
@Injectable()
export class OverdueRequirementsMonitor implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OverdueRequirementsMonitor.name);
  private timer: NodeJS.Timeout | undefined;
  private scanning: Promise<unknown> | undefined;
  private failingSince: number | undefined;

  constructor(
    private readonly config: ApiConfig,
    private readonly dataSource: DataSource,
    private readonly redis: Redis,
    private readonly producer: JobProducer,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = this.config.requirementOverdueScanSeconds;
    if (seconds === 0) return;
    this.timer = setInterval(() => {
      if (this.scanning) return;
      this.scanning = this.scan()
        .catch((error: unknown) => this.failed(error))
        .finally(() => (this.scanning = undefined));
    }, seconds * 1000);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.scanning;
  }

  // One pass; the lock makes it a no-op on the other replicas within the same interval.
  async scan(options: { force?: boolean } = {}): Promise<OverdueScan> {
    const lockMs = Math.max(1, this.config.requirementOverdueScanSeconds) * 1000 - 100;
    if (!options.force) {
      const locked = await this.redis.set(LOCK_KEY, String(process.pid), 'PX', lockMs, 'NX');
      if (locked !== 'OK') return { ran: false, fired: 0, resolved: 0 };
    }
    const fired = await this.fireOverdue();
    const resolved = await this.resolveSettled();
    if (this.failingSince !== undefined) {
      this.logger.log(`overdue scan works again after ${Math.round((Date.now() - this.failingSince) / 1000)} s`);
      this.failingSince = undefined;
    }
    if (fired + resolved > 0) this.logger.log({ fired, resolved }, 'overdue decision requirements: alerts raised');
    return { ran: true, fired, resolved };
  }

  private async fireOverdue(): Promise<number> {
    const rows: OverdueRequirementRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM decision_requirements
       WHERE ${OPEN} AND required_by < ${TODAY_UTC} AND overdue_alert_started_at IS NULL
       ORDER BY required_by LIMIT ${BATCH}`,
    );
    for (const row of rows) {
      await this.producer.enqueue('raise-alert', overdueRequirementAlert(row, { status: 'firing' }));
      await this.dataSource.query(
        `UPDATE decision_requirements SET overdue_alert_started_at = $2
         WHERE id = $1 AND overdue_alert_started_at IS NULL`,
        [row.id, overdueSince(row.requiredBy ?? '')],
      );
    }
    return rows.length;
  }

  private async resolveSettled(): Promise<number> {
    const rows: Array<OverdueRequirementRow & { startedAt: Date; settledAt: Date | null }> =
      await this.dataSource.query(
        `SELECT ${COLUMNS}, overdue_alert_started_at AS "startedAt", COALESCE(decided_at, cancelled_at) AS "settledAt"
         FROM decision_requirements
         WHERE overdue_alert_started_at IS NOT NULL
           AND (NOT (${OPEN}) OR required_by IS NULL OR required_by >= ${TODAY_UTC})
         LIMIT ${BATCH}`,
      );
    for (const row of rows) {
      const endsAt = row.settledAt ?? new Date();
      await this.producer.enqueue(
        'raise-alert',
        overdueRequirementAlert(row, { status: 'resolved', startsAt: row.startedAt, endsAt }),
      );
      await this.dataSource.query(
        `UPDATE decision_requirements SET overdue_alert_started_at = NULL
         WHERE id = $1 AND overdue_alert_started_at = $2`,
        [row.id, row.startedAt],
      );
    }
    return rows.length;
  }

  // Postgres or Redis away: logged when it starts failing and when it works again, tried every interval.
  private failed(error: unknown): void {
    if (this.failingSince !== undefined) return;
    this.failingSince = Date.now();
    const cause = error instanceof Error ? error.message : String(error);
    this.logger.error({ cause }, 'overdue scan failed; retrying every interval');
  }
}
