/**
 * Generation models: plugins that turn a prompt (and optionally input images or videos) into images or videos.
 *
 * <h2>Writing a model bundle</h2>
 * <ol>
 *   <li>Implement {@link dev.atelier.spi.model.GenerationModel} in a class of your bundle and register it as an OSGi
 *       service, most simply with Declarative Services:
 *       {@code @Component(service = GenerationModel.class)}.</li>
 *   <li>Return a {@link dev.atelier.spi.model.ModelDescriptor} from {@code descriptor()}: the host reads it once when
 *       the service appears and uses it to list the model, validate parameters and price calls.</li>
 *   <li>In {@code generate(...)}, report progress through the {@link dev.atelier.spi.model.GenerationContext}, stop
 *       when it says the call is cancelled or its deadline passed, and return the media you made.</li>
 *   <li>If the model calls a vendor, override {@code description()} (from
 *       {@link dev.atelier.spi.plugin.PluginService}): the settings tenants give it as a
 *       {@link dev.atelier.spi.plugin.SettingsSchema}, read in every call with {@code SETTINGS.read(...)}, and the
 *       vendor as a {@link dev.atelier.spi.plugin.DataProcessorDisclosure}.</li>
 *   <li>Import only {@code dev.atelier.spi.*}, {@code org.slf4j} and OSGi packages; embed any vendor SDK privately.</li>
 * </ol>
 *
 * <p>A model that calls a vendor which can notify it (webhooks) may ask the context for
 * {@link dev.atelier.spi.model.GenerationContext#callbacks() a callback URL} instead of polling all the time.
 *
 * <p>Several bundles may register models; a model is identified by {@link dev.atelier.spi.model.ModelDescriptor#id()}.
 * When two versions of the same bundle are present during an update, new calls go to the newer one and calls already
 * running finish on the older one.
 */
@Export
@Version("1.3.0")
package dev.atelier.spi.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
