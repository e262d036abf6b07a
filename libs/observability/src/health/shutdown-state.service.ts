import { Injectable, type BeforeApplicationShutdown } from '@nestjs/common';

// Flips to draining as soon as shutdown starts (needs app.enableShutdownHooks()), so readiness
// answers 503 and the load balancer stops sending traffic before connections close.
@Injectable()
export class ShutdownState implements BeforeApplicationShutdown {
  private draining = false;

  get isDraining(): boolean {
    return this.draining;
  }

  beforeApplicationShutdown(): void {
    this.draining = true;
  }
}
