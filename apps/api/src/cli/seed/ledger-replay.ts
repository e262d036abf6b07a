import { addDays, daysBetween, isoDate } from './calendar-dates';
import { DemoApiClient, SeedRequestError } from './demo-api.client';
import { PlannedOkr } from './okr-plan';

// Points of a closed OKR's period the model is asked about: a quarter, half and three quarters in.
const AS_OF_SHARES = [0.25, 0.5, 0.75];

// Fills the quality ledger honestly: each closed OKR's prediction route is called as of past dates
// (only the check-ins up to each date count) before the OKR is closed, so the inference service
// scores those predictions against the real outcome, as it would have in production. Without an
// inference service (a 503) the replay stops after the first try and says so once.
export class LedgerReplay {
  replayed = 0;
  private available = true;

  constructor(private readonly api: DemoApiClient) {}

  async okr(plan: PlannedOkr, okrId: string): Promise<void> {
    if (!this.available) return;
    const start = new Date(`${plan.periodStart}T00:00:00Z`);
    const days = daysBetween(start, new Date(`${plan.periodEnd}T00:00:00Z`));
    for (const share of AS_OF_SHARES) {
      const asOf = isoDate(addDays(start, Math.round(days * share)));
      try {
        await this.api.get(plan.owner, `/api/v1/okrs/${okrId}/prediction?asOf=${asOf}`);
        this.replayed++;
      } catch (error) {
        if (!(error instanceof SeedRequestError)) throw error;
        // One key result the model could not serve: that date is skipped, the rest still count.
        if (error.status === 422) continue;
        if (error.status !== 503) throw error;
        this.available = false;
        this.api.log('seed: no inference service answered; past predictions are not replayed into the ledger');
        return;
      }
    }
  }
}
