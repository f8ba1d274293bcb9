/** Persistence of operator credentials; entities never leave this package. */
package dev.atelier.accounts.operators.internal;
