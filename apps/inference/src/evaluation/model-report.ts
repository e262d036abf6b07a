import { ArtifactFiles } from '../artifacts/artifact-directory';
import { ModelCard } from '../artifacts/model-card';

// One model's training and held-out evaluation: its card, its artifact files and the printed report.
export interface ModelReport {
  card: ModelCard;
  files: ArtifactFiles;
  text: string;
}
