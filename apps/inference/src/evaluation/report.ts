// Trains the three base models on the simulator with a fixed seed and prints each one's held-out
// figures beside its baselines: `pnpm --filter @qbm/inference run evaluate [--seed N] [--out DIR]`.
import { writeArtifact } from '../artifacts/artifact-directory';
import { activateBackend } from '../backend/tfjs-backend';
import { evaluationConfig } from '../config/evaluation.config';
import { metricAnomalyReport } from './metric-anomaly.report';
import { metricForecastReport } from './metric-forecast.report';
import { ModelReport } from './model-report';
import { okrAchievementReport } from './okr-achievement.report';

async function main(): Promise<void> {
  const config = evaluationConfig(process.argv.slice(2), process.env);
  const backend = await activateBackend(config.backend);
  if (backend.fallbackReason)
    process.stderr.write(`TensorFlow.js: using ${backend.backend} (${backend.fallbackReason})\n`);
  process.stdout.write(`seed ${config.seed}, TensorFlow.js backend ${backend.backend}\n\n`);
  const reports: ModelReport[] = [];
  reports.push(await okrAchievementReport(config.seed, backend));
  reports.push(metricForecastReport(config.seed));
  reports.push(metricAnomalyReport(config.seed));
  for (const report of reports) {
    process.stdout.write(`${report.text}\n  version ${report.card.version}\n\n`);
    if (config.outputDirectory) {
      const directory = await writeArtifact(config.outputDirectory, report.files, report.card);
      process.stdout.write(`  written to ${directory}\n\n`);
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
