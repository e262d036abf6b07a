import type { AlertSource, AlertStatus, Severity } from '../../alerts/domain/alert-group';

export interface MessageAlert {
  name: string;
  status: AlertStatus;
  severity: Severity;
  summary: string;
  description: string;
  // The labels that tell alerts of one group apart (service, instance...), without the common ones.
  distinguishing: Record<string, string>;
  startsAt: string;
  endsAt?: string;
  runbookUrl?: string;
  generatorUrl?: string;
}

// What every channel renders: one message per group, the first alerts listed, the rest counted.
export interface NotificationMessage {
  source: AlertSource;
  status: AlertStatus;
  severity: Severity;
  title: string;
  // "[FIRING:3] HighErrorRate" / "[RESOLVED] HighErrorRate"
  headline: string;
  summary: string;
  groupLabels: Record<string, string>;
  alerts: MessageAlert[];
  // Alerts of the group not listed: past the per-message limit, or truncated by Alertmanager.
  moreCount: number;
  externalUrl?: string;
}
