// How far a training run is: `done` of `total` steps of its current stage (epochs of batches for the
// network, one step per fitted series for classical models). Called often; must be cheap.
export interface TrainingProgress {
  stage: string;
  done: number;
  total: number;
  // Shown beside the counts: "epoch 3/30".
  detail?: string;
}

export type OnTrainingProgress = (progress: TrainingProgress) => void;
