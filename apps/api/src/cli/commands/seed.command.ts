import { ApiConfig } from '../../config/api.config';

// Placeholder until the demo organisation generator lands.
export function seedCommand(_config: ApiConfig, _argv: string[], log: (line: string) => void): Promise<void> {
  log('seed: not implemented yet');
  return Promise.resolve();
}
