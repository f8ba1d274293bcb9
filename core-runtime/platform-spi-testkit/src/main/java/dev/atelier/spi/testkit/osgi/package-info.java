/**
 * In-container tests of plugin bundles: {@link dev.atelier.spi.testkit.osgi.FelixContainer} sets up a Pax Exam native
 * Felix with Declarative Services and platform-api, and asserts what such a test checks about the bundle under test.
 *
 * <p>Needs Pax Exam and the OSGi framework API on the test class path; the test kit declares them as provided only.
 */
package dev.atelier.spi.testkit.osgi;
