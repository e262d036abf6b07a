import { Injectable } from '@nestjs/common';
import type { PredictionOutput } from '@qbm/contracts';
import type { Principal } from '@qbm/http';
import { AnomalyAlerts } from './anomaly-alerts.service';
import { type KeyResultInput, PredictionInputsRepository } from './prediction-inputs.repository';
import { PredictionClient } from './prediction-client.service';
import { PredictionErrors } from './predictions.errors';

type Driver = { feature: string; value: number; contribution: number };

const today = (): string => new Date().toISOString().slice(0, 10);
// A bare date means the end of that day: its check-ins count.
const endOf = (day: string): string => `${day}T23:59:59.999Z`;

const history = (kr: KeyResultInput) => ({
  baselineValue: kr.baselineValue,
  targetValue: kr.targetValue,
  periodStart: kr.periodStart,
  periodEnd: kr.periodEnd,
  checkIns: kr.checkIns,
});

// Builds each model's input from the organisation's own data as of a date, and shapes the answer.
@Injectable()
export class PredictionsService {
  constructor(
    private readonly inputs: PredictionInputsRepository,
    private readonly client: PredictionClient,
    private readonly alerts: AnomalyAlerts,
  ) {}

  async okr(p: Principal, okrId: string, asOf = today()) {
    const keyResults = await this.inputs.okrKeyResults(p.organizationId, okrId, endOf(asOf));
    if (!keyResults) throw PredictionErrors.okrNotFound(okrId);
    if (keyResults.length === 0) throw PredictionErrors.noKeyResults();
    const served = await this.client.predict({
      kind: 'okr',
      id: okrId,
      asOf,
      keyResults: keyResults.map((kr) => ({ ...history(kr), id: kr.id, weight: kr.weight })),
    });
    await this.record(p, served.model, served.modelVersion, asOf, [
      { targetType: 'okr', targetId: okrId, probability: served.output.probability },
      ...served.output.keyResults.map((kr) => ({
        targetType: 'key-result' as const,
        targetId: kr.id,
        probability: kr.probability,
      })),
    ]);
    const drivers = served.output.keyResults
      .flatMap((kr) => kr.drivers.map((driver: Driver) => ({ ...driver, keyResultId: kr.id })))
      .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution))
      .slice(0, 3);
    return {
      okrId,
      asOf,
      probability: served.output.probability,
      expectedScore: served.output.expectedScore,
      drivers,
      keyResults: served.output.keyResults.map((kr) => ({
        keyResultId: kr.id,
        probability: kr.probability,
        drivers: kr.drivers,
      })),
      model: served.model,
      modelVersion: served.modelVersion,
      cached: served.cached,
    };
  }

  async keyResult(p: Principal, keyResultId: string, asOf = today()) {
    const kr = await this.inputs.keyResult(p.organizationId, keyResultId, endOf(asOf));
    if (!kr) throw PredictionErrors.keyResultNotFound(keyResultId);
    const served = await this.client.predict({ kind: 'key-result', id: keyResultId, asOf, history: history(kr) });
    await this.record(p, served.model, served.modelVersion, asOf, [
      { targetType: 'key-result', targetId: keyResultId, probability: served.output.probability },
    ]);
    const latest = kr.checkIns.at(-1);
    return {
      keyResultId,
      okrId: kr.okrId,
      asOf,
      probability: served.output.probability,
      drivers: served.output.drivers,
      ownerConfidence: latest?.confidence ?? null,
      // The guide's disagreement flag: the owner and the model differ by more than 0.3.
      confidenceDisagreement: latest ? Math.abs(latest.confidence - served.output.probability) > 0.3 : false,
      model: served.model,
      modelVersion: served.modelVersion,
      cached: served.cached,
    };
  }

  // Every served OKR and key-result prediction goes to the quality ledger. Best effort: the answer
  // is not withheld when the ledger is unavailable (the inference service has not migrated yet).
  private async record(
    p: Principal,
    model: string,
    modelVersion: string,
    asOf: string,
    targets: { targetType: 'okr' | 'key-result'; targetId: string; probability: number }[],
  ): Promise<void> {
    await this.inputs
      .recordPredictions(targets.map((t) => ({ ...t, organizationId: p.organizationId, model, modelVersion, asOf })))
      .catch(() => undefined);
  }

  async forecast(p: Principal, metricId: string, horizon = 12, origin?: string) {
    const metric = await this.inputs.metric(p.organizationId, metricId, origin);
    if (!metric) throw PredictionErrors.metricNotFound(metricId);
    const served = await this.client.predict({
      kind: 'forecast',
      id: metricId,
      horizon,
      history: { frequency: metric.frequency, values: metric.values },
      ...(origin ? { origin } : {}),
    });
    // Into the ledger, best effort like the OKR predictions: scored when each date's actual arrives.
    if (served.output.lastObserved) {
      await this.inputs
        .recordForecast({
          organizationId: p.organizationId,
          metricId,
          model: served.model,
          modelVersion: served.modelVersion,
          origin: served.output.lastObserved,
          points: served.output.points,
        })
        .catch(() => undefined);
    }
    return {
      metricId,
      frequency: metric.frequency,
      horizon,
      lastObserved: served.output.lastObserved,
      method: served.output.method,
      points: served.output.points,
      model: served.model,
      modelVersion: served.modelVersion,
      cached: served.cached,
    };
  }

  async anomalies(p: Principal, metricId: string, from?: string, to?: string) {
    const metric = await this.inputs.metric(p.organizationId, metricId, to);
    if (!metric) throw PredictionErrors.metricNotFound(metricId);
    const served = await this.client.predict({
      kind: 'anomaly',
      id: metricId,
      history: { frequency: metric.frequency, values: metric.values },
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    });
    const values: Extract<PredictionOutput, { kind: 'anomaly' }>['values'] = served.output.values;
    if (metric.isPrimary) await this.alerts.raiseNew(p.organizationId, metricId, values);
    return {
      metricId,
      values,
      flagged: values.filter((v) => v.flagged).length,
      model: served.model,
      modelVersion: served.modelVersion,
      cached: served.cached,
    };
  }

  // One model with live quality per version: what its served predictions scored once their OKRs closed,
  // or, for a forecast model, its forecast points once their actual values arrived.
  async model(p: Principal, name: string) {
    const [model] = await this.models(name);
    if (!model) throw PredictionErrors.modelNotFound(name);
    const [quality, forecastQuality] = await Promise.all([
      this.inputs.liveQuality(p.organizationId, name),
      this.inputs.forecastLiveQuality(p.organizationId, name),
    ]);
    const liveQuality = (version: string) => quality.get(version) ?? forecastQuality.get(version) ?? null;
    // One element, as GET /models/{name} has always answered: a list shaped like GET /models.
    return [{ ...model, versions: model.versions.map((v) => ({ ...v, liveQuality: liveQuality(v.version) })) }];
  }

  async models(name?: string) {
    const rows = await this.inputs.modelVersions(name);
    if (name && rows.length === 0) throw PredictionErrors.modelNotFound(name);
    const byModel = new Map<string, typeof rows>();
    for (const row of rows) byModel.set(row.model, [...(byModel.get(row.model) ?? []), row]);
    return [...byModel].map(([model, versions]) => ({
      model,
      live: versions.find((v) => v.promoted)?.version ?? null,
      versions,
    }));
  }
}
