/**
 * Sends update links by e-mail when SMTP_URL is set (nodemailer: the common, maintained SMTP client
 * for Node, with connection URLs, TLS and pooling built in). One message per actor with a known
 * e-mail address, German first with an English paragraph. Nothing is logged: a message holds a
 * token, and failures are reported by actor only.
 */
import nodemailer from 'nodemailer';
import type { IssuedLink } from './service';

export interface MailConfig {
  /** e.g. smtp://user:pass@mail.example:587, smtps://… */
  smtpUrl: string;
  /** The sender, e.g. "Quartiersmanagement <quartier@stadt.example>". */
  from: string;
}

export interface MailReport {
  sent: number;
  /** Actors without an e-mail address (their link is in the list and the CSV). */
  withoutEmail: number;
  /** Actors whose message the server refused. */
  failedActorIds: string[];
}

/** MAIL config from SMTP_URL and MAIL_FROM; null without SMTP_URL. */
export function mailConfigFromEnv(env: NodeJS.ProcessEnv = process.env): MailConfig | null {
  const smtpUrl = env.SMTP_URL?.trim();
  if (!smtpUrl) return null;
  return { smtpUrl, from: env.MAIL_FROM?.trim() || 'Quartiernetz <quartiernetz@localhost>' };
}

function message(link: IssuedLink): { subject: string; text: string } {
  const until = new Date(link.link.expiresAt).toLocaleDateString('de-DE', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  return {
    subject: `Ihr Eintrag im Quartiernetz: ${link.actorName}`,
    text: [
      'Guten Tag,',
      '',
      `das Quartiersmanagement bittet Sie, den Eintrag von „${link.actorName}“ im Quartiernetz zu prüfen und zu ergänzen — auch, mit wem Sie im letzten Jahr zusammengearbeitet haben. Ihr persönlicher Link (gültig bis zum ${until}):`,
      '',
      link.url,
      '',
      'Nichts wird sofort übernommen: Eine Redakteurin oder ein Redakteur sieht sich Ihre Angaben zuerst an. Bitte geben Sie den Link nicht weiter.',
      '',
      '—',
      `The quarter management asks you to check the entry of “${link.actorName}” in Quartiernetz. Your personal link is above; an editor looks at your answer before anything changes. Please do not pass the link on.`,
    ].join('\n'),
  };
}

export async function sendLinks(config: MailConfig, issued: readonly IssuedLink[]): Promise<MailReport> {
  const transport = nodemailer.createTransport(config.smtpUrl, { from: config.from });
  const report: MailReport = { sent: 0, withoutEmail: 0, failedActorIds: [] };
  try {
    for (const link of issued) {
      if (!link.email) {
        report.withoutEmail++;
        continue;
      }
      try {
        await transport.sendMail({ to: link.email, ...message(link) });
        report.sent++;
      } catch {
        report.failedActorIds.push(link.link.actorId);
      }
    }
  } finally {
    transport.close();
  }
  return report;
}
