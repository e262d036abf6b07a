import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ModelCard, ModelName } from '../artifacts/model-card';

export interface ModelVersionRow {
  version: string;
  model: ModelName;
  seed: number;
  score: number;
  scoreName: string;
  lowerIsBetter: boolean;
  metrics: Record<string, unknown>;
  card: ModelCard;
  promoted: boolean;
  createdAt: string;
}

export type PromotionAction = 'promote' | 'rollback' | 'base';

interface RawRow {
  version: string;
  model: ModelName;
  seed: number;
  score: number;
  score_name: string;
  lower_is_better: boolean;
  metrics: Record<string, unknown>;
  card: ModelCard;
  promoted: boolean;
  created_at: Date;
}

const toRow = (r: RawRow): ModelVersionRow => ({
  version: r.version,
  model: r.model,
  seed: r.seed,
  score: r.score,
  scoreName: r.score_name,
  lowerIsBetter: r.lower_is_better,
  metrics: r.metrics,
  card: r.card,
  promoted: r.promoted,
  createdAt: r.created_at.toISOString(),
});

// The registry tables (inference_model_versions, inference_promotions); the only SQL about them.
@Injectable()
export class ModelRegistryRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(model?: ModelName): Promise<ModelVersionRow[]> {
    const rows: RawRow[] = await this.dataSource.query(
      `SELECT * FROM inference_model_versions WHERE $1::text IS NULL OR model = $1 ORDER BY created_at DESC, version`,
      [model ?? null],
    );
    return rows.map(toRow);
  }

  async find(version: string): Promise<ModelVersionRow | null> {
    const rows: RawRow[] = await this.dataSource.query('SELECT * FROM inference_model_versions WHERE version = $1', [
      version,
    ]);
    return rows[0] ? toRow(rows[0]) : null;
  }

  async promoted(): Promise<Map<ModelName, ModelVersionRow>> {
    const rows: RawRow[] = await this.dataSource.query('SELECT * FROM inference_model_versions WHERE promoted');
    return new Map(rows.map((r) => [r.model, toRow(r)]));
  }

  // Retraining with the same seed and data gives the same version id: kept, not duplicated.
  async insert(row: Omit<ModelVersionRow, 'promoted' | 'createdAt'>): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO inference_model_versions (version, model, seed, score, score_name, lower_is_better, metrics, card)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (version) DO NOTHING`,
      [
        row.version,
        row.model,
        row.seed,
        row.score,
        row.scoreName,
        row.lowerIsBetter,
        JSON.stringify(row.metrics),
        JSON.stringify(row.card),
      ],
    );
  }

  async promote(model: ModelName, version: string, action: PromotionAction, reason: string): Promise<void> {
    await this.dataSource.transaction(async (manager: EntityManager) => {
      // The partial unique index allows one promoted row per model: clear first, then set.
      await manager.query('UPDATE inference_model_versions SET promoted = false WHERE model = $1 AND promoted', [
        model,
      ]);
      await manager.query('UPDATE inference_model_versions SET promoted = true WHERE version = $1 AND model = $2', [
        version,
        model,
      ]);
      await manager.query('INSERT INTO inference_promotions (model, version, action, reason) VALUES ($1, $2, $3, $4)', [
        model,
        version,
        action,
        reason,
      ]);
    });
  }

  // The version served before the current one, by the promotion history.
  async previouslyPromoted(model: ModelName, current: string): Promise<string | null> {
    const rows: { version: string }[] = await this.dataSource.query(
      `SELECT version FROM inference_promotions WHERE model = $1 AND version <> $2 ORDER BY id DESC LIMIT 1`,
      [model, current],
    );
    return rows[0]?.version ?? null;
  }

  // Serializes first-start training between processes sharing the database.
  async withLock<T>(work: () => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query(`SELECT pg_advisory_lock(hashtext('qbm-inference-registry'))`);
      return await work();
    } finally {
      await runner.query(`SELECT pg_advisory_unlock(hashtext('qbm-inference-registry'))`).catch(() => undefined);
      await runner.release();
    }
  }
}
