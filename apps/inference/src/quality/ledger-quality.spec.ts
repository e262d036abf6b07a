import { forecastMape, ledgerQuality } from './ledger-quality';

describe('ledgerQuality', () => {
  it('computes accuracy, precision, recall, F1 and Brier from scored predictions', () => {
    const quality = ledgerQuality([
      { probability: 0.9, outcome: true },
      { probability: 0.8, outcome: false },
      { probability: 0.3, outcome: true },
      { probability: 0.1, outcome: false },
    ]);
    expect(quality).toEqual({
      count: 4,
      accuracy: 0.5,
      precision: 0.5,
      recall: 0.5,
      f1: 0.5,
      brier: (0.01 + 0.64 + 0.49 + 0.01) / 4,
    });
  });

  it('has nothing to say without scored predictions', () => {
    expect(ledgerQuality([])).toBeNull();
  });
});

describe('forecastMape', () => {
  it('averages the absolute percentage errors, leaving out zero actuals', () => {
    expect(
      forecastMape([
        { forecast: 110, actual: 100 },
        { forecast: 40, actual: 50 },
        { forecast: 5, actual: 0 },
      ]),
    ).toEqual({ count: 2, mape: (0.1 + 0.2) / 2 });
  });

  it('has nothing to say without a scorable forecast', () => {
    expect(forecastMape([{ forecast: 1, actual: 0 }])).toBeNull();
  });
});
