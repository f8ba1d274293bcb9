/** Implementations of {@link dev.atelier.core.mail}: MIME building, the SMTP and file transports, outbox SQL. */
package dev.atelier.core.mail.internal;
