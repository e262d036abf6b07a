import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readArtifactFile, readModelCard, versionId, writeArtifact } from './artifact-directory';
import { ModelCard } from './model-card';

describe('artifact directory', () => {
  it('names a version by its content', () => {
    const files = { 'a.json': Buffer.from('{"x":1}'), 'b.bin': Buffer.from([1, 2, 3]) };
    expect(versionId('metric-anomaly', files)).toBe(
      versionId('metric-anomaly', { 'b.bin': files['b.bin'], 'a.json': files['a.json'] }),
    );
    expect(versionId('metric-anomaly', { ...files, 'b.bin': Buffer.from([1, 2, 4]) })).not.toBe(
      versionId('metric-anomaly', files),
    );
    expect(versionId('metric-forecast', files)).toMatch(/^metric-forecast-[0-9a-f]{12}$/);
  });

  it('writes the files and the card into <root>/<version> and reads them back', async () => {
    const root = await mkdtemp(join(tmpdir(), 'qbm-artifact-'));
    try {
      const files = { 'detector.json': Buffer.from('{"threshold":5}\n') };
      const card: ModelCard = {
        model: 'metric-anomaly',
        version: versionId('metric-anomaly', files),
        createdAt: '2026-01-01T00:00:00.000Z',
        seed: 1,
        backend: null,
        trainingSeconds: 0.5,
        method: 'm',
        selection: 's',
        data: { source: 'simulator', description: 'd', sizes: { series: 3 } },
        features: [],
        metrics: { f1: 0.5 },
      };
      const directory = await writeArtifact(root, files, card);
      expect(await readdir(root)).toEqual([card.version]);
      expect(await readModelCard(directory)).toEqual(card);
      expect((await readArtifactFile(directory, 'detector.json')).equals(files['detector.json'])).toBe(true);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
