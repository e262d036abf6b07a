// The suite starts real processes (two services, nginx, Prometheus, Alertmanager) on a loaded two-core machine.
jest.setTimeout(120_000);
