import { writeArtifact } from '../artifacts/artifact-directory';
import { MODEL_NAMES, type ModelName } from '../artifacts/model-card';
import type { ActiveBackend } from '../backend/tfjs-backend';
import { metricAnomalyReport } from '../evaluation/metric-anomaly.report';
import { metricForecastReport } from '../evaluation/metric-forecast.report';
import type { ModelReport } from '../evaluation/model-report';
import { okrAchievementReport } from '../evaluation/okr-achievement.report';
import { loadServedModel } from '../serving/loaded-models';
import { beats, heldOutScore, type HeldOutScore } from './held-out-score';
import type { OnTrainingProgress } from './training-progress';
import type { ModelRegistryRepository, ModelVersionRow } from './model-registry.repository';

export interface TrainedVersion {
  version: string;
  score: HeldOutScore;
  report: ModelReport;
}

export interface PromotionDecision {
  promoted: boolean;
  version: string;
  reason: string;
}

export class PromotionRefusedError extends Error {
  readonly code = 'MODEL.NOT_BETTER';
}

const describe = (s: HeldOutScore): string => `${s.name} ${s.value.toFixed(4)}`;

// Train → register → promote (only when better on the same held-out set) → rollback. Shared by the
// CLI and the service's first start; artifacts go to modelDir, metadata to the registry tables.
export class ModelLifecycle {
  constructor(
    private readonly registry: ModelRegistryRepository,
    private readonly modelDir: string,
    private readonly backend: ActiveBackend,
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  // onProgress hears the network's epochs and steps, then the stages after training.
  async train(
    name: ModelName,
    seed: number,
    onProgress: OnTrainingProgress = () => undefined,
  ): Promise<TrainedVersion> {
    this.log(`train ${name}: seed ${seed}, simulator data`);
    const stages = (done: number): void => onProgress({ stage: 'train, evaluate, save, score', done, total: 4 });
    const report = await this.report(name, seed, onProgress);
    stages(2);
    await writeArtifact(this.modelDir, report.files, report.card);
    const served = await loadServedModel(name, this.modelDir, report.card.version);
    stages(3);
    const score = heldOutScore(name, seed, served);
    stages(4);
    await this.registry.insert({
      version: report.card.version,
      model: name,
      seed,
      score: score.value,
      scoreName: score.name,
      lowerIsBetter: score.lowerIsBetter,
      metrics: report.card.metrics,
      card: report.card,
    });
    this.log(`train ${name}: version ${report.card.version}, held-out ${describe(score)}`);
    return { version: report.card.version, score, report };
  }

  // The candidate and the live version are scored on the candidate's held-out set: the live one
  // never trained on it, since seeds differ (same seed, same data: same version id).
  async promote(name: ModelName, version: string): Promise<PromotionDecision> {
    const candidate = await this.registry.find(version);
    if (candidate?.model !== name) throw new Error(`no version ${version} of ${name} in the registry`);
    const current = (await this.registry.promoted()).get(name);
    if (current?.version === version) return { promoted: false, version, reason: 'already promoted' };
    if (!current) {
      await this.registry.promote(name, version, 'promote', 'no version was promoted');
      return { promoted: true, version, reason: 'no version was promoted' };
    }
    const candidateScore = this.scoreOf(candidate);
    const currentScore = heldOutScore(
      name,
      candidate.seed,
      await loadServedModel(name, this.modelDir, current.version),
    );
    const comparison = `${version} ${describe(candidateScore)} vs ${current.version} ${describe(currentScore)} on seed ${candidate.seed}'s held-out set`;
    if (!beats(candidateScore, currentScore)) throw new PromotionRefusedError(`not promoted: ${comparison}`);
    await this.registry.promote(name, version, 'promote', comparison);
    return { promoted: true, version, reason: comparison };
  }

  async rollback(name: ModelName): Promise<PromotionDecision> {
    const current = (await this.registry.promoted()).get(name);
    if (!current) throw new Error(`${name} has no promoted version to roll back`);
    const previous = await this.registry.previouslyPromoted(name, current.version);
    if (!previous) throw new Error(`${name} has no earlier promoted version`);
    const reason = `rolled back from ${current.version}`;
    await this.registry.promote(name, previous, 'rollback', reason);
    return { promoted: true, version: previous, reason };
  }

  // A fresh install: every model without a promoted version is trained on the simulator with the
  // base seed and promoted. Deterministic by seed, so every install gets the same versions.
  async ensureBaseModels(seed: number): Promise<ModelName[]> {
    return this.registry.withLock(async () => {
      const promoted = await this.registry.promoted();
      const trained: ModelName[] = [];
      for (const name of MODEL_NAMES) {
        if (promoted.has(name)) continue;
        const { version } = await this.train(name, seed);
        await this.registry.promote(name, version, 'base', `base model trained on the simulator, seed ${seed}`);
        trained.push(name);
      }
      return trained;
    });
  }

  private scoreOf(row: ModelVersionRow): HeldOutScore {
    return { name: row.scoreName, value: row.score, lowerIsBetter: row.lowerIsBetter };
  }

  private async report(name: ModelName, seed: number, onProgress: OnTrainingProgress): Promise<ModelReport> {
    switch (name) {
      case 'okr-achievement':
        return okrAchievementReport(seed, this.backend, onProgress);
      case 'metric-forecast':
        return metricForecastReport(seed);
      case 'metric-anomaly':
        return metricAnomalyReport(seed);
      default:
        throw new Error(`unknown model ${String(name)}`);
    }
  }
}
