/**
 * Platform operators: the people who run an Atelier installation for all its tenants. Nothing here is tenant scoped;
 * an operator credential works for the operator console on the operator host and nowhere on tenant hosts.
 */
package dev.atelier.accounts.operators;
