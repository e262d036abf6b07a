import type { OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import type { EmailDestination } from '../../config/routing/routing-config';
import type { SmtpSettings } from '../../config/smtp-settings';
import { DeliveryError } from '../channel-error';
import { emailSubject } from '../message/message-format';
import type { NotificationMessage } from '../message/notification-message';
import { renderEmailHtml } from './email-html.template';
import { renderEmailText } from './email-text.template';

interface SmtpFailure {
  code?: string;
  responseCode?: number;
  message?: string;
}

// SMTP's own verdict decides: 5xx replies are permanent (a rejected recipient stays rejected), 4xx
// replies and connection problems are transient. A login failure is retried too: an operator can
// fix the credentials while the message waits.
export function classifySmtpFailure(error: SmtpFailure): DeliveryError {
  const detail = `SMTP ${error.responseCode ?? error.code ?? 'error'}: ${error.message ?? 'unknown failure'}`;
  const permanent = error.responseCode !== undefined && error.responseCode >= 500 && error.code !== 'EAUTH';
  return new DeliveryError(permanent ? 'permanent' : 'transient', detail);
}

// Built by the delivery module from the configuration (SMTP settings, send timeout).
export class EmailChannel implements OnApplicationShutdown {
  private transport: Transporter | undefined;

  constructor(
    private readonly smtp: SmtpSettings | undefined,
    private readonly timeoutMs: number,
  ) {}

  async send(message: NotificationMessage, destination: EmailDestination): Promise<void> {
    const transport = this.transportOrFail();
    try {
      await transport.sendMail({
        from: this.smtp?.from,
        to: destination.to,
        subject: emailSubject(message),
        text: renderEmailText(message),
        html: renderEmailHtml(message),
        headers: { 'X-QBM-Alert-Status': message.status, 'X-QBM-Alert-Severity': message.severity },
      });
    } catch (error) {
      throw classifySmtpFailure(error as SmtpFailure);
    }
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }

  // A small pool: SMTP servers limit connections per client, and a burst reuses them.
  private transportOrFail(): Transporter {
    if (this.transport) return this.transport;
    const smtp = this.smtp;
    if (!smtp) throw new DeliveryError('permanent', 'SMTP is not configured (SMTP_URL or SMTP_HOST)');
    const timeouts = {
      connectionTimeout: this.timeoutMs,
      greetingTimeout: this.timeoutMs,
      socketTimeout: this.timeoutMs,
    };
    this.transport = createTransport({
      pool: true,
      maxConnections: 3,
      ...timeouts,
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure,
      ...(smtp.auth ? { auth: smtp.auth } : {}),
    });
    return this.transport;
  }
}
