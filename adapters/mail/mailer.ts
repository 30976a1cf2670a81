// Outgoing e-mail (reminders, invitations) through one SMTP server named by a URL, via nodemailer.
import { createTransport } from 'nodemailer';

export interface Mailer {
  /** Resolves once the SMTP server accepted the message; throws an Error with an English reason otherwise. */
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

/**
 * A mailer for smtp:// or smtps:// URLs (user, password and options such as ?connectionTimeout=… ride in the URL),
 * or null when no URL is configured: e-mail is off and callers skip sending.
 */
export function createMailer(config: { smtpUrl: string | null; from: string }): Mailer | null {
  if (!config.smtpUrl) return null;
  // The URL is not quoted in the message: it may carry the SMTP password.
  if (!/^smtps?:\/\//i.test(config.smtpUrl)) throw new Error('The SMTP URL must start with smtp:// or smtps://');
  const transport = createTransport(config.smtpUrl);

  return {
    async send(message) {
      try {
        const info = await transport.sendMail({
          from: config.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
        });
        if (info.rejected.length > 0) throw new Error('the SMTP server rejected the recipient');
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`Sending e-mail failed: ${reason}`, { cause: error });
      }
    },
  };
}
