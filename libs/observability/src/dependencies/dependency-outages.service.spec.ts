import { Logger } from '@nestjs/common';
import { Counter, Registry } from 'prom-client';
import { CardinalityGuard } from '../metrics/cardinality-guard';
import { DependencyOutages } from './dependency-outages.service';

function outages(): { service: DependencyOutages; registry: Registry } {
  const registry = new Registry();
  const errors = new Counter({
    name: 'dependency_errors_total',
    help: 'h',
    labelNames: ['dependency', 'reason'],
    registers: [registry],
  });
  const folded = new Counter({
    name: 'folded_total',
    help: 'h',
    labelNames: ['metric', 'label'],
    registers: [registry],
  });
  const service = new DependencyOutages(errors, new CardinalityGuard(folded, 50));
  return { service, registry };
}

describe('DependencyOutages', () => {
  let errorLines: jest.SpyInstance;
  let infoLines: jest.SpyInstance;
  beforeEach(() => {
    errorLines = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    infoLines = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('logs one line when an outage starts and one when it ends, and counts every failure', async () => {
    const { service, registry } = outages();
    for (let i = 0; i < 500; i += 1) service.failed('database', 'unreachable', new Error('ECONNREFUSED'));
    expect(service.isDown('database')).toBe(true);
    service.succeeded('database', Date.now() + 1);
    service.succeeded('database', Date.now() + 1);

    expect(errorLines).toHaveBeenCalledTimes(1);
    expect(infoLines).toHaveBeenCalledTimes(1);
    expect(service.isDown('database')).toBe(false);
    const metric = await registry.getSingleMetric('dependency_errors_total')?.get();
    expect(metric?.values).toEqual([{ labels: { dependency: 'database', reason: 'unreachable' }, value: 500 }]);
  });

  it('is not ended by a call that was under way when the outage began', () => {
    const { service } = outages();
    const beforeOutage = Date.now() - 50;
    service.failed('database', 'connection_lost', new Error('read ECONNRESET'));
    service.succeeded('database', beforeOutage);
    expect(service.isDown('database')).toBe(true);
    service.failed('database', 'connection_lost', new Error('Connection terminated unexpectedly'));
    expect(errorLines).toHaveBeenCalledTimes(1);
    service.succeeded('database', Date.now() + 1);
    expect(service.isDown('database')).toBe(false);
    expect(infoLines).toHaveBeenCalledTimes(1);
  });

  it('keeps outages of different dependencies apart', () => {
    const { service } = outages();
    service.failed('database', 'unreachable');
    service.failed('smtp', 'timeout');
    service.succeeded('database', Date.now() + 1);
    expect(service.isDown('database')).toBe(false);
    expect(service.isDown('smtp')).toBe(true);
    expect(errorLines).toHaveBeenCalledTimes(2);
  });
});
