import { sampleValue } from './exposition-sample';

describe('sampleValue', () => {
  const text = [
    '# HELP a_total A.',
    '# TYPE a_total counter',
    'a_total{queue="alerts",result="failed"} 2',
    'a_total{queue="alerts",result="completed"} 5',
    'b 1.5',
  ].join('\n');

  it('finds a series by name and labels, and says undefined for one that is absent', () => {
    expect(sampleValue(text, 'a_total', { result: 'completed' })).toBe(5);
    expect(sampleValue(text, 'b')).toBe(1.5);
    expect(sampleValue(text, 'a_total', { result: 'invalid' })).toBeUndefined();
    expect(sampleValue(text, 'c')).toBeUndefined();
  });
});
