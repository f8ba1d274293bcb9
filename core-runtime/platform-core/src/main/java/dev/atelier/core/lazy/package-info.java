/** Values made at their first use instead of while the platform starts. */
package dev.atelier.core.lazy;
