/**
 * Real services for tests: {@link dev.atelier.testkit.TestPostgres} gives each test its own PostgreSQL database, and
 * {@link dev.atelier.testkit.TestSql} runs the plain SQL a test sets up or asserts with.
 */
package dev.atelier.testkit;
