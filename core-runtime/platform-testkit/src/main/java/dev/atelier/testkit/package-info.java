/**
 * Real services for tests: {@link dev.atelier.testkit.TestPostgres} gives each test its own PostgreSQL database.
 */
package dev.atelier.testkit;
