/**
 * Transactional email: {@link dev.atelier.core.mail.MailOutbox} stores messages in the caller's transaction and
 * {@link dev.atelier.core.mail.OutboxSender} delivers them in the background through a
 * {@link dev.atelier.core.mail.MailTransport} (SMTP, or {@code .eml} files when no SMTP server is configured), retrying
 * with backoff so a mail server outage delays mail but loses none.
 */
package dev.atelier.core.mail;
