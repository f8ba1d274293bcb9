/**
 * Real services for tests: {@link dev.atelier.testkit.TestPostgres} gives each test its own PostgreSQL database,
 * {@link dev.atelier.testkit.TestRedis} a Redis server of the test's own,
 * {@link dev.atelier.testkit.TestSql} runs the plain SQL a test sets up or asserts with, and
 * {@link dev.atelier.testkit.Folders} copies fixture folders a test may change.
 */
package dev.atelier.testkit;
