/**
 * Encryption of secrets stored in the database ({@link dev.atelier.core.secrets.SecretBox}), and secrets written to
 * files no other user can read ({@link dev.atelier.core.secrets.OwnerOnlyFile}).
 */
package dev.atelier.core.secrets;
