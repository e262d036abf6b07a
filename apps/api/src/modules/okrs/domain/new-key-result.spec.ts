import { newKeyResultFields } from './new-key-result';

describe('newKeyResultFields', () => {
  const draft = { statement: 'Ship it', type: 'metric', baselineValue: 0, targetValue: 10, owner: 'lee' } as const;

  it('applies the defaults and starts unscored by any check-in', () => {
    expect(newKeyResultFields('acme', 'okr-1', draft)).toEqual({
      organizationId: 'acme',
      okrId: 'okr-1',
      statement: 'Ship it',
      type: 'metric',
      baselineValue: 0,
      targetValue: 10,
      currentValue: 0,
      unit: '',
      weight: 1,
      owner: 'lee',
      dueDate: null,
      progress: 0,
      status: 'not_started',
    });
  });

  it('scores a given current value and keeps a given creation time', () => {
    const createdAt = new Date('2026-01-01T00:00:00.001Z');
    expect(newKeyResultFields('acme', 'okr-1', { ...draft, currentValue: 4, weight: 3 }, createdAt)).toMatchObject({
      currentValue: 4,
      weight: 3,
      progress: 0.4,
      status: 'not_started',
      createdAt,
    });
  });
});
