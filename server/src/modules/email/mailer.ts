// Outgoing e-mail. Every message is recorded in the outbox table (staff and the e2e suite read it);
// with SMTP_URL set it is also delivered through nodemailer, otherwise it stays in the outbox only.
import nodemailer, { type Transporter } from 'nodemailer';
import type { Em } from '../../db/orm.ts';
import type { Logger } from '../../logger.ts';
import { EmailMessage } from './email.entity.ts';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** What the mail is for ('verify_email', 'invitation', …): lets the outbox be filtered. */
  kind: string;
}

export class Mailer {
  private readonly transport: Transporter | null;
  private readonly from: string;
  private readonly logger: Logger;

  constructor(opts: { smtpUrl?: string | undefined; from: string; logger: Logger }) {
    this.transport = opts.smtpUrl ? nodemailer.createTransport(opts.smtpUrl) : null;
    this.from = opts.from;
    this.logger = opts.logger;
  }

  async send(em: Em, mail: OutgoingEmail): Promise<EmailMessage> {
    const row = em.create(EmailMessage, {
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html ?? null,
      kind: mail.kind,
      status: this.transport ? 'queued' : 'outbox',
    });
    await em.persist(row).flush();
    if (this.transport) {
      try {
        await this.transport.sendMail({
          from: this.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
        });
        row.status = 'sent';
        row.sentAt = new Date();
      } catch (error) {
        // The row stays as a record of the failure; the user can ask for the mail again.
        row.status = 'failed';
        row.error = String((error as Error).message).slice(0, 500);
        this.logger.error({ err: error, to: mail.to, kind: mail.kind }, 'email delivery failed');
      }
      await em.flush();
    }
    return row;
  }
}
