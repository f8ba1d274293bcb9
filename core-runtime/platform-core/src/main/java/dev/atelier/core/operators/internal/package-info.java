/** Persistence of operator credentials; entities never leave this package. */
package dev.atelier.core.operators.internal;
