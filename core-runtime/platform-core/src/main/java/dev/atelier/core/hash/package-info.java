/** Hashes the platform stores and compares. */
package dev.atelier.core.hash;
