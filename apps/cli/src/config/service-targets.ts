// The services the doctor probes. Each has a public URL (GET /health/ready) and an ops URL where
// /health/detailed is served (the internal metrics port when the service has one; else the public URL).
export const SERVICE_NAMES = ['api', 'inference', 'notifier'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

export interface ServiceTarget {
  name: ServiceName;
  url: string;
  // A service that is not running counts against the report only when it is meant to run.
  required: boolean;
  // Where /health/detailed is served when it is not on `url`.
  opsUrl?: string;
}

export interface ServiceSettings {
  url?: string;
  opsUrl?: string;
  port: number;
}

// The API is always required. Another service is required once either of its URLs is set; unset,
// it is looked for on 127.0.0.1:<SERVICE>_PORT and not counted when absent. The API's detailed health
// is read on METRICS_PORT of the same host when that is set and QBM_API_OPS_URL is not.
export function serviceTargets(
  settings: Record<ServiceName, ServiceSettings>,
  apiMetricsPort: number | undefined,
): ServiceTarget[] {
  return SERVICE_NAMES.map((name) => {
    const { url, opsUrl, port } = settings[name];
    const target: ServiceTarget = {
      name,
      url: trimSlashes(url ?? `http://127.0.0.1:${port}`),
      required: name === 'api' || url !== undefined || opsUrl !== undefined,
    };
    if (opsUrl !== undefined) return { ...target, opsUrl: trimSlashes(opsUrl) };
    if (name === 'api' && apiMetricsPort !== undefined) {
      const onMetricsPort = new URL(target.url);
      onMetricsPort.port = String(apiMetricsPort);
      return { ...target, opsUrl: onMetricsPort.origin };
    }
    return target;
  });
}

function trimSlashes(url: string): string {
  return url.replace(/\/+$/, '');
}
