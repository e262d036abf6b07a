// One line of the report: passes by returning, fails by throwing (the message is printed indented).
export interface Check {
  name: string;
  run: () => void;
}

// A check that cannot run here (a tool is missing): a skip, or a failure with --strict.
export class SkipCheck extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SkipCheck';
  }
}
