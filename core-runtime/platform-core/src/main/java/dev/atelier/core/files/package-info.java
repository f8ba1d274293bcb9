/** What the platform knows about files by their names. */
package dev.atelier.core.files;
