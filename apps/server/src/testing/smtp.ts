import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  messageId: string | null;
}

/**
 * A real SMTP server on loopback for the tests (smtp-server): it receives what nodemailer sends, and can be told
 * to refuse (temporary failure) or to stall the next deliveries, as a broken or slow mail server would.
 */
export class TestSmtpServer {
  readonly received: ReceivedMail[] = [];
  /** Deliveries to refuse with a temporary failure (451) before accepting again. */
  failNext = 0;
  /** When true, a message is read but never acknowledged (the sender waits). */
  stall = false;
  /** Messages whose DATA phase has started (stalled ones included). */
  started = 0;
  private server: SMTPServer;
  port = 0;

  constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onData: (stream, session, callback) => {
        this.started++;
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", async () => {
          if (this.stall) return; // never answers: the client is stuck mid-send
          if (this.failNext > 0) {
            this.failNext--;
            const error = Object.assign(new Error("Service temporairement indisponible"), { responseCode: 451 });
            callback(error);
            return;
          }
          const mail = await simpleParser(Buffer.concat(chunks));
          this.received.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            messageId: mail.messageId ?? null,
          });
          callback();
        });
      },
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", () => resolve()));
    this.port = (this.server.server.address() as AddressInfo).port;
    return `smtp://127.0.0.1:${this.port}`;
  }

  async waitFor(predicate: (mails: ReceivedMail[]) => boolean, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.received)) {
      if (Date.now() > deadline) throw new Error(`courriel attendu non reçu (${this.received.length} reçus)`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
