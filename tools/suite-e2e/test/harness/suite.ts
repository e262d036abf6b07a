import {
  AlertmanagerProcess,
  freePort,
  PrivateRedis,
  SlackStandIn,
  SmtpSink,
  TcpProxy,
  testPostgresServerUrl,
  waitFor,
} from '@qbm/testing';
import Redis from 'ioredis';
import { ExporterProcess } from './exporter-process';
import { GatewayProcess, type GatewayOptions } from './gateway-process';
import { PrometheusProcess } from './prometheus-process';
import { paths } from './repository-paths';
import { ServiceProcess } from './service-process';
import {
  baseEnvironment,
  inferenceEnvironment,
  SUITE_EMAIL_TO,
  SUITE_METRICS_TOKEN,
  SUITE_WEBHOOK_TOKEN,
  suiteDatabaseUrl,
} from './suite-environment';

export interface SuiteOptions {
  // Prometheus and Alertmanager too (the alert path); the gateway tests need only the services.
  monitoring?: boolean;
  gateway?: Partial<Omit<GatewayOptions, 'apiUpstream' | 'notifierUpstream'>>;
}

// The suite as its users run it: the built API, notifier and inference service (production mode, shipped routing
// file) and their own Redis behind the real nginx gateway, Slack and SMTP stand-ins for the outside world and, with
// `monitoring`, a real Prometheus (the shipped configuration), Alertmanager and the exporters. The API reaches Postgres through a proxy so a
// test can take its database away; the notifier's path stays up.
export class Suite {
  private readonly stoppable: Array<{ stop(): Promise<void> }> = [];
  slack!: SlackStandIn;
  smtp!: SmtpSink;
  apiDatabase!: TcpProxy;
  api!: ServiceProcess;
  notifier!: ServiceProcess;
  inference!: ServiceProcess;
  gateway!: GatewayProcess;
  alertmanager?: AlertmanagerProcess;
  prometheus?: PrometheusProcess;
  redisServer!: PrivateRedis;
  redis!: Redis;

  static async start(options: SuiteOptions = {}): Promise<Suite> {
    const suite = new Suite();
    try {
      await suite.boot(options);
    } catch (error) {
      await suite.stop();
      throw error;
    }
    return suite;
  }

  private async boot(options: SuiteOptions): Promise<void> {
    // A redis-server of the suite's own: empty at start, and with a memory limit as in production
    // (the dashboard's Redis memory ratio needs one; the shared test server has none).
    this.redisServer = this.track(await PrivateRedis.start());
    this.redis = new Redis(this.redisServer.url, { maxRetriesPerRequest: 1 });
    await this.redis.config('SET', 'maxmemory', '256mb');
    this.slack = this.track(await SlackStandIn.start());
    this.smtp = this.track(await SmtpSink.start());

    const postgres = new URL(testPostgresServerUrl());
    this.apiDatabase = this.track(new TcpProxy(await freePort(), Number(postgres.port || 5432), postgres.hostname));
    await this.apiDatabase.start();
    const apiDatabaseUrl = new URL(suiteDatabaseUrl());
    apiDatabaseUrl.hostname = '127.0.0.1';
    apiDatabaseUrl.port = String(this.apiDatabase.port);

    const [api, notifier, inference] = await Promise.all([
      ServiceProcess.start({
        name: 'api',
        entry: paths.apiEntry,
        prefix: 'API',
        env: {
          ...baseEnvironment(this.redisServer.url),
          DATABASE_URL: apiDatabaseUrl.toString(),
          // The gateway is the only hop to believe (it connects from 127.0.0.1; clients here use 127.0.0.2+).
          TRUST_PROXY: '127.0.0.1',
        },
      }),
      ServiceProcess.start({
        name: 'notifier',
        entry: paths.notifierEntry,
        prefix: 'NOTIFIER',
        env: {
          ...baseEnvironment(this.redisServer.url),
          TRUST_PROXY: '127.0.0.1',
          NOTIFIER_WEBHOOK_TOKEN: SUITE_WEBHOOK_TOKEN,
          SLACK_WEBHOOK_URL: this.slack.url(),
          SMTP_HOST: '127.0.0.1',
          SMTP_PORT: String(this.smtp.port),
          SMTP_SECURE: 'false',
          ALERT_EMAIL_TO: SUITE_EMAIL_TO,
          NOTIFIER_RETRY_DELAY_MS: '200',
          NOTIFIER_SEND_TIMEOUT_MS: '3000',
        },
      }),
      // The models the global setup trained, from the suite's model directory: no training here.
      ServiceProcess.start({
        name: 'inference',
        entry: paths.inferenceEntry,
        prefix: 'INFERENCE',
        env: { ...inferenceEnvironment(this.redisServer.url), INFERENCE_TRAIN_BASE_MODELS: 'false' },
      }),
    ]);
    this.api = this.track(api);
    this.notifier = this.track(notifier);
    this.inference = this.track(inference);
    this.gateway = this.track(
      await GatewayProcess.start({ apiUpstream: api.address, notifierUpstream: notifier.address, ...options.gateway }),
    );

    if (options.monitoring) {
      const alertmanager = this.track(await AlertmanagerProcess.start(notifier.url, SUITE_WEBHOOK_TOKEN));
      this.alertmanager = alertmanager;
      const nginxExporter = this.track(await ExporterProcess.nginx(this.gateway.statusPort));
      const blackbox = this.track(await ExporterProcess.blackbox());
      this.prometheus = this.track(
        await PrometheusProcess.start(
          {
            'api:3000': api.address,
            'notifier:3002': notifier.address,
            'inference:3001': inference.address,
            'gateway:8080': this.gateway.address,
            'nginx-exporter:9113': nginxExporter.address,
            'blackbox:9115': blackbox.address,
            'alertmanager:9093': new URL(alertmanager.url).host,
          },
          SUITE_METRICS_TOKEN,
        ),
      );
    }
  }

  private track<T extends { stop(): Promise<void> }>(part: T): T {
    this.stoppable.push(part);
    return part;
  }

  // The binaries the alert path needs (Debian's nginx, prometheus and prometheus-alertmanager).
  static monitoringAvailable(): boolean {
    return (
      GatewayProcess.available() &&
      PrometheusProcess.available() &&
      AlertmanagerProcess.available() &&
      ExporterProcess.available()
    );
  }

  // Prometheus has scraped both services: from here on, what they count is in its database.
  async scraped(): Promise<PrometheusProcess> {
    const prometheus = this.prometheus;
    if (!prometheus) throw new Error('the suite was started without monitoring');
    await waitFor(async () => (await prometheus.query('up{job=~"api|notifier|inference"} == 1')).length === 3, {
      what: 'Prometheus to scrape the API, the notifier and the inference service',
      timeoutMs: 30_000,
      intervalMs: 250,
    });
    return prometheus;
  }

  // Output of the services, for a failing assertion's message.
  logs(): string {
    return [this.api, this.notifier, this.inference]
      .filter((service) => service !== undefined)
      .map((service) => `--- ${service.name}\n${service.output.join('').slice(-3000)}`)
      .join('\n');
  }

  async stop(): Promise<void> {
    this.redis?.disconnect();
    // Reverse order: nothing is left pointing at a part already gone.
    for (const part of this.stoppable.reverse()) await part.stop().catch(() => undefined);
    this.stoppable.length = 0;
  }
}
