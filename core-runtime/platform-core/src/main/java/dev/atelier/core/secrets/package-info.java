/** Encryption of secrets stored in the database ({@link dev.atelier.core.secrets.SecretBox}). */
package dev.atelier.core.secrets;
