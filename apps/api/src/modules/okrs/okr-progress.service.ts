import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { keyResultProgress } from './domain/key-result-progress';
import { keyResultStatus } from './domain/key-result-status';
import { okrProgress } from './domain/okr-progress';
import { KeyResult } from './entities/key-result.entity';
import { Okr } from './entities/okr.entity';
import { CheckInsRepository } from './check-ins.repository';
import { KeyResultsRepository } from './key-results.repository';
import { OkrsRepository } from './okrs.repository';

// Keeps stored progress and status in line with the rules. Call inside the writing transaction,
// with the OKR row locked.
@Injectable()
export class OkrProgressService {
  constructor(
    private readonly okrs: OkrsRepository,
    private readonly keyResults: KeyResultsRepository,
    private readonly checkIns: CheckInsRepository,
  ) {}

  // `latestConfidence`: of the key result's latest check-in, null before any.
  applyKeyResultRules(keyResult: KeyResult, latestConfidence: number | null): void {
    keyResult.progress = keyResultProgress(keyResult);
    keyResult.status = keyResultStatus(keyResult.progress, latestConfidence);
  }

  async refreshKeyResult(manager: EntityManager, keyResult: KeyResult): Promise<void> {
    const latest = await this.checkIns.latest(manager, keyResult.id);
    this.applyKeyResultRules(keyResult, latest?.confidence ?? null);
  }

  // After the key result rows are written: the OKR's progress from all of them.
  async refreshOkr(manager: EntityManager, okr: Okr): Promise<Okr> {
    okr.progress = okrProgress(await this.keyResults.weightsAndProgress(manager, okr.id));
    return this.okrs.save(manager, okr);
  }
}
