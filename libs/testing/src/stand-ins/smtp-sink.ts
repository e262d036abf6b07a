import { freePort } from '../network/free-port';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';

export interface ReceivedMail {
  at: number;
  to: string[];
  mail: ParsedMail;
}

// A real SMTP server for the notifier to send to: it parses every message it accepts, and can be
// stopped and started again on the same port (an outage) or made to refuse messages.
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  private server: SMTPServer | undefined;
  // A code to answer DATA with instead of accepting (e.g. 451 transient, 550 permanent).
  refuseWith: number | undefined;

  private constructor(readonly port: number) {}

  static async start(): Promise<SmtpSink> {
    const sink = new SmtpSink(await freePort());
    await sink.resume();
    return sink;
  }

  async resume(): Promise<void> {
    if (this.server) return;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream: SMTPServerDataStream, session, callback) => {
        const to = session.envelope.rcptTo.map((rcpt) => rcpt.address);
        simpleParser(stream).then(
          (mail) => {
            if (this.refuseWith !== undefined) {
              const error = Object.assign(new Error(`refused by the test (${this.refuseWith})`), {
                responseCode: this.refuseWith,
              });
              callback(error);
              return;
            }
            this.received.push({ at: Date.now(), to, mail });
            callback();
          },
          (error: Error) => callback(error),
        );
      },
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', () => resolve()));
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  bySubject(fragment: string): ReceivedMail[] {
    return this.received.filter((entry) => (entry.mail.subject ?? '').includes(fragment));
  }
}
