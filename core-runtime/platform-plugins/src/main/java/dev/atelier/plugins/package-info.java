/**
 * The plugin host: an embedded Apache Felix framework that installs plugin bundles from a deploy folder, updates them
 * blue/green while they serve, and offers their services to the rest of the platform, one plugin kind at a time.
 *
 * <p>Start with {@link dev.atelier.plugins.PluginHost}. The deploy folder is the source of truth: a jar copied into it
 * is installed, a changed jar is updated, a deleted jar is removed. A kind of plugin is declared once as a
 * {@link dev.atelier.plugins.PluginKind} ({@link dev.atelier.plugins.PluginKinds} lists the platform's); its
 * {@link dev.atelier.plugins.PluginRegistry} ({@code host.plugins(kind)}) is how the platform finds, binds and calls
 * its plugins, {@link dev.atelier.plugins.ModelRegistry} and {@link dev.atelier.plugins.StorageRegistry} are typed
 * views of two of them, and {@link dev.atelier.plugins.PluginHost#bundles()} is what operators see.
 */
package dev.atelier.plugins;
