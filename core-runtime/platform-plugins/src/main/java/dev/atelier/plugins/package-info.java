/**
 * The plugin host: an embedded Apache Felix framework that installs plugin bundles from a deploy folder, updates them
 * blue/green while they serve, and offers their generation models to the rest of the platform.
 *
 * <p>Start with {@link dev.atelier.plugins.PluginHost}. The deploy folder is the source of truth: a jar copied into it
 * is installed, a changed jar is updated, a deleted jar is removed. {@link dev.atelier.plugins.ModelRegistry} is how the
 * platform finds and calls models; {@link dev.atelier.plugins.PluginHost#bundles()} is what operators see.
 */
package dev.atelier.plugins;
