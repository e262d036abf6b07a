import { ModelRegistry1764500000000 } from './1764500000000-model-registry';
import { PredictionLedger1764500001000 } from './1764500001000-prediction-ledger';
import { ForecastLedger1764500002000 } from './1764500002000-forecast-ledger';

// Every migration, in order. Listed explicitly so compiled and ts-jest runs load the same set.
export const MIGRATIONS = [ModelRegistry1764500000000, PredictionLedger1764500001000, ForecastLedger1764500002000];
